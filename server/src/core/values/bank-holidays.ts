// The bank holidays of the UK's three calendars (and a calendar with none), by the statutory
// rules and the one-off changes proclaimed since 1990, as sorted day numbers per year.

import { dayOf, isWeekend, lastWeekdayOfMonth, MONDAY, nthWeekdayOfMonth } from './calendar-dates';

export type CalendarName = 'england-and-wales' | 'scotland' | 'northern-ireland' | 'weekdays';

export const CALENDAR_NAMES: readonly CalendarName[] = ['england-and-wales', 'scotland', 'northern-ireland', 'weekdays'];

export const DEFAULT_CALENDAR: CalendarName = 'england-and-wales';

/** The years whose one-off changes are known; other years follow the rules alone. */
export const FIRST_LISTED_YEAR = 1990;
export const LAST_LISTED_YEAR = 2100;

type MonthAndDate = readonly [month: number, date: number];

interface OneOff {
  /** Where the early May holiday (usually the first Monday of May) was moved to. */
  readonly earlyMay?: MonthAndDate;
  /** Where the spring holiday (usually the last Monday of May) was moved to. */
  readonly spring?: MonthAndDate;
  /** Extra days proclaimed for the year. */
  readonly added?: readonly MonthAndDate[];
}

// Proclaimed for the whole UK, so they change all three nations' calendars alike.
const UK_ONE_OFFS: ReadonlyMap<number, OneOff> = new Map<number, OneOff>([
  [1995, { earlyMay: [5, 8] }], // 50th anniversary of VE Day
  [1999, { added: [[12, 31]] }], // Millennium
  [2002, { spring: [6, 4], added: [[6, 3]] }], // Golden Jubilee
  [2011, { added: [[4, 29]] }], // royal wedding
  [2012, { spring: [6, 4], added: [[6, 5]] }], // Diamond Jubilee
  [2020, { earlyMay: [5, 8] }], // 75th anniversary of VE Day
  [2022, { spring: [6, 2], added: [[6, 3], [9, 19]] }], // Platinum Jubilee; the Queen's state funeral
  [2023, { added: [[5, 8]] }], // coronation
]);

// gov.uk's list for Scotland has a day the UK-wide changes do not: the "World Cup bank holiday"
// of 15 June 2026, proclaimed for Scotland alone. The published list wins over the rules.
const SCOTTISH_ONE_OFFS: ReadonlyMap<number, OneOff> = new Map<number, OneOff>([[2026, { added: [[6, 15]] }]]);

/** Scotland's St Andrew's Day became a bank holiday by an Act of 2007. */
const FIRST_ST_ANDREWS_DAY = 2007;

/** Easter Sunday of a year by the Gregorian computus (the anonymous algorithm in Meeus's form). */
export function easterSunday(year: number): number {
  const golden = mod(year, 19);
  const century = Math.floor(year / 100);
  const yearOfCentury = mod(year, 100);
  const leapCenturies = Math.floor(century / 4);
  const correction = Math.floor((century + 8) / 25);
  const moon = Math.floor((century - correction + 1) / 3);
  const epact = mod(19 * golden + century - leapCenturies - moon + 15, 30);
  const weekdayShift = mod(32 + 2 * mod(century, 4) + 2 * Math.floor(yearOfCentury / 4) - epact - mod(yearOfCentury, 4), 7);
  const late = Math.floor((golden + 11 * epact + 22 * weekdayShift) / 451);
  const sum = epact + weekdayShift - 7 * late + 114;
  return dayOf(year, Math.floor(sum / 31), mod(sum, 31) + 1);
}

/** A remainder that is never negative, so years before year 0 stay in the same cycles. */
function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

/**
 * A year's holidays before substitutes: `moving` days are always weekdays (or proclaimed for a
 * given day), `fixed` dates in date order get a substitute when they fall on a weekend.
 */
interface Plan {
  readonly moving: number[];
  readonly fixed: number[];
}

function oneOffDay(year: number, moved: MonthAndDate | undefined, usual: number): number {
  return moved ? dayOf(year, moved[0], moved[1]) : usual;
}

/** England and Wales: the base the other two nations' calendars are described against. */
function englandAndWales(year: number, oneOff: OneOff): Plan {
  const easter = easterSunday(year);
  return {
    moving: [
      easter - 2, // Good Friday
      easter + 1, // Easter Monday
      oneOffDay(year, oneOff.earlyMay, nthWeekdayOfMonth(year, 5, MONDAY, 1)),
      oneOffDay(year, oneOff.spring, lastWeekdayOfMonth(year, 5, MONDAY)),
      lastWeekdayOfMonth(year, 8, MONDAY),
    ],
    fixed: [dayOf(year, 1, 1), dayOf(year, 12, 25), dayOf(year, 12, 26)],
  };
}

