// Every dated item of the ledger (ledger.md, `partnership calendar`): obligation occurrences
// (those whose events are in results files too), the term's first and last day, grants
// starting and ending, variations taking effect, and the last day of each KPI measurement
// period. Each item has a UID made of what it is, so the same item keeps it from run to run.
//
// A long term's calendar has hundreds of thousands of items, nearly all of them occurrences of
// a few thousand obligations and periods of a few hundred KPIs. So an item is a day and the
// series it belongs to (what it is, its summary and description, the start of its UID): what
// a series says is worked out, escaped and folded once (calendar-formats.ts), not once an item.

import type { NormModel } from '../model/semantic';
import { formatDay } from '../values/dates';
import type { Ledger } from './ledger';

export type CalendarKind = 'obligation-due' | 'term-start' | 'term-end' | 'grant-start' | 'grant-end' | 'variation' | 'period-end';

/** What the items of one declaration have in common. */
export interface CalendarSeries {
  readonly kind: CalendarKind;
  readonly partnership: string;
  /** The declaration it belongs to (a norm, a KPI, a variation, a grant's holder), or the partnership's name. */
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly file: string;
  /** `kind.partnership.name`: what each of its items' UIDs starts with. */
  readonly key: string;
}

/** One dated item: a day of a series. */
export interface CalendarEntry {
  readonly day: number;
  readonly series: CalendarSeries;
  /** 1 for the first item of its UID's key on its day; the second gets `.2` in its UID, and so on. */
  readonly repeat: number;
  /**
   * Its own description, where it says more than the series' (the event an occurrence arose on,
   * the measurement period that ends).
   */
  readonly description: string | undefined;
  /** The note of the results row behind the item (the event that started an occurrence). */
  readonly note: string | undefined;
}

/** An entry written out whole, as the JSON calendar lists it. */
export interface CalendarItem {
  readonly uid: string;
  readonly date: string;
  readonly kind: CalendarKind;
  readonly partnership: string;
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly note?: string;
  readonly file: string;
}

export interface CalendarRange {
  readonly from?: number;
  readonly to?: number;
}

/** The entry's UID: the same item gets the same one from run to run. */
export function uidOf(entry: CalendarEntry): string {
  return uidFrom(entry.series.key, formatDay(entry.day), entry.repeat);
}

/** A UID from its series' key (escaped as the format needs), its date and its repeat: `.2` for the second item of the same key and day. */
export function uidFrom(key: string, date: string, repeat: number): string {
  return `${key}.${date}${repeat > 1 ? `.${repeat}` : ''}@partnership-language-tools`;
}

export function itemOf(entry: CalendarEntry): CalendarItem {
  const s = entry.series;
  return {
    uid: uidOf(entry), date: formatDay(entry.day), kind: s.kind, partnership: s.partnership, name: s.name,
    summary: s.summary, description: entry.description ?? s.description, ...(entry.note ? { note: entry.note } : {}), file: s.file,
  };
}

/**
 * What the last day of a measurement period says: the period it ends. Made from the period's
 * first day when it is read, not kept: a long term's KPIs end tens of thousands of periods.
 */
export function periodEndDescription(series: CalendarSeries, first: number, last: number): string {
  return `${series.partnership}: the measurement period ${formatDay(first)} to ${formatDay(last)} of ${series.name} ends.`;
}

/**
 * The calendar's entries in order, kept as columns (a day, a series and a repeat each, and
 * what some say of their own: a description, a note, the first day of the period a
 * `period-end` item ends; a column is empty when none does): a long term's calendar has
 * hundreds of thousands. `at(i)` gives one as an object for as long as it is written.
 */
export class CalendarEntries {
  constructor(
    private readonly days: Float64Array,
    private readonly seriesOf: readonly CalendarSeries[],
    private readonly repeats: Uint32Array,
    private readonly descriptions: readonly (string | undefined)[],
    private readonly notes: readonly (string | undefined)[],
    private readonly periodFirstDays: Float64Array,
  ) {}

  get length(): number {
    return this.days.length;
  }

  at(i: number): CalendarEntry {
    return { day: this.day(i), series: this.series(i), repeat: this.repeat(i), description: this.description(i), note: this.note(i) };
  }

