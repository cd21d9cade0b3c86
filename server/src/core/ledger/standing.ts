// Where one obligation stands on a day, in a few words: "overdue since 2015-11-30", "done
// 2015-11-20", "next due 2016-10-01". The code lens above an obligation, the preview's status
// view and the text of `partnership status` all say it the same way, from the ledger's data.

import type { StandingStatus } from '../../../../shared/out/status-view';
import type { LedgerSummary, ObligationState, OccurrenceState, OccurrenceStatus, PartnershipState } from './types';

export interface Standing {
  /** The status that colours the obligation: the most pressing of its occurrences'. */
  readonly status: StandingStatus;
  readonly text: string;
  /** How many occurrences are in each status. */
  readonly counts: Readonly<Partial<Record<OccurrenceStatus, number>>>;
}

/** Most pressing first: one overdue occurrence outweighs any number done. */
const PRESSING: readonly OccurrenceStatus[] = ['overdue', 'due-soon', 'late', 'due', 'done', 'waived'];

export function standingOf(o: ObligationState): Standing {
  const counts: Partial<Record<OccurrenceStatus, number>> = {};
  let firstOverdue: OccurrenceState | undefined;
  let next: OccurrenceState | undefined;
  let lastSettled: OccurrenceState | undefined;
  for (const x of o.occurrences) {
    counts[x.status] = (counts[x.status] ?? 0) + 1;
    if (x.status === 'overdue') firstOverdue ??= x;
    else if (x.status === 'due' || x.status === 'due-soon') next ??= x;
    else lastSettled = x; // done, late or waived: occurrences come in due order, so the latest
  }
  const status = PRESSING.find((s) => counts[s]) ?? 'none';
  if (o.occurrences.length === 0) return { status, counts, text: 'nothing has arisen' };
  const parts: string[] = [];
  if (firstOverdue) {
    const more = (counts.overdue ?? 0) - 1;
    parts.push(`overdue since ${sinceOf(firstOverdue)}${more > 0 ? ` (and ${more} more overdue)` : ''}`);
  }
  if (!firstOverdue && lastSettled) parts.push(settledText(lastSettled));
  if (next) parts.push(next.due ? `${next.status === 'due-soon' ? 'due soon' : 'next due'} ${next.due}` : `arose ${next.arises}, not yet done`);
  return { status, counts, text: parts.join(' · ') };
}

function sinceOf(x: OccurrenceState): string {
  return x.due ?? x.arises;
}

function settledText(x: OccurrenceState): string {
  if (x.status === 'waived') return `waived${x.due ? ` (due ${x.due})` : ''}`;
  if (x.status === 'late') return `done ${x.done}, ${x.daysLate} day${x.daysLate === 1 ? '' : 's'} late`;
  return `done ${x.done}`;
}

/** A KPI's periods counted by status: "118 met, 2 failed, 1 missing". */
export function periodCounts(periods: readonly { readonly status: string }[]): string {
  const counts = new Map<string, number>();
  for (const p of periods) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  return ['met', 'failed', 'breached', 'missing', 'waived'].filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`).join(', ') || 'no period has ended';
}

/** What the summary counts: overdue and due-soon occurrences, failed or breached and missing periods. */
export type StatusCounts = Omit<LedgerSummary, 'creditsOwed'>;

export function statusCounts(partnerships: readonly PartnershipState[]): StatusCounts {
  let overdue = 0;
  let dueSoon = 0;
  let failedPeriods = 0;
  let missingPeriods = 0;
  for (const p of partnerships) {
    for (const o of p.obligations) for (const x of o.occurrences) {
      if (x.status === 'overdue') overdue++;
      else if (x.status === 'due-soon') dueSoon++;
    }
    for (const k of p.kpis) for (const x of k.periods) {
      if (x.status === 'failed' || x.status === 'breached') failedPeriods++;
      else if (x.status === 'missing') missingPeriods++;
    }
  }
  return { overdue, dueSoon, failedPeriods, missingPeriods };
}
