// Calendar dates as day numbers, so periods compare and overlap with plain integers.
// Periods include both end dates.

export interface Period {
  readonly from: number;
  readonly to: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

const problems = new Map<string, string | null>();

/**
 * Why a written date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) is not a calendar date, or null when
 * it is one (memoised: contracts repeat dates).
 */
export function dateProblem(text: string): string | null {
  let problem = problems.get(text);
  if (problem === undefined) {
    problem = computeDateProblem(text);
    if (problems.size > 100_000) problems.clear();
    problems.set(text, problem);
  }
  return problem;
}

function computeDateProblem(text: string): string | null {
  const [year, month, day] = text.split('-').map(Number);
  if (month === undefined) return null;
  if (month < 1 || month > 12) return `there is no month ${String(month).padStart(2, '0')}`;
  if (day === undefined) return null;
  if (day < 1) return 'days start at 01';
  const last = daysInMonth(year, month);
  if (day > last) return `${MONTHS[month - 1]} ${year} has ${last} days`;
  return null;
}

/** How much of a date is written: a day, a month (`2015-11`) or a year (`2016`). */
export type DatePrecision = 'day' | 'month' | 'year';

export function precisionOf(text: string): DatePrecision {
  return text.length === 4 ? 'year' : text.length === 7 ? 'month' : 'day';
}

const days = new Map<string, number | null>();

function utcDay(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/**
 * Days since 1970-01-01 for the first day a valid written date stands for (the day itself,
 * the month's first day, the year's first day), or null for an impossible date (memoised).
 */
export function dayNumber(text: string): number | null {
  let day = days.get(text);
  if (day === undefined) {
    if (dateProblem(text) !== null) day = null;
    else {
      const [year, month, d] = text.split('-').map(Number);
      day = utcDay(year, month ?? 1, d ?? 1);
    }
    if (days.size > 100_000) days.clear();
    days.set(text, day);
  }
  return day;
}

/**
 * The calendar day `moment` falls on where this machine is (its time zone): the day a council
 * officer calls today, which in a British summer is not the UTC day between midnight and one.
 * The caller reads the clock; the core is handed the moment.
 */
export function localDay(moment: Date): number {
  return utcDay(moment.getFullYear(), moment.getMonth() + 1, moment.getDate());
}

/** The last day a valid written date stands for (`2015-11` is 2015-11-30), or null. */
export function lastDayNumber(text: string): number | null {
  const first = dayNumber(text);
  if (first === null) return null;
  // A full date (the usual case) is its own last day: told by its dashes, without splitting it.
  if (text.length === 10 && text.charCodeAt(4) === 0x2d && text.charCodeAt(7) === 0x2d) return first;
  const [year, month, d] = text.split('-').map(Number);
  if (d !== undefined) return first;
  if (month !== undefined) return utcDay(year, month, daysInMonth(year, month));
  return utcDay(year, 12, 31);
}

/** The first and last days a date can be written for: 0000-01-01 and 9999-12-31. */
const FIRST_WRITTEN_DAY = -719_528;
const LAST_WRITTEN_DAY = 2_932_896;

/**
 * A day as `YYYY-MM-DD`. A day beyond the years a date can be written in (a deadline counted
 * millions of years on) is shown as the nearest one that can be written: no calendar names it,
 * and `Date` cannot hold the farthest.
 */
export function formatDay(day: number): string {
  const written = Math.min(Math.max(day, FIRST_WRITTEN_DAY), LAST_WRITTEN_DAY);
  // The ledger writes the same few thousand days hundreds of thousands of times.
  let text = writtenDays.get(written);
  if (text === undefined) {
    if (writtenDays.size >= MAX_WRITTEN_DAYS) writtenDays.clear();
    text = new Date(written * 86_400_000).toISOString().slice(0, 10);
    writtenDays.set(written, text);
  }
  return text;
}

const writtenDays = new Map<number, string>();
/** A century of days: the cache stays small whatever is asked of it. */
const MAX_WRITTEN_DAYS = 36_600;

/** Where `day` falls in `periods` (in order, not overlapping), by binary search; -1 when in none. */
export function periodHolding(periods: readonly Period[], day: number): number {
  let lo = 0;
  let hi = periods.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (periods[mid].to < day) lo = mid + 1;
    else if (periods[mid].from > day) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Periods overlap when they share a day; a period that ends before it starts has none. */
export function overlaps(a: Period, b: Period): boolean {
  return a.from <= a.to && b.from <= b.to && a.from <= b.to && b.from <= a.to;
}

/** The first day both periods share (they must overlap). */
export function firstSharedDay(a: Period, b: Period): number {
  return Math.max(a.from, b.from);
}

export const ALL_TIME: Period = { from: -1e9, to: 1e9 };
