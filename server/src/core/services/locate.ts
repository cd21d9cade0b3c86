// What stands at an offset of a file: a declaration's name, one part of a reference, or a
// keyword; and what may be written at a cursor (`cursorContext`). Every editor feature (hover,
// definition, references, rename, highlights, completion) starts here.

import { declarationsOfUnit } from '../binding/declare';
import type { Reference, VisiblePartnership } from '../binding/resolve';
import type { PartnershipSymbol } from '../binding/symbols';
import type { Analysis } from '../analysis/analysis';
import { piecesOf } from '../format/pieces';
import { type BlockContext, KEYWORDS, MODALS, STATEMENT_KEYWORDS } from '../language/vocabulary';
import type { SourceFile } from '../program/program';
import type { Block, Span } from '../syntax/ast';
import { unitIndexAt } from '../syntax/unit-starts';
import { type Slot, slotAfter, startsWithMoney } from './cursor-slots';

export type Target = PartnershipSymbol | VisiblePartnership;

/** Spans here are offsets into the file's text. */
export type Located =
  | { readonly kind: 'declaration'; readonly symbol: PartnershipSymbol; readonly span: Span }
  | { readonly kind: 'partnership'; readonly source: SourceFile; readonly span: Span }
  | {
      readonly kind: 'reference';
      readonly reference: Reference;
      readonly part: number;
      readonly span: Span;
      /** What this part of the name refers to, when it resolved. */
      readonly target: Target | null;
    }
  | { readonly kind: 'keyword'; readonly word: string; readonly span: Span };

const inside = (offset: number, span: Span): boolean => offset >= span.start && offset <= span.end;
const shifted = (base: number, span: Span): Span => ({ start: base + span.start, end: base + span.end });

export function locate(source: SourceFile, offset: number): Located | null {
  // Only the units around the offset are searched: a large contract has hundreds of thousands
  // of references, and hover answers as someone moves the mouse.
  const block = source.partnership?.block;
  if (block) {
    const last = unitIndexAt(block, offset);
    // An offset at a unit's start also touches the end of the statement before it.
    for (let i = Math.max(0, last - 1); i <= last; i++) {
      const unit = block.units.at(i);
      const rel = offset - block.starts.at(i);
      if (!inside(rel, unit.node)) continue;
      for (const reference of source.resolutions.at(i)?.references ?? []) {
        if (!inside(rel, reference.node)) continue;
        const written = reference.node.parts;
        const part = written.findIndex((p) => inside(rel, p));
        if (part >= 0) return { kind: 'reference', reference, part, span: shifted(block.starts.at(i), written[part]), target: reference.parts[part] ?? null };
      }
      for (const symbol of declarationsOfUnit(source.file, unit).all) {
        if (inside(rel, symbol.nameNode)) return { kind: 'declaration', symbol, span: shifted(block.starts.at(i), symbol.nameNode) };
      }
    }
  }
  const p = source.partnership;
  if (p && inside(offset, p.name)) return { kind: 'partnership', source, span: p.name };
  const word = wordAt(source.text, offset);
  if (word && KEYWORDS.has(word.text)) return { kind: 'keyword', word: word.text, span: word };
  return null;
}

