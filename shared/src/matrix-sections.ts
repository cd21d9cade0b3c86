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
const rowOf = (d: MatrixDeclaration, cells: (readonly string[])[], flagged = false): SectionRow => ({ key: d.name, line: d.line, cells, flagged });

/** Every section the matrix has something for, in the order they are shown. */
export function sectionTables(m: Matrix): SectionTable[] {
  const tables: SectionTable[] = [];
  if (m.events.length > 0) {
    tables.push({
      key: 'events',
      title: 'Events',
      columns: [{ label: 'Event', width: 'name' }, { label: 'Clause', width: 'short' }, { label: 'Norms that arise on it', width: 'text' }],
      rows: m.events.map((e) => rowOf(e, [nameCell(e), one(e.clause), e.usedBy.length ? [e.usedBy.join(', ')] : ['none']])),
      notes: [],
    });
  }
  const money = m.money;
  if (money.charges.length > 0) {
    tables.push({
      key: 'charges',
      title: 'Charges',
      columns: [
        { label: 'Charge', width: 'name' }, { label: 'Payer', width: 'who' }, { label: 'Payee', width: 'who' }, { label: 'Amounts', width: 'long' },
        { label: 'Scope', width: 'text' }, { label: 'Terms', width: 'text' }, { label: 'Clause', width: 'short' },
      ],
      rows: money.charges.map((c) => rowOf(c, [
        nameCell(c, c.changes), one(c.payer), one(c.payee),
        c.amounts.map((a) => `${a.amount}${a.period ? `, ${a.period}` : ''}${a.fixed ? '' : ' (rate)'}`),
        one(c.scope), [...(c.indexed ? [`indexed ${c.indexed}`] : []), ...(c.creditCap ? [`credits capped at ${c.creditCap}`] : [])], one(c.clause),
      ])),
      notes: [],
    });
  }
  const values = m.partnership.values.map((v) => `Stated value: ${v.amount}${v.text ? ` (${v.text})` : ''}`);
  if (money.fixedCharges.length > 0) {
    tables.push({
      key: 'years',
      title: 'Fixed charges by contract year',
      columns: [{ label: 'Contract year', width: 'text' }, ...money.fixedCharges.map((label) => ({ label, width: 'money' as const })), { label: 'Total', width: 'money' }],
      rows: [
        ...money.years.map((y) => ({ key: y.label, line: null, cells: [[y.label, y.period], ...y.amounts.map(one), one(y.total)], flagged: false })),
        ...(money.years.length > 0 ? [{ key: 'total', line: null, cells: [['Total'], ...money.totals.map(one), one(money.total)], flagged: false }] : []),
      ],
      notes: [
        ...(money.yearsNote ? [money.yearsNote] : ['Years count from the term’s first day; a part of a year is its share of the year’s amount by days, rounded to the penny.']),
        ...values,
      ],
    });
  } else if (values.length > 0 && money.charges.length > 0) {
    tables[tables.length - 1] = { ...tables[tables.length - 1], notes: values };
  }
  if (m.kpis.length > 0) {
    tables.push({
      key: 'kpis',
      title: 'Service levels',
      columns: [
        { label: 'KPI', width: 'name' }, { label: 'Owner', width: 'who' }, { label: 'Scope', width: 'text' }, { label: 'Measured', width: 'short' },
        { label: 'Baseline', width: 'text' }, { label: 'Targets', width: 'text' }, { label: 'Thresholds', width: 'text' },
        { label: 'Credits', width: 'text' }, { label: 'Weight', width: 'short' }, { label: 'Measures', width: 'long' },
      ],
      rows: m.kpis.map((k) => rowOf(k, [
        nameCell(k, k.changes), one(k.owner), one(k.scope), one(k.measured), one(k.baseline), [...k.targets], [...k.thresholds], [...k.credits], one(k.weight), k.measures.length ? [k.measures.join(', ')] : [],
      ])),
      notes: [],
    });
  }
  if (m.governance.length > 0) {
    tables.push({
      key: 'governance',
      title: 'Governance',
      columns: [
        { label: 'Body', width: 'name' }, { label: 'Chair', width: 'who' }, { label: 'Members', width: 'who' }, { label: 'Meets', width: 'short' },
        { label: 'Escalates to', width: 'who' }, { label: 'Approves', width: 'text' }, { label: 'Findings', width: 'long' },
      ],
      rows: m.governance.map((b) => rowOf(b, [
        nameCell(b, b.changes), one(b.chair), b.members.length ? [b.members.join(', ')] : [], one(b.meets), one(b.escalatesTo), [...b.approvals], [...b.findings],
      ], b.findings.length > 0)),
      notes: [],
    });
  }
  if (m.variations.length > 0) {
    tables.push({
      key: 'variations',
      title: 'Variations, in order of effect',
      columns: [
        { label: 'Variation', width: 'name' }, { label: 'Varies', width: 'who' }, { label: 'Agreed', width: 'short' }, { label: 'Effective', width: 'short' },
        { label: 'Changes', width: 'long' }, { label: 'Clause', width: 'short' },
      ],
      rows: m.variations.map((v) => ({
        ...rowOf(v, [
          [...nameCell(v), ...(v.partnership ? [`in ${v.partnership}`] : [])], one(v.varies), one(v.agreed), one(v.effective),
          [...v.changes, ...one(v.status)], one(v.clause),
        ], v.status !== ''),
        key: `${v.partnership ?? ''}.${v.name}`,
      })),
      notes: [],
    });
  }
  return tables;
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
