// The occurrences of an obligation (ledger.md, "Occurrences"), which `done` rows complete them
// and where each stands on a day. Pure: the norm as varied, the term as varied, the rows and
// the day in; plain values out. Nothing reads the clock.

import type { EventSymbol, NormSymbol } from '../binding/symbols';
import type { NormModel } from '../model/semantic';
import { countOn } from '../model/norm-meaning';
import type { CalendarName } from '../values/bank-holidays';
import { formatDay, type Period } from '../values/dates';
import type { ResultRow } from './results-file';
import type { OccurrenceState } from './types';

/** A row as the engine uses it: the day it gives, and where it is. */
export interface Dated {
  readonly day: number;
  /** The last day of the stretch a month-precision date stands for (the day itself otherwise). */
  readonly lastDay: number;
  readonly file: string;
  readonly row: ResultRow;
}

/** At most this many occurrences per obligation: `every 1 day` over a century stays bounded. */
export const MAX_OCCURRENCES = 50_000;
/** Within this many days of the day asked about, an occurrence not yet due is `due-soon`. */
export const DUE_SOON_DAYS = 30;

interface Draft {
  readonly due: number | null;
  readonly arises: number;
  readonly trigger?: string;
  /** The note of the results row that started it, shown with the trigger in the calendar. */
  readonly triggerNote?: string;
}

export interface Completed {
  readonly draft: Draft;
  done?: Dated;
  waived?: Dated;
}

export interface ObligationFacts {
  readonly term: Period;
  readonly calendar: CalendarName;
  readonly events: (event: EventSymbol) => readonly Dated[];
  /** The event a `from` line names, looked up in the partnership. */
  readonly eventNamed: (name: string) => EventSymbol | undefined;
  /** The completed occurrences of another obligation (for deadlines counted from it). */
  readonly completions: (norm: NormSymbol) => readonly number[];
  readonly done: readonly Dated[];
  readonly waivers: readonly Dated[];
}

/** The occurrences of `norm` (as varied), in due order, with the rows that completed or waived them and the rows that found nothing (R008). */
export function occurrencesOf(norm: NormModel, facts: ObligationFacts): { occurrences: Completed[]; unused: Dated[] } {
  const drafts = draftsOf(norm, facts).sort((a, b) => a.arises - b.arises || (a.due ?? Infinity) - (b.due ?? Infinity));
  const occurrences: Completed[] = drafts.map((draft) => ({ draft }));
  const unused: Dated[] = [];
  // A `done` completes the earliest occurrence that has arisen by its day and is not yet complete.
  let firstOpen = 0;
  for (const d of [...facts.done].sort((a, b) => a.day - b.day)) {
    while (firstOpen < occurrences.length && occurrences[firstOpen].done) firstOpen++;
    const open = occurrences.findIndex((o, i) => i >= firstOpen && !o.done && o.draft.arises <= d.day);
    if (open < 0) unused.push(d);
    else occurrences[open].done = d;
  }
  // A waiver names the due date (or month) of the occurrence it waives.
  for (const w of facts.waivers) {
    const o = occurrences.find((x) => !x.waived && x.draft.due !== null && x.draft.due >= w.day && x.draft.due <= w.lastDay);
    if (o) o.waived = w;
    else unused.push(w);
  }
  occurrences.sort((a, b) => (a.draft.due ?? Infinity) - (b.draft.due ?? Infinity) || a.draft.arises - b.draft.arises);
  return { occurrences, unused };
}

