// The formatter: one canonical layout for `.partnership` files ("Format Document" in the
// editor, and the command line). It works from the original text's tokens and comments; the
// syntax tree only says where statements begin, how deep they sit and where blocks open and
// close. So every literal is written exactly as the author wrote it and meaning cannot change.
// A document with a syntax error (any P001) is never rewritten: the result is null.
//
// Layout rules:
// - Two spaces of indentation per block level. One statement per line: a statement that
//   shared a line with another gets its own line, and a statement spread over several lines is
//   joined onto one. A declaration with a block is `kind Name "Title" {`, its lines, then `}`
//   on a line of its own. A block with nothing inside (no statement, no comment) is `{ }`.
// - Single spaces between tokens; none before a comma, one after (`members A, B`).
// - Blank lines: at most one, kept where the author had one or more between two statements
//   or comment lines. Added: one after the imports, and one before and after each declaration
//   of the partnership whose block takes several lines (before its leading comments). Never
//   at the start of the file, just after `{`, just before `}` or inside a statement.
// - Comments are kept, in order. A comment on lines of its own stays on its own line(s), at
//   the indentation of the statement it precedes (before `}`: the block's indentation; in
//   the middle of a statement: the continuation's, see below). A comment after a token on the same line stays at the end of that line, one
//   space after it. A block comment followed on its line by a statement stays in front of it.
//   A line comment in the middle of a statement ends the line; the statement then goes on
//   in a continuation line indented two levels deeper than the statement. Comment text is
//   kept as written, except for white space at the ends of its lines.
// - Literals as written: strings with their escapes, dates, durations, `£200k` or
//   `£200,000`; inside an amount of money a run of spaces becomes one space (`GBP 5`).
// - No trailing white space, a final line break, the author's line ending (the file's first
//   line break: `\n`, `\r\n` or `\r`) and a leading byte order mark when there was one.

import { parseDocument } from '../syntax/parse';
import { pieceText, piecesOf, sameContent, type Piece } from './pieces';
import { structureOf, type StatementStart, type Structure } from './structure';

const INDENT = '  ';
const CONTINUATION = INDENT + INDENT;

/** Thrown when the layout would change more than white space: the document is left as it is. */
export class LayoutGuardError extends Error {
  constructor() {
    super('The formatter would change more than the layout; the document is left as it is.');
    this.name = 'LayoutGuardError';
  }
}

/** The formatted text, or null when the document has a syntax error. */
export function formatDocument(text: string): string | null {
  const parsed = parseDocument('document.partnership', text);
  if (parsed.ast.lexicalErrors.length > 0 || parsed.diagnostics.some((d) => d.code === 'P001')) return null;
  const structure = structureOf(parsed.ast);
  if (!structure) return null;
  const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lines = new Layout(text, piecesOf(text, structure.atoms), structure, eol).run();
  const formatted = lines.length === 0 ? bom : bom + lines.join(eol) + eol;
  // A last guard: only white space may differ. Anything else is a bug in this file, and the
  // author's text must not be damaged by it.
  if (!sameContent(text, formatted)) throw new LayoutGuardError();
  return formatted;
}

/** Where the token after a comment goes. */
type Next =
  | { readonly role: 'statement'; readonly start: StatementStart }
  | { readonly role: 'close'; readonly depth: number }
  | { readonly role: 'middle' }
  | { readonly role: 'end' };

class Layout {
  private readonly lines: string[] = [];
  /** The line being written: its indentation and its parts (tokens and comments). */
  private indent = '';
  private parts: string[] | null = null;
  /** The open line holds only comments before the statement or `}` that follows. */
  private leading = false;
  /** The open line holds only block comments that the next token joins. */
  private prefixOnly = false;
  /** The next token of the statement may not join the open line (after `{` or a line comment). */
  private needBreak = false;
  private justOpened = false;
  private justClosedDeclaration = false;
  private lastWasImport = false;
  private statementDepth = 0;
  private readonly emptyBlocks = new Set<number>();

  constructor(
    private readonly text: string,
    private readonly pieces: readonly Piece[],
    private readonly structure: Structure,
    private readonly eol: string,
  ) {
    pieces.forEach((p, i) => {
      if (structure.opens.get(p.start) === pieces[i + 1]?.start) this.emptyBlocks.add(p.start);
    });
  }

