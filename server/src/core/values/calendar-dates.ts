// Day numbers to and from year, month and day of the month, and their weekdays, by arithmetic
// alone, so calendars work for any integer day and never depend on the host's Date range.

import { daysInMonth } from './dates';

export interface CalendarDate {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  /** 1 to 31. */
  readonly date: number;
}

/** Sunday is 0, as in `Date.getUTCDay`. */
export const SUNDAY = 0;
export const MONDAY = 1;
export const SATURDAY = 6;

// The proleptic Gregorian calendar repeats every 400 years, which is 146,097 days; counting
// years from March puts the leap day last, so a year's length only matters at its very end.
const DAYS_PER_ERA = 146_097;
const DAYS_FROM_ERA_START_TO_EPOCH = 719_468;

/** The day number (days since 1970-01-01) of a year, month (1–12) and day of the month. */
export function dayOf(year: number, month: number, date: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + date - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - DAYS_FROM_ERA_START_TO_EPOCH;
}

/** The year, month and day of the month of a day number. */
export function dateOf(day: number): CalendarDate {
  const z = day + DAYS_FROM_ERA_START_TO_EPOCH;
  const era = Math.floor(z / DAYS_PER_ERA);
  const dayOfEra = z - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, date };
}

export function yearOf(day: number): number {
  return dateOf(day).year;
}

/** 0 for Sunday to 6 for Saturday; 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === SATURDAY || weekday === SUNDAY;
}

/** Monday to Friday in the days before `day`, counted from a Monday long ago (may be negative). */
function weekdaysBefore(day: number): number {
  // 1969-12-29, day -3, was a Monday: whole weeks from it hold five weekdays each.
  const sinceMonday = day + 3;
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(sinceMonday - weeks * 7, 5);
}

/** How many of the days after `from`, up to and including `to`, are Monday to Friday. */
export function weekdaysBetween(from: number, to: number): number {
  return to <= from ? 0 : weekdaysBefore(to + 1) - weekdaysBefore(from + 1);
}

/** The day number of the `nth` (1-based) given weekday of a month. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): number {
  const first = dayOf(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (nth - 1) * 7;
}

/** The day number of the last given weekday of a month. */
export function lastWeekdayOfMonth(year: number, month: number, weekday: number): number {
  const last = dayOf(year, month, daysInMonth(year, month));
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** The day number of the last day of the month that `day` is in. */
export function monthEnd(day: number): number {
  const { year, month } = dateOf(day);
  return dayOf(year, month, daysInMonth(year, month));
}
