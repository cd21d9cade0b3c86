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
  /** Its own description, where it says more than the series' (the event an occurrence arose on). */
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

export const UID_DOMAIN = '@partnership-language-tools';

/** The entry's UID: the same item gets the same one from run to run. */
export function uidOf(entry: CalendarEntry): string {
  return `${entry.series.key}.${formatDay(entry.day)}${repeatSuffix(entry)}${UID_DOMAIN}`;
}

/** What follows the date in the UID: `.2` for the second item of the same key and day. */
export function repeatSuffix(entry: CalendarEntry): string {
  return entry.repeat > 1 ? `.${entry.repeat}` : '';
}

export function itemOf(entry: CalendarEntry): CalendarItem {
  const s = entry.series;
  return {
    uid: uidOf(entry), date: formatDay(entry.day), kind: s.kind, partnership: s.partnership, name: s.name,
    summary: s.summary, description: entry.description ?? s.description, ...(entry.note ? { note: entry.note } : {}), file: s.file,
  };
}

/** An entry while the calendar is made: its place in the order, and its repeat once sorted. */
interface Pending {
  day: number;
  series: CalendarSeries;
  description: string | undefined;
  note: string | undefined;
  /** Where it sorts: by day, then by the series' kind, partnership and name. */
  order: number;
  repeat: number;
}

/**
 * Every dated item in `range`, by day, then kind, partnership and name (items alike in all
 * four in the order they were found: a partnership's before a later one's, occurrences in due
 * order).
 */
export function calendarEntries(ledger: Ledger, range: CalendarRange = {}): CalendarEntry[] {
  const pending: Pending[] = [];
  const series: CalendarSeries[] = [];
  const inRange = (day: number): boolean => (range.from === undefined || day >= range.from) && (range.to === undefined || day <= range.to);
  for (const e of ledger.evaluate(null)) {
    const { model, term, displayFile } = e.source;
    const partnership = model.partnership.name.text;
    const who = model.partnership.title?.value || partnership;
    const seriesOf = (kind: CalendarKind, name: string, summary: string, description: string): CalendarSeries => {
      const s = { kind, partnership, name, summary, description, file: displayFile, key: `${kind}.${partnership}.${name}` };
      series.push(s);
      return s;
    };
    const add = (day: number, s: CalendarSeries, description?: string, note?: string): void => {
      if (!inRange(day)) return;
      // Every entry has every field, so that hundreds of thousands of them share one shape.
      pending.push({ day, series: s, description, note: note || undefined, order: 0, repeat: 1 });
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
      if (k.periods.length === 0) continue;
      const s = seriesOf('period-end', k.symbol.name, `${k.symbol.name} period ends: ${k.symbol.title ?? ''} for ${who}`.trim(), '');
      for (const p of k.periods) {
        add(p.period.to, s, `${partnership}: the measurement period ${formatDay(p.period.from)} to ${formatDay(p.period.to)} of ${k.symbol.name} ends.`);
      }
    }
  }
  return ordered(pending, series);
}

/**
 * Sorted by day, then series (kind, partnership, name), keeping the order found among equals,
 * and numbered: an item whose UID key and day an earlier one has gets its repeat.
 */
function ordered(pending: Pending[], series: readonly CalendarSeries[]): CalendarEntry[] {
  // Series ranked once, so that items compare as numbers: day × series count + rank.
  const ranked = [...series].sort((a, b) => cmp(a.kind, b.kind) || cmp(a.partnership, b.partnership) || cmp(a.name, b.name));
  const rank = new Map<CalendarSeries, number>();
  let r = -1;
  ranked.forEach((s, i) => rank.set(s, i > 0 && sameKey(ranked[i - 1], s) ? r : ++r));
  const width = r + 1;
  for (const p of pending) p.order = p.day * width + rank.get(p.series)!;
  // Stable: alike items stay in the order they were found.
  pending.sort((a, b) => a.order - b.order);
  for (let i = 1; i < pending.length; i++) if (pending[i].order === pending[i - 1].order) pending[i].repeat = pending[i - 1].repeat + 1;
  return pending;
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
