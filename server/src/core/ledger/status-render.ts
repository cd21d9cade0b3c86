// `partnership status` as a printable HTML page and as Markdown (occurrences due later in the
// term summed up in a row per obligation: see `printedOccurrences`). Both only read the ledger's
// plain data (types.ts) and escape every piece of document or results-file text with the
// matrix's escapers: a note `=HYPERLINK(…)` or `<script>` shows as those characters. No scripts.

import { escapeHtml } from '../matrix/html';
import { escapeMarkdown, escapeMarkdownInline } from '../matrix/markdown';
import type { Timeline } from '../../../../shared/out/timeline';
import { timelineFigures, timelinePageCss, timelinePatternsSvg } from './timeline-svg';
import type { LedgerStatus, Money, ObligationState, OccurrenceState, PartnershipState, PeriodState } from './types';
import type { StatusCounts } from './standing';
import { groupedThousands } from '../values/decimal';

/** An amount the ledger worked out, for a reader: `£60,000.00`, `EUR 1,250.50`. */
export const money = (m: Money | undefined): string => (m ? `${m.currency === 'GBP' ? '£' : m.currency + ' '}${groupedThousands(m.amount)}` : '');

export function occurrenceText(o: OccurrenceState): string {
  const when = o.due ? `due ${o.due}` : `arose ${o.arises}`;
  const detail = o.status === 'late' ? `done ${o.done}, ${o.daysLate} days late` : o.status === 'done' ? `done ${o.done}` : o.status === 'overdue' ? `${o.daysOverdue} days overdue` : '';
  return [when, detail, o.trigger ? `on ${o.trigger}` : ''].filter((x) => x).join(', ');
}

/**
 * The rows a printed status gives an obligation: every occurrence that has arisen or falls due
 * within 30 days, and the next one due after that; the rest, due later in the term, as one row
 * ("58 more due, the last 2035-03-01"). JSON lists every one; a monthly duty over a long term
 * would otherwise fill pages with rows that say only `due`.
 */
export function printedOccurrences(o: ObligationState): string[][] {
  const rows: string[][] = [];
  const name = `${o.name} ${o.title}`;
  let later = 0;
  let last = '';
  let nextShown = false;
  for (const x of o.occurrences) {
    if (x.status === 'due' && x.due !== undefined) {
      if (!nextShown) nextShown = true;
      else {
        later++;
        last = x.due;
        continue;
      }
    }
    rows.push([name, x.status, occurrenceText(x), x.note ?? '']);
  }
  if (later > 0) rows.push([name, 'due', `${later} more due, the last ${last}`, '']);
  return rows;
}

/** The counts of the summary, a line each. */
export function countLines(c: StatusCounts): string[] {
  return [`Overdue duties: ${c.overdue}`, `Due within 30 days: ${c.dueSoon}`, `Failed or breached periods: ${c.failedPeriods}`, `Periods without a result: ${c.missingPeriods}`];
}

export function summaryLines(s: LedgerStatus): string[] {
  return [...countLines(s.summary), `Credits owed: ${s.summary.creditsOwed.map(money).join(', ') || '£0.00'}`];
}

const periodCells = (p: PeriodState): string[] => [`${p.start} to ${p.end}`, p.status, p.value ?? '', p.target ?? '', money(p.credit), p.note ?? ''];

const STYLE = `
  :root { color-scheme: light dark; --line: #8884; --muted: #777; }
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem; }
  table { border-collapse: collapse; margin: .5rem 0 1.5rem; } th, td { border: 1px solid var(--line); padding: .25rem .45rem; text-align: left; vertical-align: top; }
  .overdue, .failed, .breached, .late { color: #c62828; font-weight: 600; } .due-soon, .missing { color: #b36b00; } .done, .met { color: #2e7d32; } .waived { color: var(--muted); }
  .meta { color: var(--muted); } @media print { body { margin: 0; } tr { break-inside: avoid; } }
  th, td { overflow-wrap: break-word; } .table { overflow-x: auto; } .date { white-space: nowrap; }
  /* A side pane or a phone: narrower margins and cells; a table still too wide scrolls in its own box, not the page. */
  @media (max-width: 720px) { body { margin: 1rem .6rem; } th, td { padding: .2rem .3rem; } table { font-size: 13px; } }
`;

