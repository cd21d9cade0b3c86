// `partnership status` as text for a terminal or a log: for each partnership, one line per
// obligation saying where it stands, with a line for each occurrence that needs attention
// (overdue, late, waived); one line per KPI counting its periods, with a line for each period
// not met; each charge's credits by contract year, a run of years without a credit on one line;
// then the summary. JSON, HTML and Markdown list every occurrence, period and year. Every piece
// of contract or results-file text goes through `terminalSafe`, so a note holding ESC or a
// bidirectional control shows as an escape.

import { money, occurrenceText, summaryLines } from '../core/ledger/status-render';
import { attentionCount, periodCounts, standingOf } from '../core/ledger/standing';
import type { CreditYear, LedgerStatus } from '../core/ledger/types';
import { terminalSafe } from './terminal-text';


export function formatStatusText(s: LedgerStatus): string {
  const t = terminalSafe;
  const out: string[] = [`Status on ${s.on}`, ''];
  for (const p of s.partnerships) {
    out.push(`${t(p.name)}: ${t(p.title)} (${t(p.file)}), term ${p.term.start} to ${p.term.end}`, '', 'Obligations');
    // A section with nothing in it says so, rather than standing empty under its heading.
    if (p.obligations.length === 0) out.push('  none');
    for (const o of p.obligations) {
      const standing = standingOf(o);
      out.push(`  ${t(o.name)} ${t(o.title)}: ${standing.text}`);
      for (const x of standing.attention) out.push(`    ${x.status.padEnd(8)} ${t(occurrenceText(x))}${x.note ? ` (${t(x.note)})` : ''}`);
      const more = attentionCount(standing) - standing.attention.length;
      if (more > 0) out.push(`    … and ${more} more overdue, late or waived (--format json lists every one)`);
    }
    out.push('', 'KPIs');
    if (p.kpis.length === 0) out.push('  none');
    for (const k of p.kpis) {
      out.push(`  ${t(k.name)} ${t(k.title)}${k.measured ? `, measured ${t(k.measured)}` : ''}: ${periodCounts(k.periods)}`);
      for (const x of k.periods) {
        if (x.status === 'met') continue;
        const figures = [x.value !== undefined ? t(x.value) : '', x.target ? `target ${t(x.target)}` : '', x.credit ? `credit ${money(x.credit)}` : ''].filter((q) => q).join(', ');
        // The note says why, after the figures it explains.
        out.push(`    ${x.start} to ${x.end} ${x.status.padEnd(8)} ${figures}${x.note ? ` (${t(x.note)})` : ''}`.trimEnd());
      }
    }
    out.push('', 'Credits by contract year');
    if (p.charges.length === 0) out.push('  none: no charge');
    for (const c of p.charges) {
      // A run of contract years without a credit is one line: most years of a long term have none.
      for (const run of runsOfYears(c.creditsByYear)) {
        const y = run.years[0];
        if (run.none) {
          const last = run.years[run.years.length - 1];
          out.push(`  ${t(c.name)} ${y.start} to ${last.end}: no credits${run.years.length > 1 ? ` (${run.years.length} contract years)` : ''}`);
          continue;
        }
        out.push(`  ${t(c.name)} ${y.start} to ${y.end}: earned ${money(y.earned)}, payable ${money(y.payable)}${y.capRemoved.amount !== '0.00' ? `, ${money(y.capRemoved)} removed by the cap (${t(c.cap ?? '')})` : ''}`);
      }
    }
    out.push('');
  }
  out.push(...summaryLines(s));
  return out.join('\n') + '\n';
}

/** The years in order, each year with a credit on its own and each run of years without one together. */
function runsOfYears(years: readonly CreditYear[]): { readonly none: boolean; readonly years: readonly CreditYear[] }[] {
  const runs: { none: boolean; years: CreditYear[] }[] = [];
  for (const year of years) {
    const none = isZero(year.earned.amount) && isZero(year.payable.amount);
    const last = runs[runs.length - 1];
    if (none && last?.none) last.years.push(year);
    else runs.push({ none, years: [year] });
  }
  return runs;
}

const isZero = (amount: string): boolean => /^-?0+(\.0+)?$/.test(amount);
