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

/** What started an occurrence (an event, another obligation done), and the note of its row. */
interface Trigger {
  readonly trigger: string;
  readonly note?: string;
}

/**
 * Occurrences as first worked out, as columns: a monthly duty over a long term has hundreds,
 * and a large contract hundreds of thousands in all, which need no object each.
 */
interface Drafts {
  /** Due days; NaN for an occurrence without a deadline. */
  readonly dues: number[];
  readonly arisings: number[];
  /** What started each, where something did; null when nothing did. */
  readonly triggers: (Trigger | undefined)[] | null;
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
  // In the order they arise (then fall due): the order `done` rows are matched in.
  const drafts = inOrder(draftsOf(norm, facts), byArising);
  const { dues, arisings } = drafts;
  const n = dues.length;
  const done: (Dated | undefined)[] = [];
  const waived: (Dated | undefined)[] = [];
  const unused: Dated[] = [];
  // A `done` completes the earliest occurrence that has arisen by its day and is not yet complete.
  let firstOpen = 0;
  for (const d of [...facts.done].sort((a, b) => a.day - b.day)) {
    while (firstOpen < n && done[firstOpen]) firstOpen++;
    let open = -1;
    for (let i = firstOpen; i < n && arisings[i] <= d.day; i++) {
      if (!done[i]) {
        open = i;
        break;
      }
    }
    if (open < 0) unused.push(d);
    else done[open] = d;
  }
  // A waiver names the due date (or month) of the occurrence it waives; NaN (no deadline) is never within.
  for (const w of facts.waivers) {
    let i = 0;
    while (i < n && (waived[i] || !(dues[i] >= w.day && dues[i] <= w.lastDay))) i++;
    if (i < n) waived[i] = w;
    else unused.push(w);
  }
  // Then in due order, as everything shows them.
  const order = placesInOrder(drafts, byDue);
  const triggers = new Map<number, Trigger>();
  const completed = new Map<number, Dated>();
  const waivers = new Map<number, Dated>();
  for (let i = 0; i < n; i++) {
    const from = order ? order[i] : i;
    const trigger = drafts.triggers?.[from];
    if (trigger) triggers.set(i, trigger);
    if (done[from]) completed.set(i, done[from]!);
    if (waived[from]) waivers.set(i, waived[from]!);
  }
  const column = (values: number[]): number[] => (order ? order.map((from) => values[from]) : values);
  return { occurrences: new Occurrences(column(dues), column(arisings), triggers, completed, waivers), unused };
}

/** How two drafts, at places `a` and `b` of the columns, are ordered. */
type DraftOrder = (drafts: Drafts, a: number, b: number) => number;

/** A due day to order by: none comes after every day. */
const dueKey = (due: number): number => (Number.isNaN(due) ? Infinity : due);
const byArising: DraftOrder = (d, a, b) => d.arisings[a] - d.arisings[b] || dueKey(d.dues[a]) - dueKey(d.dues[b]);
const byDue: DraftOrder = (d, a, b) => dueKey(d.dues[a]) - dueKey(d.dues[b]) || d.arisings[a] - d.arisings[b];

/** The places of the drafts in `order` (ties as they stand), or null when they stand in it already, as a series does. */
function placesInOrder(drafts: Drafts, order: DraftOrder): number[] | null {
  let sorted = true;
  for (let i = 1; i < drafts.dues.length && sorted; i++) sorted = !(order(drafts, i - 1, i) > 0);
  if (sorted) return null;
  return drafts.dues.map((_, i) => i).sort((a, b) => order(drafts, a, b) || a - b);
}

/** The drafts in `order`. */
function inOrder(drafts: Drafts, order: DraftOrder): Drafts {
  const places = placesInOrder(drafts, order);
  if (!places) return drafts;
  return {
    dues: places.map((i) => drafts.dues[i]),
    arisings: places.map((i) => drafts.arisings[i]),
    triggers: drafts.triggers && places.map((i) => drafts.triggers![i]),
  };
}

/** Drafts made one object each (the few that events or another obligation's completions start) as columns. */
function columns(drafts: readonly Draft[]): Drafts {
  const trigger = (d: Draft): Trigger | undefined => (d.trigger ? (d.triggerNote ? { trigger: d.trigger, note: d.triggerNote } : { trigger: d.trigger }) : undefined);
  return { dues: drafts.map((d) => d.due ?? NaN), arisings: drafts.map((d) => d.arises), triggers: drafts.some((d) => d.trigger) ? drafts.map(trigger) : null };
}

const NO_DRAFTS: Drafts = { dues: [], arisings: [], triggers: null };

function draftsOf(norm: NormModel, facts: ObligationFacts): Drafts {
  if (norm.keyword !== 'obligation' || !norm.period) return NO_DRAFTS;
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
    if (first === null) return NO_DRAFTS;
    const dues: number[] = [];
    const arisings: number[] = [];
    let arises = facts.term.from;
    const { count, unit } = norm.every.duration;
    // One span, counted on for each occurrence in turn.
    const span = { count: 0, unit };
    for (let k = 0; k < MAX_OCCURRENCES; k++) {
      // Each counted from the first, so that the 31st stays the last of each month.
      span.count = count * k;
      const due = k === 0 ? first : countOn(first, span, facts.calendar);
      // A step too long to count (null) ends the series like one past the window.
      if (due === null || due > window.to || (k > 0 && due <= dues[k - 1])) break;
      dues.push(due);
      arisings.push(Math.min(arises, due));
      arises = due + 1;
    }
    return { dues, arisings, triggers: null };
  }
  if (deadline?.form === 'within' && anchor && anchor.kind === 'event') {
    return columns(facts.events(anchor).filter((e) => inWindow(e.day)).slice(0, MAX_OCCURRENCES)
      .map((e) => ({ due: countOn(e.day, deadline.node.duration!, facts.calendar), arises: e.day, trigger: `${anchor.name} ${formatDay(e.day)}`, ...(e.row.note ? { triggerNote: e.row.note } : {}) })));
  }
  if (deadline?.form === 'within' && anchor && anchor.kind === 'norm') {
    return columns(facts.completions(anchor).slice(0, MAX_OCCURRENCES)
      .map((day) => ({ due: countOn(day, deadline.node.duration!, facts.calendar), arises: day, trigger: `${anchor.name} done ${formatDay(day)}` })));
  }
  if (deadline && deadline.day !== null) {
    // A fixed deadline: its day, or the term's end counted back as varied (the norm's period ends on it).
    const due = deadline.form === 'before-expiry' ? window.to : deadline.day;
    return { dues: [due], arisings: [Math.min(facts.term.from, due)], triggers: null };
  }
  if (!deadline && triggers.length > 0) {
    return columns(triggers.flatMap((e) => facts.events(e).filter((x) => inWindow(x.day)).map((x) => ({ due: null, arises: x.day, trigger: `${e.name} ${formatDay(x.day)}` })))
      .slice(0, MAX_OCCURRENCES));
  }
  return NO_DRAFTS;
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