/** The page; with `timelines` (one per partnership, as `timelinesOf` gives them), each partnership's picture above its tables. */
export function renderStatusHtml(s: LedgerStatus, timelines: readonly Timeline[] = []): string {
  const e = escapeHtml;
  // A date is never broken at its hyphens: wrapped, once escaped, in a span kept on one line (it holds digits and hyphens only).
  const cell = (c: string): string => e(c).replace(/\b\d{4}-\d{2}-\d{2}\b/g, '<span class="date">$&</span>');
  const row = (cells: readonly string[], status?: string): string => `<tr>${cells.map((c, i) => `<td${i === 1 && status ? ` class="${e(status)}"` : ''}>${cell(c)}</td>`).join('')}</tr>`;
  const head = (cells: readonly string[]): string => `<thead><tr>${cells.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead>`;
  const out = [`<!DOCTYPE html>`, `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Status on ${e(s.on)}</title><style>${STYLE}${timelines.length > 0 ? timelinePageCss() : ''}</style></head><body>`, `<h1>Status on ${e(s.on)}</h1>`];
  if (timelines.length > 0) out.push(timelinePatternsSvg());
  out.push('<ul>', ...summaryLines(s).map((l) => `<li>${e(l)}</li>`), '</ul>');
  s.partnerships.forEach((p, i) => {
    out.push(`<h2>${e(p.title || p.name)}</h2>`, `<p class="meta">${e(p.name)}, ${e(p.file)}, term ${e(p.term.start)} to ${e(p.term.end)}</p>`);
    if (timelines[i]) out.push('<h3>Timeline</h3>', timelineFigures(timelines[i]));
    out.push('<h3>Obligations</h3><div class="table"><table>', head(['Obligation', 'Status', 'Occurrence', 'Note']));
    for (const o of p.obligations) for (const cells of printedOccurrences(o)) out.push(row(cells, cells[1]));
    out.push('</table></div><h3>KPIs</h3><div class="table"><table>', head(['KPI', 'Status', 'Period', 'Value', 'Target', 'Credit', 'Note']));
    for (const k of p.kpis) for (const x of k.periods) out.push(row([k.name, x.status, ...periodCells(x).filter((_, i) => i !== 1)], x.status));
    out.push('</table></div><h3>Credits by contract year</h3><div class="table"><table>', head(['Charge', 'Year', 'Earned', 'Payable', 'Removed by the cap', 'Cap']));
    for (const c of p.charges) for (const y of c.creditsByYear) out.push(row([c.name, `${y.start} to ${y.end}`, money(y.earned), money(y.payable), money(y.capRemoved), c.cap ?? '']));
    out.push('</table></div>');
  });
  out.push('</body></html>');
  return out.join('\n') + '\n';
}

export function renderStatusMarkdown(s: LedgerStatus): string {
  const m = escapeMarkdown;
  const table = (head: readonly string[], rows: readonly (readonly string[])[]): string[] =>
    rows.length === 0 ? ['_None._', ''] : [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map((c) => m(c)).join(' | ')} |`), ''];
  const out = [`# Status on ${s.on}`, '', ...summaryLines(s).map((l) => `- ${escapeMarkdownInline(l)}`), ''];
  for (const p of s.partnerships) out.push(...partnershipMarkdown(p, table));
  return out.join('\n');
}

function partnershipMarkdown(p: PartnershipState, table: (head: readonly string[], rows: readonly (readonly string[])[]) => string[]): string[] {
  return [
    `## ${escapeMarkdown(p.title || p.name)}`, '', `${escapeMarkdownInline(p.name)}, term ${p.term.start} to ${p.term.end}`, '',
    '### Obligations', '', ...table(['Obligation', 'Status', 'Occurrence', 'Note'], p.obligations.flatMap(printedOccurrences)),
    '### KPIs', '', ...table(['KPI', 'Period', 'Status', 'Value', 'Target', 'Credit', 'Note'], p.kpis.flatMap((k) => k.periods.map((x) => [k.name, ...periodCells(x)]))),
    '### Credits by contract year', '', ...table(['Charge', 'Year', 'Earned', 'Payable', 'Removed by the cap'], p.charges.flatMap((c) => c.creditsByYear.map((y) => [c.name, `${y.start} to ${y.end}`, money(y.earned), money(y.payable), money(y.capRemoved)]))),
  ];
}
