// The timeline of each partnership on a day (shared/src/timeline.ts): the term and grants as
// varied, the variations applied, the statuses the ledger gives on that day and the events
// recorded by then, each with the place it is declared (or recorded), so the preview can go to
// it. Every piece of document text has its bidirectional controls shown, as the matrix does.

import type {
  Timeline, TimelineEvent, TimelineGrant, TimelineKpi, TimelineObligation, TimelineSource, TimelineVariation,
} from '../../../../shared/out/timeline';
import type { EventSymbol } from '../binding/symbols';
import { showBidiControls } from '../text/bidi';
import { dayNumber, formatDay } from '../values/dates';
import type { Ledger, LedgerSource } from './ledger';
import type { Dated } from './occurrences';
import { money, occurrenceText } from './status-render';
import type { KpiState, LedgerStatus, ObligationState, PartnershipState, PeriodState } from './types';

const visible = showBidiControls;

/** One timeline per partnership of `status` (which `ledger.status` gave), in the same order. */
export function timelinesOf(ledger: Ledger, status: LedgerStatus): Timeline[] {
  const on = dayNumber(status.on)!;
  return ledger.eventsOn(on).map(({ source, events }, i) => timelineOf(source, events, status.partnerships[i], status.on));
}

/** The timeline of the `index`-th partnership of `status` alone. */
export function timelineAt(ledger: Ledger, status: LedgerStatus, index: number): Timeline {
  const { source, events } = ledger.eventsOn(dayNumber(status.on)!)[index];
  return timelineOf(source, events, status.partnerships[index], status.on);
}

/** Marks a side pane's picture holds at most: beyond them, marks would only cover one another. */
export const PANE_MARKS = 4000;
/** Most pressing first: what a thinned picture keeps. */
const KEPT_FIRST: readonly string[] = ['overdue', 'due-soon', 'late', 'waived', 'due', 'done'];

/**
 * The timeline with at most `PANE_MARKS` occurrence marks: when there are more, those that need
 * attention are kept first (overdue, due soon, late, waived), then the rest in that order.
 */
export function thinnedForPane(t: Timeline): Timeline {
  const total = t.obligations.reduce((n, o) => n + o.occurrences.length, 0);
  if (total <= PANE_MARKS) return t;
  const counts = new Map<string, number>();
  for (const o of t.obligations) for (const x of o.occurrences) counts.set(x.status, (counts.get(x.status) ?? 0) + 1);
  let left = PANE_MARKS;
  const quota = new Map<string, number>();
  for (const status of KEPT_FIRST) {
    quota.set(status, Math.min(counts.get(status) ?? 0, left));
    left -= quota.get(status)!;
  }
  const obligations = t.obligations.map((o) => ({
    ...o,
    occurrences: o.occurrences.filter((x) => {
      const q = quota.get(x.status) ?? 0;
      if (q <= 0) return false;
      quota.set(x.status, q - 1);
      return true;
    }),
  }));
  return { ...t, obligations };
}

/** Each obligation's and KPI's part of the picture, kept by its state (a state belongs to one partnership's file). */
const timelineObligations = new WeakMap<ObligationState, TimelineObligation>();
const timelineKpis = new WeakMap<KpiState, TimelineKpi>();

function kept<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

function timelineOf(source: LedgerSource, events: ReadonlyMap<EventSymbol, readonly Dated[]>, state: PartnershipState, on: string): Timeline {
  const { model } = source;
  const here = (line: number): TimelineSource => ({ file: state.file, line });
  const term = model.termUnit && model.termNode ? { source: here(source.lineAt(model.file, model.termUnit, model.termNode.start)) } : {};
  return {
    partnership: visible(state.name),
    title: visible(state.title),
    on,
    term: { start: state.term.start, end: state.term.end, ...term },
    variations: variationsOf(source),
    grants: model.grants.flatMap((g): TimelineGrant[] => g.period ? [{
      scope: visible(g.scope.path), holder: visible(g.holder.name), holderTitle: visible(g.holder.title ?? ''),
      from: formatDay(g.period.from), to: formatDay(g.period.to), except: g.carveOuts.map((c) => visible(c.path)),
      source: { file: source.displayPath(g.file), line: source.lineAt(g.file, g.unit, g.node.start) },
    }] : []),
    obligations: state.obligations.map((o) => kept(timelineObligations, o, (): TimelineObligation => ({
      name: visible(o.name), title: visible(o.title), source: here(o.line),
      occurrences: o.occurrences.map((x) => ({ day: x.due ?? x.arises, status: x.status, detail: visible(occurrenceText(x) + (x.note ? ` (${x.note})` : '')) })),
    }))),
    kpis: state.kpis.map((k) => kept(timelineKpis, k, (): TimelineKpi => ({
      name: visible(k.name), title: visible(k.title), source: here(k.line),
      periods: k.periods.map((p) => ({ start: p.start, end: p.end, status: p.status, detail: visible(periodDetail(p)) })),
    }))),
    events: eventsOf(source, events),
  };
}

function variationsOf(source: LedgerSource): TimelineVariation[] {
  const { effects } = source;
  return effects.applied.flatMap((v): TimelineVariation[] => {
    if (v.effectiveDay === null) return [];
    const moves = effects.termMoves.filter((m) => m.by === v);
    const termTo = moves.length > 0 ? { termTo: formatDay(moves[moves.length - 1].day) } : {};
    const line = source.lineAt(v.file, v.unit, v.symbol.nameNode.start);
    return [{ day: formatDay(v.effectiveDay), name: visible(v.symbol.name), title: visible(v.symbol.title ?? ''), ...termTo, source: { file: source.displayPath(v.file), line } }];
  });
}

function eventsOf(source: LedgerSource, events: ReadonlyMap<EventSymbol, readonly Dated[]>): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  for (const [event, list] of events) {
    for (const d of list) {
      out.push({
        day: formatDay(d.day), name: visible(event.name), title: visible(event.title ?? ''), note: visible(d.row.note),
        source: { file: source.displayPath(d.file), line: d.row.line },
      });
    }
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** A period's value, target, credit and note in words. */
export function periodDetail(p: PeriodState): string {
  const figures = [p.value ?? 'no result', p.target ? `target ${p.target}` : '', p.credit ? `credit ${money(p.credit)}` : ''].filter((x) => x).join(', ');
  return p.note ? `${figures} (${p.note})` : figures;
}