function draftsOf(norm: NormModel, facts: ObligationFacts): Draft[] {
  if (norm.keyword !== 'obligation' || !norm.period) return [];
  const window = norm.period;
  const deadline = norm.deadline;
  const anchor = deadline?.anchor ?? null;
  const inWindow = (day: number): boolean => day >= window.from && day <= window.to;
  const from = norm.from?.at.kind === 'QName' ? facts.eventNamed(norm.from.at.parts.map((p) => p.text).join('.')) : undefined;
  const fromEvent = norm.from?.at.kind === 'QName';
  // The events a norm arises on: its `when` events and the event its `from` names.
  const triggers = from && !norm.when.includes(from) ? [...norm.when, from] : norm.when;
  if (norm.every) {
    let first: number | null = window.from;
    if (deadline?.form === 'date' && deadline.day !== null) first = deadline.day;
    else if (fromEvent) {
      // `every … from GoLive`: the first is due when the event first happens.
      const days = triggers.flatMap((e) => facts.events(e).map((x) => x.day)).filter(inWindow);
      first = days.length > 0 ? Math.min(...days) : null;
    }
    if (first === null) return [];
    const drafts: Draft[] = [];
    let arises = facts.term.from;
    const { count, unit } = norm.every.duration;
    for (let k = 0; k < MAX_OCCURRENCES; k++) {
      // Each counted from the first, so that the 31st stays the last of each month.
      const due = k === 0 ? first : countOn(first, { count: count * k, unit }, facts.calendar);
      // A step too long to count (null) ends the series like one past the window.
      if (due === null || due > window.to || (k > 0 && due <= drafts[k - 1].due!)) break;
      drafts.push({ due, arises: Math.min(arises, due) });
      arises = due + 1;
    }
    return drafts;
  }
  if (deadline?.form === 'within' && anchor && anchor.kind === 'event') {
    return facts.events(anchor).filter((e) => inWindow(e.day)).slice(0, MAX_OCCURRENCES)
      .map((e) => ({ due: countOn(e.day, deadline.node.duration!, facts.calendar), arises: e.day, trigger: `${anchor.name} ${formatDay(e.day)}`, ...(e.row.note ? { triggerNote: e.row.note } : {}) }));
  }
  if (deadline?.form === 'within' && anchor && anchor.kind === 'norm') {
    return facts.completions(anchor).slice(0, MAX_OCCURRENCES)
      .map((day) => ({ due: countOn(day, deadline.node.duration!, facts.calendar), arises: day, trigger: `${anchor.name} done ${formatDay(day)}` }));
  }
  if (deadline && deadline.day !== null) {
    // A fixed deadline: its day, or the term's end counted back as varied (the norm's period ends on it).
    const due = deadline.form === 'before-expiry' ? window.to : deadline.day;
    return [{ due, arises: Math.min(facts.term.from, due) }];
  }
  if (!deadline && triggers.length > 0) {
    return triggers.flatMap((e) => facts.events(e).filter((x) => inWindow(x.day)).map((x) => ({ due: null, arises: x.day, trigger: `${e.name} ${formatDay(x.day)}` })))
      .slice(0, MAX_OCCURRENCES);
  }
  return [];
}

/** Where an occurrence stands on `on` (null: every row counted, as the calendar sees it). */
export function occurrenceState(o: Completed, on: number | null): OccurrenceState {
  const { due, arises, trigger } = o.draft;
  // Built field by field, in the order the JSON shows them: a long contract has hundreds of thousands.
  const state = (due !== null ? { due: formatDay(due), arises: formatDay(arises) } : { arises: formatDay(arises) }) as Mutable<OccurrenceState>;
  if (trigger) state.trigger = trigger;
  state.status = 'due';
  if (o.done) {
    const late = due !== null && o.done.day > due;
    state.status = late ? 'late' : 'done';
    state.done = formatDay(o.done.day);
    if (late) state.daysLate = o.done.day - due;
    if (o.done.row.note) state.note = o.done.row.note;
  } else if (o.waived) {
    state.status = 'waived';
    if (o.waived.row.note) state.note = o.waived.row.note;
  } else if (due !== null && on !== null) {
    if (due < on) {
      state.status = 'overdue';
      state.daysOverdue = on - due;
    } else if (due - on <= DUE_SOON_DAYS) state.status = 'due-soon';
  }
  return state;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
