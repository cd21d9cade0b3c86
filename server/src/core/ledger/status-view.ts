// One partnership's status on a day as the preview's status view shows it (shared/src/
// status-view.ts): the ledger's plain data, with each obligation's standing in words and each
// KPI's periods and credits summed. The same words as the code lens and `status` as text.

import type { StatusKpi, StatusObligation, StatusView } from '../../../../shared/out/status-view';
import type { Timeline } from '../../../../shared/out/timeline';
import { add, formatPennies, fromDecimalString, type Rational, ZERO } from './rational';
import { countLines, money } from './status-render';
import { periodCounts, standingOf, statusCounts } from './standing';
import type { KpiState, ObligationState, PartnershipState } from './types';

export function statusViewOf(p: PartnershipState, on: string, today: string, tracked: boolean, timeline: Timeline): StatusView {
  return {
    on, today, tracked, timeline,
    partnership: { name: p.name, title: p.title, term: `${p.term.start} to ${p.term.end}`, file: p.file },
    summary: countLines(statusCounts([p])),
    obligations: p.obligations.map(obligationView),
    kpis: p.kpis.map(kpiView),
    charges: p.charges.map((c) => ({
      name: c.name, title: c.title, line: c.line, cap: c.cap ?? '',
      years: c.creditsByYear.map((y) => ({ period: `${y.start} to ${y.end}`, earned: money(y.earned), payable: money(y.payable), removed: money(y.capRemoved) })),
    })),
  };
}

/** Each obligation's and KPI's row, kept by its state. */
const obligationRows = new WeakMap<ObligationState, StatusObligation>();
const kpiRows = new WeakMap<KpiState, StatusKpi>();

function obligationView(o: ObligationState): StatusObligation {
  let row = obligationRows.get(o);
  if (!row) {
    const s = standingOf(o);
    const counts = Object.entries(s.counts).map(([status, n]) => `${n} ${status}`).join(', ');
    obligationRows.set(o, (row = { name: o.name, title: o.title, line: o.line, status: s.status, standing: s.text, counts }));
  }
  return row;
}

function kpiView(k: KpiState): StatusKpi {
  const kept = kpiRows.get(k);
  if (kept) return kept;
  const row = kpiRow(k);
  kpiRows.set(k, row);
  return row;
}

function kpiRow(k: KpiState): StatusKpi {
  const totals = new Map<string, Rational>();
  for (const x of k.periods) if (x.credit && x.status !== 'waived') totals.set(x.credit.currency, add(totals.get(x.credit.currency) ?? ZERO, fromDecimalString(x.credit.amount)));
  return {
    name: k.name, title: k.title, line: k.line, measured: k.measured ?? '', counts: periodCounts(k.periods),
    credits: [...totals].map(([currency, amount]) => money({ amount: formatPennies(amount), currency })).join(', '),
  };
}
