// What stands at an offset of a file: a declaration's name, one part of a reference, or a
// keyword. Every editor feature (hover, definition, references, rename, highlights) starts here.

import { declarationsOfUnit } from '../binding/declare';
import type { Reference, VisiblePartnership } from '../binding/resolve';
import type { PartnershipSymbol } from '../binding/symbols';
import type { SourceFile } from '../program/program';
import type { Analysis } from '../analysis/analysis';
import type { Span } from '../syntax/ast';
import { unitIndexAt } from '../syntax/unit-starts';

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
      const unit = block.units[i];
      const rel = offset - block.starts[i];
      if (!inside(rel, unit.node)) continue;
      for (const reference of source.resolutions[i]?.references ?? []) {
        if (!inside(rel, reference.node)) continue;
        const part = reference.node.parts.findIndex((p) => inside(rel, p));
        if (part >= 0) return { kind: 'reference', reference, part, span: shifted(block.starts[i], reference.node.parts[part]), target: reference.parts[part] ?? null };
      }
      for (const symbol of declarationsOfUnit(source.file, unit).all) {
        if (inside(rel, symbol.nameNode)) return { kind: 'declaration', symbol, span: shifted(block.starts[i], symbol.nameNode) };
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
    const starts = source.partnership?.block?.starts ?? [];
    source.resolutions.forEach((resolution, i) => {
      for (const reference of resolution.references) {
        reference.parts.forEach((part, k) => {
          if (part && sameTarget(part, target)) out.push({ file: source.file, span: shifted(starts[i], reference.node.parts[k]), isDeclaration: false });
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