  run(): string[] {
    const { starts, opens, closes } = this.structure;
    for (let i = 0; i < this.pieces.length; i++) {
      const p = this.pieces[i];
      if (p.kind !== 'token') {
        this.comment(i);
        continue;
      }
      const closeDepth = closes.get(p.start);
      const start = starts.get(p.start);
      if (closeDepth !== undefined) {
        this.lineFor(level(closeDepth), false);
        this.parts!.push('}');
        this.justClosedDeclaration = closeDepth === 1;
        this.lastWasImport = false;
      } else if (start) {
        this.lineFor(level(start.depth), this.blankBefore(p.breaksBefore > 1, start));
        this.parts!.push(this.tokenText(p));
        this.statementDepth = start.depth;
        this.lastWasImport = start.isImport;
      } else {
        if (this.needBreak) this.newLine(this.continuation(), false);
        if (this.emptyBlocks.has(p.start)) {
          this.parts!.push('{ }');
          i++;
        } else {
          this.addToken(this.tokenText(p));
          if (opens.has(p.start)) {
            this.needBreak = true;
            this.justOpened = true;
          }
        }
      }
    }
    this.flush();
    return this.lines;
  }

  private comment(i: number): void {
    const p = this.pieces[i];
    const text = pieceText(this.text, p, this.eol);
    if (p.breaksBefore === 0 && this.parts) {
      // After a token (or comment) on the same line: stays at the end of that line.
      this.parts.push(text);
      if (p.kind === 'line-comment') this.needBreak = true;
      return;
    }
    const ownLine = !this.tokenFollowsOnLine(i);
    const next = this.nextOf(i);
    if (next.role === 'middle') {
      if (ownLine || this.needBreak) this.newLine(this.continuation(), false);
      this.parts!.push(text);
      this.needBreak = ownLine;
      return;
    }
    const indent =
      next.role === 'statement' ? level(next.start.depth)
      : next.role === 'close' ? level(ownLine ? next.depth + 1 : next.depth)
      : '';
    this.newLine(indent, this.blankBefore(p.breaksBefore > 1, next.role === 'statement' ? next.start : null));
    this.parts!.push(text);
    this.leading = ownLine;
    this.prefixOnly = !ownLine;
  }

  /** Whether the comment at piece `i` begins a line that the next token ends up on too. */
  private tokenFollowsOnLine(i: number): boolean {
    for (let j = i; j < this.pieces.length; j++) {
      const p = this.pieces[j];
      if (j > i && p.breaksBefore > 0) return false;
      if (p.kind === 'token') return true;
      if (p.kind === 'line-comment') return false;
    }
    return false;
  }

  /** What the next token is, seen from the comment at piece `i`. */
  private nextOf(i: number): Next {
    for (let j = i + 1; j < this.pieces.length; j++) {
      const p = this.pieces[j];
      if (p.kind !== 'token') continue;
      const start = this.structure.starts.get(p.start);
      if (start) return { role: 'statement', start };
      const depth = this.structure.closes.get(p.start);
      return depth === undefined ? { role: 'middle' } : { role: 'close', depth };
    }
    return { role: 'end' };
  }

  /** Whether a blank line goes before a new line that begins a statement or its comments. */
  private blankBefore(authorBlank: boolean, start: StatementStart | null): boolean {
    if (!this.parts || this.justOpened) return false;
    if (!this.leading) {
      if (this.justClosedDeclaration) return true;
      if (this.lastWasImport && !start?.isImport) return true;
      if (start && start.depth === 1 && start.block && !this.emptyBlocks.has(start.block.start)) return true;
    }
    return authorBlank;
  }

  /** Starts a line for a statement or `}`, unless block comments already wait for it. */
  private lineFor(indent: string, blank: boolean): void {
    if (this.prefixOnly) {
      this.prefixOnly = false;
      this.leading = false;
      this.needBreak = false;
    } else {
      this.newLine(indent, blank);
    }
  }

  private newLine(indent: string, blank: boolean): void {
    this.flush();
    if (blank && this.lines.length > 0) this.lines.push('');
    this.indent = indent;
    this.parts = [];
    this.leading = this.prefixOnly = this.needBreak = this.justOpened = this.justClosedDeclaration = false;
  }

  private flush(): void {
    if (this.parts && this.parts.length > 0) this.lines.push(this.indent + this.parts.join(' '));
    this.parts = null;
  }

  private addToken(token: string): void {
    const parts = this.parts!;
    if (token === ',' && parts.length > 0) parts[parts.length - 1] += ',';
    else parts.push(token);
  }

  private tokenText(p: Piece): string {
    const raw = this.text.slice(p.start, p.end);
    return this.structure.atoms.has(p.start) ? raw.replace(/[ \t]+/g, ' ') : raw;
  }

  private continuation(): string {
    return level(this.statementDepth) + CONTINUATION;
  }
}

function level(depth: number): string {
  return INDENT.repeat(depth);
}
