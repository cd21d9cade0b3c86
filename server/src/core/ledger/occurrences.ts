// The occurrences of an obligation (ledger.md, "Occurrences"), which `done` rows complete them
// and where each stands on a day. Pure: the norm as varied, the term as varied, the rows and
// the day in; plain values out. Nothing reads the clock.

import type { EventSymbol, NormSymbol } from '../binding/symbols';
import type { NormModel } from '../model/semantic';
import { countOn } from '../model/norm-meaning';
import type { CalendarName } from '../values/bank-holidays';
import { formatDay, type Period } from '../values/dates';
import type { ResultRow } from './results-file';
import type { OccurrenceState, OccurrenceStatus } from './types';

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

/** One occurrence as first worked out: when it is due (null: no deadline), when it arises, and why. */
interface Draft {
  readonly due: number | null;
  readonly arises: number;
  readonly trigger?: string;
  /** The note of the results row that started it, shown with the trigger in the calendar. */
  readonly triggerNote?: string;
}

/**
 * The occurrences of one obligation in due order, with the rows that completed or waived
 * them. Kept as columns of numbers rather than an object each: a monthly duty over a long term
 * has hundreds, and a large contract hundreds of thousands in all.
 */
export class Occurrences {
  constructor(
    /** Due days; NaN for an occurrence without a deadline. */
    private readonly dues: readonly number[],
    private readonly arisings: readonly number[],
    /** What started each, where something did (an event, another obligation done). */
    private readonly triggers: ReadonlyMap<number, { readonly trigger: string; readonly note?: string }>,
    private readonly completed: ReadonlyMap<number, Dated>,
    private readonly waivers: ReadonlyMap<number, Dated>,
  ) {}

  get length(): number {
    return this.dues.length;
  }

  due(i: number): number | null {
    const due = this.dues[i];
    return Number.isNaN(due) ? null : due;
  }

  arises(i: number): number {
    return this.arisings[i];
  }

  trigger(i: number): { readonly trigger: string; readonly note?: string } | undefined {
    return this.triggers.get(i);
  }

  done(i: number): Dated | undefined {
    return this.completed.get(i);
  }

  waived(i: number): Dated | undefined {
    return this.waivers.get(i);
  }

  /** Where occurrence `i` stands on `on` (null: every row counted), in one word. */
  status(i: number, on: number | null): OccurrenceStatus {
    const due = this.dues[i];
    // Most obligations have no row at all: their occurrences are told apart by the day alone.
    if (this.completed.size > 0) {
      const done = this.completed.get(i);
      if (done) return done.day > due ? 'late' : 'done'; // NaN (no deadline) is never exceeded
    }
    if (this.waivers.size > 0 && this.waivers.has(i)) return 'waived';
    if (Number.isNaN(due) || on === null) return 'due';
    return due < on ? 'overdue' : due - on <= DUE_SOON_DAYS ? 'due-soon' : 'due';
  }

  /** The days the completed occurrences were done, earliest first. */
  completionDays(): number[] {
    return [...this.completed.values()].map((d) => d.day).sort((a, b) => a - b);
  }
}

export const NO_OCCURRENCES = new Occurrences([], [], new Map(), new Map(), new Map());

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
export function occurrencesOf(norm: NormModel, facts: ObligationFacts): { occurrences: Occurrences; unused: Dated[] } {
  const drafts = draftsOf(norm, facts);
  // In the order they arise (then fall due): the order `done` rows are matched in.
  if (!isSorted(drafts, byArising)) drafts.sort(byArising);
  const done: (Dated | undefined)[] = [];
  const waived: (Dated | undefined)[] = [];
  const unused: Dated[] = [];
  // A `done` completes the earliest occurrence that has arisen by its day and is not yet complete.
  let firstOpen = 0;
  for (const d of [...facts.done].sort((a, b) => a.day - b.day)) {
    while (firstOpen < drafts.length && done[firstOpen]) firstOpen++;
    let open = -1;
    for (let i = firstOpen; i < drafts.length && drafts[i].arises <= d.day; i++) {
      if (!done[i]) {
        open = i;
        break;
      }
    }
    if (open < 0) unused.push(d);
    else done[open] = d;
  }
  // A waiver names the due date (or month) of the occurrence it waives.
  for (const w of facts.waivers) {
    const i = drafts.findIndex((x, k) => !waived[k] && x.due !== null && x.due >= w.day && x.due <= w.lastDay);
    if (i >= 0) waived[i] = w;
    else unused.push(w);
  }
  // Then in due order, as everything shows them.
  const order = drafts.map((_, i) => i);
  if (!isSorted(drafts, byDue)) order.sort((a, b) => byDue(drafts[a], drafts[b]) || a - b);
  const dues: number[] = [];
  const arisings: number[] = [];
  const triggers = new Map<number, { trigger: string; note?: string }>();
  const completed = new Map<number, Dated>();
  const waivers = new Map<number, Dated>();
  order.forEach((from, i) => {
    const x = drafts[from];
    dues.push(x.due ?? NaN);
    arisings.push(x.arises);
    if (x.trigger) triggers.set(i, x.triggerNote ? { trigger: x.trigger, note: x.triggerNote } : { trigger: x.trigger });
    if (done[from]) completed.set(i, done[from]!);
    if (waived[from]) waivers.set(i, waived[from]!);
  });
  return { occurrences: new Occurrences(dues, arisings, triggers, completed, waivers), unused };
}

const byArising = (a: Draft, b: Draft): number => a.arises - b.arises || (a.due ?? Infinity) - (b.due ?? Infinity);
const byDue = (a: Draft, b: Draft): number => (a.due ?? Infinity) - (b.due ?? Infinity) || a.arises - b.arises;

function isSorted(drafts: readonly Draft[], order: (a: Draft, b: Draft) => number): boolean {
  for (let i = 1; i < drafts.length; i++) if (order(drafts[i - 1], drafts[i]) > 0) return false;
  return true;
}

function draftsOf(norm: NormModel, facts: ObligationFacts): Draft[] {
  if (norm.keyword !== 'obligation' || !norm.period) return [];
  const window = norm.period;
  const deadline = norm.deadline;
  const anchor = deadline?.anchor ?? null;
  const inWindow = (day: number): boolean => day >= window.from && day <= window.to;
  const from = norm.from?.at.kind === 'QName' ? facts.eventNamed(norm.from.at.text) : undefined;
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

/** Where occurrence `i` stands on `on` (null: every row counted, as the calendar sees it). */
export function occurrenceState(list: Occurrences, i: number, on: number | null): OccurrenceState {
  const due = list.due(i);
  const arises = list.arises(i);
  const trigger = list.trigger(i)?.trigger;
  // Built field by field, in the order the JSON shows them: a long contract has hundreds of thousands.
  const state = (due !== null ? { due: formatDay(due), arises: formatDay(arises) } : { arises: formatDay(arises) }) as Mutable<OccurrenceState>;
  if (trigger) state.trigger = trigger;
  const status = list.status(i, on);
  state.status = status;
  const done = list.done(i);
  if (done) {
    state.done = formatDay(done.day);
    if (status === 'late') state.daysLate = done.day - due!;
    if (done.row.note) state.note = done.row.note;
  } else if (status === 'waived') {
    const note = list.waived(i)!.row.note;
    if (note) state.note = note;
  } else if (status === 'overdue') state.daysOverdue = on! - due!;
  return state;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