/** Scotland: 2 January, the first Monday of August, St Andrew's Day, no Easter Monday. */
function scotland(year: number, oneOff: OneOff): Plan {
  const easter = easterSunday(year);
  const fixed = [dayOf(year, 1, 1), dayOf(year, 1, 2)];
  if (year >= FIRST_ST_ANDREWS_DAY) fixed.push(dayOf(year, 11, 30));
  fixed.push(dayOf(year, 12, 25), dayOf(year, 12, 26));
  return {
    moving: [
      easter - 2, // Good Friday
      oneOffDay(year, oneOff.earlyMay, nthWeekdayOfMonth(year, 5, MONDAY, 1)),
      oneOffDay(year, oneOff.spring, lastWeekdayOfMonth(year, 5, MONDAY)),
      nthWeekdayOfMonth(year, 8, MONDAY, 1),
    ],
    fixed,
  };
}

/** Northern Ireland: England and Wales's days plus St Patrick's Day and the Battle of the Boyne. */
function northernIreland(year: number, oneOff: OneOff): Plan {
  const base = englandAndWales(year, oneOff);
  const [newYear, ...christmas] = base.fixed;
  return { moving: base.moving, fixed: [newYear, dayOf(year, 3, 17), dayOf(year, 7, 12), ...christmas] };
}

const PLANS: Record<Exclude<CalendarName, 'weekdays'>, (year: number, oneOff: OneOff) => Plan> = {
  'england-and-wales': englandAndWales,
  scotland,
  'northern-ireland': northernIreland,
};

/**
 * Substitutes take the next weekday that is not already a holiday, in date order: so Christmas
 * on a Saturday moves to Monday 27 and Boxing Day to Tuesday 28, while Christmas on a Sunday
 * moves past Boxing Day (Monday 26) to Tuesday 27. Scotland's 1 and 2 January and St Andrew's
 * Day, and Northern Ireland's 17 March and 12 July, move the same way.
 */
function withSubstitutes(plan: Plan): number[] {
  const taken = new Set(plan.moving);
  for (const day of plan.fixed) if (!isWeekend(day)) taken.add(day);
  for (const day of plan.fixed) {
    if (!isWeekend(day)) continue;
    let substitute = day + 1;
    while (isWeekend(substitute) || taken.has(substitute)) substitute++;
    taken.add(substitute);
  }
  return [...taken].sort((a, b) => a - b);
}

function oneOffFor(calendar: Exclude<CalendarName, 'weekdays'>, year: number): OneOff {
  // Only years from 1990 to 2100 have one-off changes; outside them (the 1977 and 1981 days,
  // say, or proclamations yet to come) a year is computed by today's rules alone.
  if (year < FIRST_LISTED_YEAR || year > LAST_LISTED_YEAR) return {};
  const uk = UK_ONE_OFFS.get(year) ?? {};
  const own = calendar === 'scotland' ? SCOTTISH_ONE_OFFS.get(year) : undefined;
  if (!own) return uk;
  return { ...uk, ...own, added: [...(uk.added ?? []), ...(own.added ?? [])] };
}

function compute(calendar: CalendarName, year: number): readonly number[] {
  if (calendar === 'weekdays') return Object.freeze([]);
  const rules = PLANS[calendar];
  // The type keeps other names out of TypeScript callers; this keeps them out of plain JavaScript.
  if (!rules) throw new RangeError(`there is no calendar named ${calendar}`);
  const oneOff = oneOffFor(calendar, year);
  const plan = rules(year, oneOff);
  for (const [month, date] of oneOff.added ?? []) plan.moving.push(dayOf(year, month, date));
  return Object.freeze(withSubstitutes(plan));
}

// Working-day arithmetic asks for the same few years over and over; a long jump across
// centuries could ask for many, so each calendar's memo is emptied when it grows large.
const MEMO_LIMIT = 10_000;
const memo = new Map<CalendarName, Map<number, readonly number[]>>();

/** A year's bank holidays in a calendar, as sorted day numbers (none for `weekdays`). */
export function bankHolidays(calendar: CalendarName, year: number): readonly number[] {
  let days = memo.get(calendar)?.get(year);
  if (days === undefined) {
    days = compute(calendar, year);
    let years = memo.get(calendar);
    if (!years) memo.set(calendar, (years = new Map()));
    if (years.size >= MEMO_LIMIT) years.clear();
    years.set(year, days);
  }
  return days;
}

export function isCalendarName(text: string): text is CalendarName {
  return (CALENDAR_NAMES as readonly string[]).includes(text);
}
