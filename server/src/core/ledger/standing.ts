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
  /** The first few occurrences that need attention (overdue, late or waived), in due order. */
  readonly attention: readonly OccurrenceState[];
}

/** Occurrences listed as needing attention at most: a monthly duty left undone for years would fill a screen. */
export const ATTENTION_SHOWN = 5;
const NEEDS_ATTENTION: ReadonlySet<OccurrenceStatus> = new Set(['overdue', 'late', 'waived']);

/** Most pressing first: one overdue occurrence outweighs any number done. */
const PRESSING: readonly OccurrenceStatus[] = ['overdue', 'due-soon', 'late', 'due', 'done', 'waived'];

/**
 * An obligation's occurrences, in due order, as standing reads them: the status of each on its
 * own, and an occurrence whole only for the few the standing names. The ledger's engine answers
 * from its columns without making an object per occurrence (a long contract has hundreds of
 * thousands); a status read back from JSON answers from its list.
 */
export interface OccurrenceSource {
  readonly length: number;
  status(i: number): OccurrenceStatus;
  state(i: number): OccurrenceState;
}

/** Where the standing of a state comes from, when not its list: the engine's columns the ledger made it from. */
const sources = new WeakMap<ObligationState, OccurrenceSource>();
const worked = new WeakMap<ObligationState, Standing>();

/** Has `standingOf(o)` read `source` rather than every occurrence of `o`'s list. */
export function withStandingFrom<T extends ObligationState>(o: T, source: OccurrenceSource): T {
  sources.set(o, source);
  return o;
}

export function standingOf(o: ObligationState): Standing {
  let standing = worked.get(o);
  if (!standing) {
    const source = sources.get(o) ?? { length: o.occurrences.length, status: (i: number) => o.occurrences[i].status, state: (i: number) => o.occurrences[i] };
    worked.set(o, (standing = standingFrom(source)));
  }
  return standing;
}

export function standingFrom(source: OccurrenceSource): Standing {
  const counts: Partial<Record<OccurrenceStatus, number>> = {};
  let firstOverdue = -1;
  let next = -1;
  let lastSettled = -1;
  const attention: OccurrenceState[] = [];
  for (let i = 0; i < source.length; i++) {
    const status = source.status(i);
    counts[status] = (counts[status] ?? 0) + 1;
    if (status === 'overdue') {
      if (firstOverdue < 0) firstOverdue = i;
    } else if (status === 'due' || status === 'due-soon') {
      if (next < 0) next = i;
    } else lastSettled = i; // done, late or waived: occurrences come in due order, so the latest
    if (attention.length < ATTENTION_SHOWN && NEEDS_ATTENTION.has(status)) attention.push(source.state(i));
  }
  const status = PRESSING.find((s) => counts[s]) ?? 'none';
  if (source.length === 0) return { status, counts, text: 'nothing has arisen', attention };
  const parts: string[] = [];
  if (firstOverdue >= 0) {
    const more = (counts.overdue ?? 0) - 1;
    parts.push(`overdue since ${sinceOf(source.state(firstOverdue))}${more > 0 ? ` (and ${more} more overdue)` : ''}`);
  }
  if (firstOverdue < 0 && lastSettled >= 0) parts.push(settledText(source.state(lastSettled)));
  if (next >= 0) {
    const x = source.state(next);
    parts.push(x.due ? `${x.status === 'due-soon' ? 'due soon' : 'next due'} ${x.due}` : `arose ${x.arises}, not yet done`);
  }
  return { status, counts, text: parts.join(' · '), attention };
}

/** How many occurrences of `o` need attention (overdue, late or waived). */
export function attentionCount(s: Standing): number {
  let n = 0;
  for (const status of NEEDS_ATTENTION) n += s.counts[status] ?? 0;
  return n;
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
    for (const o of p.obligations) {
      const { counts } = standingOf(o);
      overdue += counts.overdue ?? 0;
      dueSoon += counts['due-soon'] ?? 0;
    }
    for (const k of p.kpis) for (const x of k.periods) {
      if (x.status === 'failed' || x.status === 'breached') failedPeriods++;
      else if (x.status === 'missing') missingPeriods++;
    }
  }
  return { overdue, dueSoon, failedPeriods, missingPeriods };
}
