// The formatter's view of a document's text: a flat list of pieces (tokens and comments) with
// the number of line breaks in the white space before each. White space itself is dropped;
// the formatter decides where it goes. Only meant for text that parses without errors, where
// every character outside white space and comments belongs to one of these tokens:
// - a string `"…"` (escapes kept as written),
// - `{`, `}`, `,`, or a comparator `>=`, `<=`, `>`, `<`, `=`,
// - an atom the caller names by its span (amounts of money, which may hold a space: `GBP 5`),
// - a run of any other characters (keywords, names, dotted names, dates, numbers, `99.5%`).

import { isBlank } from '../language/vocabulary';

export type PieceKind = 'token' | 'line-comment' | 'block-comment';

export interface Piece {
  readonly kind: PieceKind;
  readonly start: number;
  readonly end: number;
  /** Line breaks (`\r\n`, `\n` or a lone `\r`) in the white space just before the piece. */
  readonly breaksBefore: number;
}

const RUN_STOP = new Set(['{', '}', '"', ',', '<', '>', '=', '/']);

/** Splits `text` into pieces; `atoms` maps the start of a one-token span to its end. */
export function piecesOf(text: string, atoms: ReadonlyMap<number, number> = new Map()): Piece[] {
  const out: Piece[] = [];
  const n = text.length;
  let i = 0;
  let breaks = 0;
  while (i < n) {
    const c = text[i];
    if (isBlank(c)) {
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) breaks++;
      i++;
      continue;
    }
    const start = i;
    let kind: PieceKind = 'token';
    if (c === '/' && text[i + 1] === '/') {
      kind = 'line-comment';
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      kind = 'block-comment';
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else if (atoms.has(i)) {
      i = atoms.get(i)!;
    } else if (c === '"') {
      i++;
      while (i < n && text[i] !== '"' && text[i] !== '\n' && text[i] !== '\r') i += text[i] === '\\' ? 2 : 1;
      i = Math.min(n, i + 1);
    } else if ((c === '<' || c === '>') && text[i + 1] === '=') {
      i += 2;
    } else if (RUN_STOP.has(c)) {
      i++;
    } else {
      while (i < n && !isBlank(text[i]) && !RUN_STOP.has(text[i])) i++;
    }
    out.push({ kind, start, end: i, breaksBefore: breaks });
    breaks = 0;
  }
  return out;
}

/**
 * A piece as the formatter writes it: comments without white space at the ends of their lines
 * and with `eol` between them; tokens as they are (amounts of money are the caller's concern).
 */
export function pieceText(text: string, p: Piece, eol: string): string {
  const raw = text.slice(p.start, p.end);
  if (p.kind === 'token') return raw;
  return raw.split(/\r\n|\r|\n/).map((line) => line.trimEnd()).join(eol);
}

/** Whether two texts hold the same tokens and comments, in the same order, whatever the layout. */
export function sameContent(a: string, b: string): boolean {
  const pa = piecesOf(a);
  const pb = piecesOf(b);
  return pa.length === pb.length && pa.every((p, i) => p.kind === pb[i].kind && pieceText(a, p, '\n') === pieceText(b, pb[i], '\n'));
}
