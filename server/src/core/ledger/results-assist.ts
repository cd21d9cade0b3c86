// Completion and hover in a results file: the four kinds in the kind column, in the name
// column the declarations a row of that kind may name (written as a row must write them), and
// on a name, what it is and where it stands on the day asked about. Contract text is escaped:
// a hover is Markdown, and titles are untrusted.

import { escapeMarkdown } from '../matrix/markdown';
import { cellAt } from './results-cells';
import { RESULTS_HEADER, type RowKind, ROW_KINDS } from './results-file';
import { periodCounts, standingOf } from './standing';
import type { Declared, LedgerNames } from './names';
import type { LedgerStatus } from './types';

export interface ResultsCompletion {
  readonly label: string;
  readonly kind: 'keyword' | 'obligation' | 'kpi' | 'event' | 'header';
  readonly detail: string;
  readonly documentation?: string;
  /** The span the completion replaces: the cell's text so far. */
  readonly start: number;
  readonly end: number;
}

export const KIND_DOCS: Readonly<Record<RowKind, string>> = {
  event: 'An event happened on the day in `date` (each row is one occurrence); it starts the duties and deadlines counted from it.',
  done: 'An obligation was done on the day in `date`: it completes the earliest occurrence that had arisen by then and was not yet complete.',
  result: 'A KPI\'s measured `value`, in its unit, for the measurement period that holds the day or month in `date`.',
  waiver: 'A KPI\'s measurement period (a day or month of it in `date`), or an obligation\'s occurrence (its due date), is waived.',
};

export function resultsCompletions(text: string, offset: number, names: LedgerNames): ResultsCompletion[] {
  const cell = cellAt(text, offset);
  if (!cell) return [];
  const span = { start: cell.start, end: cell.end };
  if (cell.onHeader) {
    return text.trim() === '' || RESULTS_HEADER.startsWith(text.slice(0, offset).trim()) ? [{ label: RESULTS_HEADER, kind: 'header', detail: 'the header of a results file', start: 0, end: offset }] : [];
  }
  if (cell.column === 'kind') return ROW_KINDS.map((k) => ({ label: k, kind: 'keyword', detail: 'kind of row', documentation: KIND_DOCS[k], ...span }));
  if (cell.column !== 'name') return [];
  const kinds: readonly RowKind[] = cell.kind ? [cell.kind] : ROW_KINDS;
  const seen = new Set<string>();
  const out: ResultsCompletion[] = [];
  for (const k of kinds) {
    for (const d of names.candidates(k)) {
      const label = names.writtenName(d);
      if (seen.has(label)) continue;
      seen.add(label);
      out.push({ label, kind: kindOf(d), detail: `${describeKind(d)} of ${d.partnership}${d.symbol.title ? `: ${d.symbol.title}` : ''}`, ...span });
    }
  }
  return out;
}

export interface ResultsHover {
  readonly markdown: string;
  readonly start: number;
  readonly end: number;
}

/** What the cell under the cursor means; `status` is where things stand on the day the hover speaks of. */
export function resultsHover(text: string, offset: number, names: LedgerNames, status: LedgerStatus): ResultsHover | null {
  const cell = cellAt(text, offset);
  if (!cell || cell.onHeader) return null;
  const span = { start: cell.start, end: cell.end };
  if (cell.column === 'kind' && cell.kind) return { markdown: `**${cell.kind}**\n\n${KIND_DOCS[cell.kind]}`, ...span };
  if (cell.column !== 'name') return null;
  const declared = names.declarationsNamed(cell.text.trim());
  if (declared.length === 0) return null;
  return { markdown: declared.map((d) => describe(d, status)).join('\n\n---\n\n'), ...span };
}

function describe(d: Declared, status: LedgerStatus): string {
  const e = escapeMarkdown;
  const title = d.symbol.title ? ` ${e(d.symbol.title)}` : '';
  const lines = [`**${e(d.symbol.name)}**${title}: ${describeKind(d)} of ${e(d.partnership)}`];
  const p = status.partnerships.find((x) => x.name === d.partnership);
  if (d.symbol.kind === 'norm') {
    const o = p?.obligations.find((x) => x.name === d.symbol.name);
    if (o) lines.push(`On ${status.on}: ${e(standingOf(o).text)}`);
  } else if (d.symbol.kind === 'kpi') {
    const k = p?.kpis.find((x) => x.name === d.symbol.name);
    if (k) lines.push(`${k.measured ? `Measured ${e(k.measured)}. ` : ''}To ${status.on}: ${periodCounts(k.periods)}`);
  }
  return lines.join('\n\n');
}

function kindOf(d: Declared): ResultsCompletion['kind'] {
  return d.symbol.kind === 'kpi' ? 'kpi' : d.symbol.kind === 'event' ? 'event' : 'obligation';
}

function describeKind(d: Declared): string {
  return d.symbol.kind === 'kpi' ? 'KPI' : d.symbol.kind === 'event' ? 'event' : d.symbol.kind === 'norm' ? d.symbol.decl.keyword : d.symbol.kind;
}