/** Where a declaration's name is, and the whole declaration, in its file's text. */
export function declarationSpans(analysis: Analysis, symbol: PartnershipSymbol): { readonly name: Span; readonly declaration: Span } {
  const base = analysis.startOf(symbol.file, symbol.unit);
  return { name: shifted(base, symbol.nameNode), declaration: shifted(base, symbol.decl) };
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

export interface Occurrence {
  readonly file: string;
  /** Offsets into the file's text. */
  readonly span: Span;
  /** The declaration's own name, rather than a use of it. */
  readonly isDeclaration: boolean;
}

/** Every place that names the target: its declaration and each reference part, in every file. */
export function occurrences(analysis: Analysis, target: Target): Occurrence[] {
  const out: Occurrence[] = [];
  if ('kind' in target) out.push({ file: target.file, span: declarationSpans(analysis, target).name, isDeclaration: true });
  else {
    const p = analysis.files.get(target.file)?.partnership;
    if (p) out.push({ file: target.file, span: p.name, isDeclaration: true });
  }
  for (const source of analysis.files.values()) {
    const starts = source.partnership?.block?.starts;
    if (!starts) continue;
    source.resolutions.forEach((resolution, i) => {
      for (const reference of resolution.references) {
        reference.parts.forEach((part, k) => {
          if (part && sameTarget(part, target)) out.push({ file: source.file, span: shifted(starts.at(i), reference.node.parts[k]), isDeclaration: false });
        });
      }
    });
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

export type { Slot } from './cursor-slots';

export interface CursorContext {
  /** The block the cursor is in. */
  readonly block: BlockContext;
  /** The keyword of the statement the cursor is in, or null at a statement's start or in a norm's own line. */
  readonly keyword: string | null;
  readonly slot: Slot;
  /** The part of the word being typed that lies before the cursor (empty between words). */
  readonly typed: Span & { readonly text: string };
}

const NONE: Slot = { kind: 'none' };
const NAME_PART = /^[A-Za-z0-9_.-]/;

type Item = Span & { readonly kind: string };

/**
 * What may be written at `offset`: the block it is in (from the syntax tree), the statement
 * around it (from the tree too, where a broken statement is a junk node that may continue the
 * one before it) and the slot the cursor stands in, read from that statement's tokens.
 */
export function cursorContext(source: SourceFile, offset: number): CursorContext {
  const text = source.text;
  const { context, statements, contentStart } = blockAt(source, offset);
  const from = statementStart(text, context, statements, offset) ?? contentStart;
  const pieces = piecesOf(text.slice(from, offset));
  const last = pieces[pieces.length - 1];
  // A comment or a string that reaches the cursor holds it.
  if (last && last.end === offset - from && (last.kind !== 'token' || text[from + last.start] === '"')) {
    return { block: context, keyword: null, slot: NONE, typed: { start: offset, end: offset, text: '' } };
  }
  const tokens = pieces.flatMap((p) => (p.kind === 'token' ? [{ start: from + p.start, end: from + p.end, text: text.slice(from + p.start, from + p.end) }] : []));
  const partial = tokens.length > 0 && tokens[tokens.length - 1].end === offset && NAME_PART.test(tokens[tokens.length - 1].text) ? tokens.pop()! : null;
  const typed = partial ?? { start: offset, end: offset, text: '' };
  const words = tokens.map((t) => t.text);
  const keyword = words.length > 0 && STATEMENT_KEYWORDS[context].includes(words[0]) ? words[0] : null;
  const dot = typed.text.lastIndexOf('.');
  const slot: Slot = dot > 0 ? { kind: 'member', qualifier: typed.text.slice(0, dot) } : slotAfter(context, keyword, words);
  return { block: context, keyword, slot, typed };
}

const CONTEXT_OF_KIND: Readonly<Record<string, BlockContext>> = {
  Partnership: 'partnership', Scope: 'scope', Norm: 'norm', Kpi: 'kpi', Body: 'body', Charge: 'charge', Variation: 'variation',
};

/** The statements of a block, each placed in the text: a unit's statements count from its start. */
interface Statements {
  readonly count: number;
  /** The statement's span in the text. */
  span(i: number): Span;
  kind(i: number): string;
  /** Its block, if it has one, with the statements of that block. */
  inner(i: number): { readonly block: Span & { readonly closed: boolean }; readonly statements: Statements } | null;
}

function blockStatements(items: readonly Item[], base: number): Statements {
  return {
    count: items.length,
    span: (i) => ({ start: base + items[i].start, end: base + items[i].end }),
    kind: (i) => items[i].kind,
    inner: (i) => {
      const block = (items[i] as { readonly block?: Block<Item> | null }).block;
      return block ? { block: { start: base + block.start, end: base + block.end, closed: block.closed }, statements: blockStatements(block.items, base) } : null;
    },
  };
}

function fileStatements(source: SourceFile): Statements {
  const items = source.parsed.ast.items;
  const inFile = blockStatements(items as readonly Item[], 0);
  return {
    ...inFile,
    inner: (i) => {
      const item = items[i];
      if (item.kind !== 'Partnership' || !item.block) return inFile.inner(i);
      const { units, starts } = item.block;
      const statements: Statements = {
        count: units.length,
        span: (u) => ({ start: starts.at(u) + units.at(u).node.start, end: starts.at(u) + units.at(u).node.end }),
        kind: (u) => units.at(u).node.kind,
        inner: (u) => blockStatements([units.at(u).node], starts.at(u)).inner(0),
      };
      return { block: item.block, statements };
    },
  };
}

/** The place of the last statement starting at or before `offset`, or -1. */
function lastStartingBy(statements: Statements, offset: number): number {
  let low = 0;
  let high = statements.count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (statements.span(middle).start < offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/**
 * The innermost block around the offset, its statements and where its content starts. A block
 * without its `}` reaches to the next statement of the enclosing block, so that one being
 * typed at the end of a file still holds the cursor.
 */
function blockAt(source: SourceFile, offset: number): { context: BlockContext; statements: Statements; contentStart: number } {
  let found = { context: 'file' as BlockContext, statements: fileStatements(source), contentStart: 0 };
  let limit = source.text.length;
  for (;;) {
    const { statements } = found;
    const at = lastStartingBy(statements, offset);
    const inner = at >= 0 ? statements.inner(at) : null;
    if (!inner) return found;
    const { block } = inner;
    const end = block.closed ? block.end - 1 : at + 1 < statements.count ? statements.span(at + 1).start - 1 : limit;
    if (offset <= block.start || offset > end) return found;
    found = { context: CONTEXT_OF_KIND[statements.kind(at)], statements: inner.statements, contentStart: block.start + 1 };
    limit = end;
  }
}

/**
 * Where the statement the cursor is in begins; after a complete statement, its end (a new one
 * may start there); null before the block's first statement. A junk node that starts no
 * statement of its own and goes on the line where the statement before it ends is that
 * statement's broken tail (`party R "R" as` is a party and a junk `as`); on a line of its own
 * it is a statement being typed (`ob`, or a norm line's party before its modal).
 */
function statementStart(text: string, context: BlockContext, statements: Statements, offset: number): number | null {
  let at = lastStartingBy(statements, offset);
  if (at < 0) return null;
  const span = statements.span(at);
  if (statements.kind(at) !== 'Junk') return span.end < offset ? span.end : span.start;
  while (at > 0 && !startsStatement(text, context, statements.span(at)) && !/[\n\r]/.test(text.slice(statements.span(at - 1).end, statements.span(at).start))) at--;
  return statements.span(at).start;
}

/** Whether a junk stretch begins with a statement of its context (the grammar's `StartsStatement`). */
function startsStatement(text: string, context: BlockContext, junk: Span): boolean {
  const [first, second] = piecesOf(text.slice(junk.start, junk.end))
    .filter((p) => p.kind === 'token')
    .map((p) => text.slice(junk.start + p.start, junk.start + p.end));
  if (first === undefined) return false;
  if (STATEMENT_KEYWORDS[context].includes(first)) return true;
  switch (context) {
    case 'norm':
      return NAME_PART.test(first) && (MODALS as readonly string[]).includes(second ?? '');
    case 'charge':
      // A `pays` line starts with the payer, an amount line with its money.
      return (NAME_PART.test(first) && second === 'pays') || startsWithMoney(first, second);
    case 'variation':
      return first === 'term' && second === 'to';
    default:
      return false;
  }
}