  // Read a column at a time by the writers, which go through hundreds of thousands of entries.
  day(i: number): number {
    return this.days[i];
  }

  series(i: number): CalendarSeries {
    return this.seriesOf[i];
  }

  repeat(i: number): number {
    return this.repeats[i];
  }

  /** Its own description, where it has one. */
  description(i: number): string | undefined {
    const first = this.periodFirstDay(i);
    if (first !== undefined) return periodEndDescription(this.seriesOf[i], first, this.days[i]);
    return this.descriptions.length > 0 ? this.descriptions[i] : undefined;
  }

  /** For an item that ends a measurement period, the period's first day. */
  periodFirstDay(i: number): number | undefined {
    if (this.periodFirstDays.length === 0) return undefined;
    const first = this.periodFirstDays[i];
    return Number.isNaN(first) ? undefined : first;
  }

  note(i: number): string | undefined {
    return this.notes.length > 0 ? this.notes[i] : undefined;
  }

  *[Symbol.iterator](): IterableIterator<CalendarEntry> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}

/**
 * A series' items as they are found: their days, what some of them say of their own, and for
 * the ends of measurement periods, each period's first day.
 */
interface Found {
  readonly series: CalendarSeries;
  readonly days: number[];
  readonly descriptions: Map<number, string>;
  readonly notes: Map<number, string>;
  readonly periodFirstDays: number[];
}

/**
 * Every dated item in `range`, by day, then kind, partnership and name (items alike in all
 * four in the order they were found: a partnership's before a later one's, occurrences in due
 * order).
 */
export function calendarEntries(ledger: Ledger, range: CalendarRange = {}): CalendarEntries {
  const found: Found[] = [];
  const inRange = (day: number): boolean => (range.from === undefined || day >= range.from) && (range.to === undefined || day <= range.to);
  for (const e of ledger.evaluate(null)) {
    const { model, term, displayFile } = e.source;
    const partnership = model.partnership.name.text;
    const who = model.partnership.title?.value || partnership;
    const seriesOf = (kind: CalendarKind, name: string, summary: string, description: string): Found => {
      const f: Found = { series: { kind, partnership, name, summary, description, file: displayFile, key: `${kind}.${partnership}.${name}` }, days: [], descriptions: new Map(), notes: new Map(), periodFirstDays: [] };
      found.push(f);
      return f;
    };
    const add = (day: number, f: Found, description?: string, note?: string): void => {
      if (!inRange(day)) return;
      if (description !== undefined) f.descriptions.set(f.days.length, description);
      if (note) f.notes.set(f.days.length, note);
      f.days.push(day);
    };
    add(term.from, seriesOf('term-start', partnership, `Term of ${who} starts`, `${partnership}: the term runs from ${formatDay(term.from)} to ${formatDay(term.to)}.`));
    add(term.to, seriesOf('term-end', partnership, `Term of ${who} ends`, `${partnership}: the last day of the term (as varied).`));
    for (const g of model.grants) {
      if (!g.period) continue;
      const what = `${g.holder.name} holds ${g.scope.path} exclusively`;
      const name = `${g.holder.name}.${g.scope.path}`;
      add(g.period.from, seriesOf('grant-start', name, `Exclusive grant starts: ${what}`, `${partnership}: ${what} from ${formatDay(g.period.from)}.`));
      add(g.period.to, seriesOf('grant-end', name, `Exclusive grant ends: ${what}`, `${partnership}: ${what} until ${formatDay(g.period.to)}.`));
    }
    for (const v of model.variations) {
      if (v.effectiveDay === null) continue;
      add(v.effectiveDay, seriesOf('variation', v.symbol.name, `Variation ${v.symbol.name} takes effect: ${v.symbol.title ?? ''}`.trim(), `${partnership}: ${v.symbol.title ?? v.symbol.name}${v.clause ? ` (clause ${v.clause})` : ''}.`));
    }
    for (const o of e.obligations) {
      const list = o.occurrences;
      if (list.length === 0) continue;
      const line = normLine(o.norm);
      const s = seriesOf('obligation-due', o.norm.symbol.name, `${o.norm.symbol.name} due: ${o.norm.symbol.title ?? o.norm.objectText ?? ''} for ${who}`, line);
      for (let i = 0; i < list.length; i++) {
        const due = list.due(i);
        if (due === null) continue;
        const trigger = list.trigger(i);
        add(due, s, trigger ? `${line} Arises on ${trigger.trigger}.` : undefined, trigger?.note);
      }
    }
    for (const k of e.kpis) {
      if (k.spans.length === 0) continue;
      const s = seriesOf('period-end', k.symbol.name, `${k.symbol.name} period ends: ${k.symbol.title ?? ''} for ${who}`.trim(), '');
      for (const p of k.spans) {
        if (!inRange(p.to)) continue;
        s.periodFirstDays.push(p.from);
        s.days.push(p.to);
      }
    }
  }
  return ordered(found);
}

