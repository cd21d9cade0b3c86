// The matrix's sections after the norms (events, money, service levels, governance,
// variations) as plain tables of text, so that every renderer (HTML, Markdown, CSV and the
// preview) draws the same columns with the same words and none of them decides wording.

import type { Matrix, MatrixDeclaration, RowChange } from './matrix';
import { changeText, docParagraphs, noteText } from './matrix-wording';

/** A column: its heading, and its width class (`--w-<width>` in the preview's style sheet). */
export interface SectionColumn {
  readonly label: string;
  readonly width: 'name' | 'who' | 'short' | 'text' | 'long' | 'money';
}

export interface SectionRow {
  /** Names the row among the section's rows; stable across edits. */
  readonly key: string;
  /** One-based line in the matrix's own file, for "reveal in the editor"; null for none. */
  readonly line: number | null;
  /** Each cell as lines of text; the first cell's first line is the row's name. */
  readonly cells: readonly (readonly string[])[];
  /** A row with a finding (P501, P502, P503) to draw as a problem. */
  readonly flagged: boolean;
}

export interface SectionTable {
  readonly key: 'events' | 'charges' | 'years' | 'kpis' | 'governance' | 'variations';
  readonly title: string;
  readonly columns: readonly SectionColumn[];
  readonly rows: readonly SectionRow[];
  /** Lines said after the table: the stated value, how amounts are rounded. */
  readonly notes: readonly string[];
}

/** The first cell of a declaration's row: its name, title, doc paragraphs, notes and marks. */
function nameCell(d: MatrixDeclaration, changes: readonly RowChange[] = []): string[] {
  return [d.name, ...(d.title ? [d.title] : []), ...docParagraphs(d.doc), ...d.notes.map(noteText), ...changes.map(changeText)];
}

const one = (text: string): string[] => (text ? [text] : []);

type Width = SectionColumn['width'];
const columnsOf = (pairs: readonly (readonly [string, Width])[]): SectionColumn[] => pairs.map(([label, width]) => ({ label, width }));

/** A table of declarations, one row each, named by the first cell; none when there are none. */
function declarationTable<T extends MatrixDeclaration>(
  key: SectionTable['key'], title: string, columns: readonly (readonly [string, Width])[], items: readonly T[],
  cells: (item: T) => (readonly string[])[], flagged: (item: T) => boolean = () => false,
): SectionTable[] {
  if (items.length === 0) return [];
  return [{ key, title, columns: columnsOf(columns), rows: items.map((d) => ({ key: d.name, line: d.line, cells: cells(d), flagged: flagged(d) })), notes: [] }];
}

const listed = (items: readonly string[]): string[] => (items.length ? [items.join(', ')] : []);

/** The fixed charges by contract year, with the totals and, under it, the stated value. */
function yearsTable(m: Matrix, values: readonly string[]): SectionTable {
  const money = m.money;
  return {
    key: 'years',
    title: 'Fixed charges by contract year',
    columns: [{ label: 'Contract year', width: 'text' }, ...money.fixedCharges.map((label) => ({ label, width: 'money' as const })), { label: 'Total', width: 'money' }],
    rows: [
      ...money.years.map((y) => ({ key: y.label, line: null, cells: [[y.label, y.period], ...y.amounts.map(one), one(y.total)], flagged: false })),
      ...(money.years.length > 0 ? [{ key: 'total', line: null, cells: [['Total'], ...money.totals.map(one), one(money.total)], flagged: false }] : []),
    ],
    notes: [
      money.yearsNote || 'Years count from the term’s first day; a part of a year is its share of the year’s amount by days, rounded to the penny.',
      ...values,
    ],
  };
}

/** Every section the matrix has something for, in the order they are shown. */
export function sectionTables(m: Matrix): SectionTable[] {
  const values = m.partnership.values.map((v) => `Stated value: ${v.amount}${v.text ? ` (${v.text})` : ''}`);
  const charges = declarationTable('charges', 'Charges',
    [['Charge', 'name'], ['Payer', 'who'], ['Payee', 'who'], ['Amounts', 'long'], ['Scope', 'text'], ['Terms', 'text'], ['Clause', 'short']],
    m.money.charges, (c) => [
      nameCell(c, c.changes), one(c.payer), one(c.payee),
      c.amounts.map((a) => `${a.amount}${a.period ? `, ${a.period}` : ''}${a.fixed ? '' : ' (rate)'}`),
      one(c.scope), [...(c.indexed ? [`indexed ${c.indexed}`] : []), ...(c.creditCap ? [`credits capped at ${c.creditCap}`] : [])], one(c.clause),
    ]);
  // The stated value goes under the yearly table, or under the charges when there is none.
  const money = m.money.fixedCharges.length > 0 ? [...charges, yearsTable(m, values)] : charges.map((t) => ({ ...t, notes: values }));
  return [
    ...declarationTable('events', 'Events', [['Event', 'name'], ['Clause', 'short'], ['Norms that arise on it', 'text']],
      m.events, (e) => [nameCell(e), one(e.clause), e.usedBy.length ? listed(e.usedBy) : ['none']]),
    ...money,
    ...declarationTable('kpis', 'Service levels',
      [['KPI', 'name'], ['Owner', 'who'], ['Scope', 'text'], ['Measured', 'short'], ['Baseline', 'text'], ['Targets', 'text'],
        ['Thresholds', 'text'], ['Credits', 'text'], ['Weight', 'short'], ['Measures', 'long']],
      m.kpis, (k) => [nameCell(k, k.changes), one(k.owner), one(k.scope), one(k.measured), one(k.baseline), [...k.targets], [...k.thresholds], [...k.credits], one(k.weight), listed(k.measures)]),
    ...declarationTable('governance', 'Governance',
      [['Body', 'name'], ['Chair', 'who'], ['Members', 'who'], ['Meets', 'short'], ['Escalates to', 'who'], ['Approves', 'text'], ['Findings', 'long']],
      m.governance, (b) => [nameCell(b, b.changes), one(b.chair), listed(b.members), one(b.meets), one(b.escalatesTo), [...b.approvals], [...b.findings]],
      (b) => b.findings.length > 0),
    ...declarationTable('variations', 'Variations, in order of effect',
      [['Variation', 'name'], ['Varies', 'who'], ['Agreed', 'short'], ['Effective', 'short'], ['Changes', 'long'], ['Clause', 'short']],
      m.variations, (v) => [
        [...nameCell(v), ...(v.partnership ? [`in ${v.partnership}`] : [])], one(v.varies), one(v.agreed), one(v.effective), [...v.changes, ...one(v.status)], one(v.clause),
      ], (v) => v.status !== '').map((t) => ({ ...t, rows: t.rows.map((r, i) => ({ ...r, key: `${m.variations[i].partnership ?? ''}.${r.key}` })) })),
  ];
}

/** The partnership's head beyond its name and term: values, objectives, the calendar and the term's variations. */
export function headLines(m: Matrix): string[] {
  const p = m.partnership;
  return [
    ...p.termChanges.map(changeText),
    ...p.values.map((v) => `Value: ${v.amount}${v.text ? ` (${v.text})` : ''}`),
    ...p.objectives.map((o) => `Objective: ${o}`),
    ...(p.calendar ? [`Working days: calendar ${p.calendar}`] : []),
  ];
}
