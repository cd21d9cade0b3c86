// What stands at an offset of a file: a declaration's name, one part of a reference, or a
// keyword. Every editor feature (hover, definition, references, rename, highlights) starts here.

import { forEachReferenceIn, type Reference, type VisiblePartnership } from '../binding/resolve';
import type { PartnershipSymbol } from '../binding/symbols';
import type { Program, SourceFile } from '../program/program';
import type { Ident, Junk, Partnership, PartnershipItem, Span, Statement } from '../syntax/ast';
import { firstStartingFrom } from '../text/in-text-order';

export type Target = PartnershipSymbol | VisiblePartnership;

export type Located =
  | { readonly kind: 'declaration'; readonly symbol: PartnershipSymbol; readonly span: Ident }
  | { readonly kind: 'partnership'; readonly source: SourceFile; readonly span: Ident }
  | {
      readonly kind: 'reference';
      readonly reference: Reference;
      readonly part: number;
      readonly span: Ident;
      /** What this part of the name refers to, when it resolved. */
      readonly target: Target | null;
    }
  | { readonly kind: 'keyword'; readonly word: string; readonly span: Span };

const inside = (offset: number, span: Span): boolean => offset >= span.start && offset <= span.end;

export function locate(source: SourceFile, offset: number): Located | null {
  // Only the declarations around the offset are searched: a large contract has hundreds of
  // thousands of references, and hover answers as someone moves the mouse.
  const statements = statementsAround(source.partnership, offset);
  let found: Located | null = null;
  forEachReferenceIn(statements, (node) => {
    if (found || !inside(offset, node)) return;
    const reference = source.references.get(node);
    const part = node.parts.findIndex((p) => inside(offset, p));
    if (!reference || part < 0) return;
    found = { kind: 'reference', reference, part, span: node.parts[part], target: reference.parts[part] ?? null };
  });
  if (found) return found;
  for (const decl of declarationsIn(statements)) {
    const symbol = source.symbolOf.get(decl);
    if (symbol && inside(offset, symbol.nameNode)) return { kind: 'declaration', symbol, span: symbol.nameNode };
  }
  const p = source.partnership;
  if (p && inside(offset, p.name)) return { kind: 'partnership', source, span: p.name };
  const word = wordAt(source.text, offset);
  if (word && KEYWORDS.has(word.text)) return { kind: 'keyword', word: word.text, span: word };
  return null;
}

/**
 * The partnership's statements whose text reaches the offset (an offset at the end of one and
 * the start of the next touches both), found by halving: they are in the order of the text.
 */
function statementsAround(partnership: Partnership | null, offset: number): (PartnershipItem | Junk)[] {
  const items = partnership?.block?.items ?? [];
  // items[low - 1] is the last statement starting at or before the offset.
  const low = firstStartingFrom(items, (item) => item.start, offset + 1);
  const around: (PartnershipItem | Junk)[] = [];
  for (let i = Math.max(0, low - 2); i < low; i++) if (inside(offset, items[i])) around.push(items[i]);
  return around;
}

/** The declarations among some statements, with the scopes nested in them. */
function declarationsIn(statements: readonly (Statement | Junk)[]): Statement[] {
  const out: Statement[] = [];
  const visit = (items: readonly (Statement | Junk)[]): void => {
    for (const item of items) {
      if (item.kind === 'Party' || item.kind === 'Norm' || item.kind === 'Kpi' || item.kind === 'Body') out.push(item);
      else if (item.kind === 'Scope') {
        out.push(item);
        if (item.block) visit(item.block.items);
      }
    }
  };
  visit(statements);
  return out;
}

/** The identifier-like word (letters, digits, `_`, `-`) around an offset. */
export function wordAt(text: string, offset: number): (Span & { text: string }) | null {
  const isWord = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_-]/.test(c);
  let start = offset;
  let end = offset;
  while (start > 0 && isWord(text[start - 1])) start--;
  while (end < text.length && isWord(text[end])) end++;
  if (start === end || !/[A-Za-z]/.test(text[start])) return null;
  let word = text.slice(start, end);
  // `must not` is one modal.
  if (word === 'must' && /^\s+not\b/.test(text.slice(end))) word = 'must not';
  if (word === 'not' && /\bmust\s+$/.test(text.slice(Math.max(0, start - 10), start))) word = 'must not';
  return { start, end, text: word };
}

export const KEYWORDS = new Set([
  'import', 'partnership', 'term', 'to', 'source', 'party', 'as', 'of', 'scope', 'covers', 'exclusive', 'over',
  'except', 'from', 'clause', 'open', 'interface', 'with', 'obligation', 'permission', 'prohibition', 'must',
  'may', 'must not', 'not', 'due', 'every', 'accountable', 'consulted', 'informed', 'measured-by', 'otherwise',
  'kpi', 'owner', 'target', 'threshold', 'measured', 'body', 'chair', 'members', 'approves', 'above', 'up',
  'any', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'client', 'supplier', 'joint-venture',
  'subcontractor', 'client-function', 'regulator', 'partner',
]);

export interface Occurrence {
  readonly file: string;
  readonly span: Ident;
  /** The declaration's own name, rather than a use of it. */
  readonly isDeclaration: boolean;
}

/** Every place that names the target: its declaration and each reference part, in every file. */
export function occurrences(program: Program, target: Target): Occurrence[] {
  const out: Occurrence[] = [];
  if ('kind' in target) out.push({ file: target.file, span: target.nameNode, isDeclaration: true });
  else {
    const p = program.files.get(target.file)?.partnership;
    if (p) out.push({ file: target.file, span: p.name, isDeclaration: true });
  }
  for (const source of program.files.values()) {
    for (const reference of source.references.all) {
      reference.parts.forEach((part, i) => {
        if (part && sameTarget(part, target)) out.push({ file: source.file, span: reference.node.parts[i], isDeclaration: false });
      });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start));
}

function sameTarget(a: Target, b: Target): boolean {
  if ('kind' in a || 'kind' in b) return a === b;
  return a.file === b.file;
}

/** The target a located item stands for, if any. */
export function targetOf(located: Located | null): Target | null {
  if (!located) return null;
  switch (located.kind) {
    case 'declaration':
      return located.symbol;
    case 'reference':
      return located.target;
    case 'partnership': {
      const p = located.source.partnership!;
      return { name: p.name.text, file: located.source.file, declarations: located.source.declarations };
    }
    default:
      return null;
  }
}