/**
 * Sorted by day, then series (kind, partnership, name), keeping the order found among equals,
 * and numbered: an item whose UID key and day an earlier one has gets its repeat. A counting
 * sort over the days from the first to the last (a long term has a few thousand days and
 * hundreds of thousands of items; no day is written outside years 0 to 9999, so the table is
 * bounded): placing each series' items in the series' order keeps every day's items in that
 * order without comparing them.
 */
function ordered(found: readonly Found[]): CalendarEntries {
  const ranked = [...found].sort((a, b) => cmp(a.series.kind, b.series.kind) || cmp(a.series.partnership, b.series.partnership) || cmp(a.series.name, b.series.name));
  let first = Infinity;
  let last = -Infinity;
  let total = 0;
  for (const f of found) {
    for (const day of f.days) {
      if (day < first) first = day;
      if (day > last) last = day;
    }
    total += f.days.length;
  }
  // How many items fall before each day, from the items counted on each: where the day's items
  // start in the output; then filled series by series, in rank order.
  const next = new Int32Array(total > 0 ? last - first + 2 : 1);
  for (const f of found) for (const day of f.days) next[day - first + 1]++;
  for (let d = 1; d < next.length; d++) next[d] += next[d - 1];
  const days = new Float64Array(total);
  const seriesOf = new Array<CalendarSeries>(total);
  const rankOf = new Int32Array(total);
  // Filled before they are written to, so that the engine keeps them as plain arrays.
  const descriptions: (string | undefined)[] = found.some((f) => f.descriptions.size > 0) ? new Array(total).fill(undefined) : [];
  const notes: (string | undefined)[] = found.some((f) => f.notes.size > 0) ? new Array(total).fill(undefined) : [];
  const periodFirstDays = found.some((f) => f.periodFirstDays.length > 0) ? new Float64Array(total).fill(NaN) : new Float64Array(0);
  let rank = -1;
  ranked.forEach((f, r) => {
    if (r === 0 || !sameKey(ranked[r - 1].series, f.series)) rank++;
    for (let k = 0; k < f.days.length; k++) {
      const day = f.days[k];
      const at = next[day - first]++;
      days[at] = day;
      seriesOf[at] = f.series;
      rankOf[at] = rank;
      const description = f.descriptions.get(k);
      if (description !== undefined) descriptions[at] = description;
      const note = f.notes.get(k);
      if (note) notes[at] = note;
      if (f.periodFirstDays.length > 0) periodFirstDays[at] = f.periodFirstDays[k];
    }
  });
  const repeats = new Uint32Array(total);
  for (let i = 0; i < total; i++) repeats[i] = i > 0 && days[i] === days[i - 1] && rankOf[i] === rankOf[i - 1] ? repeats[i - 1] + 1 : 1;
  return new CalendarEntries(days, seriesOf, repeats, descriptions, notes, periodFirstDays);
}

const sameKey = (a: CalendarSeries, b: CalendarSeries): boolean => a.kind === b.kind && a.partnership === b.partnership && a.name === b.name;

/** The norm's line in words, with its clause: `SB must deliver "an operational plan" to BCC (clause R01).` */
function normLine(norm: NormModel): string {
  const object = norm.objectText !== null ? `"${norm.objectText}"` : norm.objectScope?.path ?? '';
  const to = norm.beneficiaries.length > 0 ? ` to ${norm.beneficiaries.map((b) => b.name).join(', ')}` : '';
  const line = [norm.subjects.map((s) => s.name).join(', '), norm.modal ?? '', norm.verb ?? '', object].filter((x) => x).join(' ') + to;
  return `${line}${norm.clause ? ` (clause ${norm.clause})` : ''}.`;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
