// Shared wording of the matrix, so that every renderer (the exports and the preview) says the
// same thing the same way: columns, cells, targets, group headings, conflicts, doc comments.

import type { Matrix, MatrixConflict, MatrixGroup, MatrixKpi, MatrixRow, RowChange } from './matrix';

export const FIXED_HEADERS = ['When', 'KPIs', 'Consequence', 'Clause'] as const;

export function cellText(row: MatrixRow, partyId: string): string {
  return Object.prototype.hasOwnProperty.call(row.cells, partyId) ? row.cells[partyId].join(', ') : '';
}

const COMPARATOR_WORDS: Readonly<Record<string, string>> = { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than', '=': 'exactly' };

/** A KPI target in words, then as written: `at least 99.5% (>= 99.5%)`. */
export function targetText(target: string): string {
  const match = /^(>=|<=|>|<|=) (.*)$/.exec(target);
  const words = match && Object.hasOwn(COMPARATOR_WORDS, match[1]) ? COMPARATOR_WORDS[match[1]] : null;
  return words ? `${words} ${match![2]} (${target})` : target;
}

export function kpiEntry(kpi: MatrixKpi): string {
  return kpi.target ? `${kpi.name}: ${targetText(kpi.target)}` : kpi.name;
}

export function kpiText(row: MatrixRow): string {
  return row.kpis.map(kpiEntry).join('; ');
}

/** A note as every renderer words it. */
export function noteText(note: string): string {
  return `Note: ${note}`;
}

/** A variation's mark on a row: `ended 2018-03-31 by CoreToCapita`, `term extended to 2021-03-31 by Extension2010`. */
export function changeText(change: RowChange): string {
  return change.kind === 'ended' ? `ended ${change.day} by ${change.by}` : `term ${change.kind} to ${change.day} by ${change.by}`;
}

/** A norm's one-off sum as every renderer words it. */
export function amountText(amount: string): string {
  return `Amount: ${amount}`;
}

/**
 * What a norm's first cell says under its name, in order: the title, the statement, the
 * amount, the doc comment, each note and each variation's mark.
 */
export function rowDetails(row: MatrixRow): { readonly text: string; readonly kind: 'title' | 'statement' | 'amount' | 'doc' | 'note' | 'change' }[] {
  return [
    ...(row.title ? [{ text: row.title, kind: 'title' as const }] : []),
    ...(row.statement ? [{ text: row.statement, kind: 'statement' as const }] : []),
    ...(row.amount ? [{ text: amountText(row.amount), kind: 'amount' as const }] : []),
    ...docParagraphs(row.doc).map((text) => ({ text, kind: 'doc' as const })),
    ...row.notes.map((n) => ({ text: noteText(n), kind: 'note' as const })),
    ...row.changes.map((c) => ({ text: changeText(c), kind: 'change' as const })),
  ];
}

/** How the rows are grouped: under the top-level scope they fall in, or in the contract's order. */
export type Grouping = 'scope' | 'order';

export interface TitledGroup {
  /** Names the group among the others (a scope path, or `order`); stable across edits. */
  readonly key: string;
  readonly title: string;
  readonly rows: readonly MatrixRow[];
}

/**
 * The matrix's rows, grouped. By scope, each group keeps the contract's order and the rows no
 * scope holds come last; in the contract's order, every norm is in one group, as declared.
 */
export function groupsOf(matrix: Matrix, grouping: Grouping): TitledGroup[] {
  if (grouping === 'order') {
    const rows = matrix.groups.flatMap((g) => g.rows).sort((a, b) => a.line - b.line);
    return rows.length ? [{ key: 'order', title: IN_ORDER_TITLE, rows }] : [];
  }
  return matrix.groups.map((g) => ({ key: g.scope ? `scope:${g.scope.path}` : 'none', title: groupTitle(g.scope), rows: g.rows }));
}

/** The title of the one group when the norms are listed in the contract's order. */
export const IN_ORDER_TITLE = 'Every norm, in the order of the contract';

/** The title of the group of a top-level scope, or of the norms no scope holds. */
export function groupTitle(scope: MatrixGroup['scope']): string {
  return scope ? `${scope.path}${scope.title ? ` — ${scope.title}` : ''}` : 'Not tied to a scope';
}

/** A conflict with both its sides: `a.partnership, line 16: P201 … Other side: b.partnership, line 9 (…)`. */
export function conflictText(c: MatrixConflict): string {
  const others = c.related.map((r) => ` Other side: ${r.file}, line ${r.line}${r.message ? ` (${r.message})` : ''}.`);
  return `${c.file}, line ${c.line}: ${c.code} ${c.message}${others.join('')}`;
}

/**
 * Text as runs a renderer may break anywhere between (strings) and words to keep whole (arrays
 * of pieces): a date or hyphenated word (`2021-03-31`, `joint-venture`) is one piece, and a
 * qualified name (`ICT.Core.CorporateApps`) is split after its dots, where it may break.
 */
export function wordsToKeep(text: string): (string | string[])[] {
  return text
    .split(/(\s+)/)
    .filter((token) => token !== '')
    .map((token) => (/[-.]/.test(token) && token.trim() ? token.split(/(?<=\.)(?=\p{L})/u) : token));
}

/**
 * A doc comment as paragraphs: the source's line breaks are where the author's editor wrapped,
 * so lines are joined; a blank line starts a new paragraph.
 */
export function docParagraphs(doc: string): string[] {
  return doc.split(/\r?\n\s*\r?\n/).map((p) => p.split(/\s*\r?\n\s*/).join(' ').trim()).filter(Boolean);
}

export const LEGEND = 'R = responsible (the party who must, may or must not act), A = accountable, C = consulted, I = informed, B = beneficiary';
