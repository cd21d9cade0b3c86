// Working days: days that are neither a Saturday, a Sunday nor a bank holiday in a calendar,
// and counting them forwards and backwards for deadlines such as "within 10 working days".

import { bankHolidays, type CalendarName } from './bank-holidays';
import { dayOf, isWeekend, weekdaysBetween, yearOf } from './calendar-dates';

export function isWorkingDay(calendar: CalendarName, day: number): boolean {
  return !isWeekend(day) && !bankHolidays(calendar, yearOf(day)).includes(day);
}

/**
 * How many working days there are after `from`, up to and including `to` (0 when `to` is not
 * after `from`), so that `countWorkingDays(c, d, addWorkingDays(c, d, n))` is `n`.
 */
export function countWorkingDays(calendar: CalendarName, from: number, to: number): number {
  if (to <= from) return 0;
  let count = weekdaysBetween(from, to);
  for (let year = yearOf(from + 1); year <= yearOf(to); year++) {
    for (const holiday of bankHolidays(calendar, year)) {
      if (holiday > from && holiday <= to && !isWeekend(holiday)) count--;
    }
  }
  return count;
}

/**
 * The years a date can be written in (`0000` to `9999`). Beyond them no holiday is known to
 * anyone, so a count goes by whole weeks of five working days: `within 999999999 working days`
 * ends at once rather than after computing millions of years' holidays.
 */
const FIRST_WRITTEN_YEAR = 0;
const LAST_WRITTEN_YEAR = 9999;

/**
 * The day `remaining` working days on from `day` (back, when `step` is -1), beyond the written
 * years: whole weeks first, then the last one to five days. A day too far off to be told from
 * its neighbours (past 2^53) is given as reached.
 */
function countBeyondWrittenYears(day: number, remaining: number, step: 1 | -1): number {
  const weeks = Math.floor((remaining - 1) / 5);
  let current = day + step * weeks * 7;
  let left = remaining - weeks * 5;
  if (!Number.isSafeInteger(current)) return current;
  while (left > 0) {
    current += step;
    if (!isWeekend(current)) left--;
  }
  return current;
}

function checkCount(count: number): void {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`a count of working days must be a whole number, 0 or more, not ${count}`);
}

/**
 * The day that is `count` working days after `day`: counting starts the day after, so 1 is the
 * next working day, and 0 is `day` itself, working day or not.
 */
export function addWorkingDays(calendar: CalendarName, day: number, count: number): number {
  checkCount(count);
  let current = day;
  let remaining = count;
  // Whole years are skipped by counting rather than walking, so long periods take a step a
  // year; each step reaches at least the next day, so the loop always ends.
  while (remaining > 0) {
    if (yearOf(current + 1) > LAST_WRITTEN_YEAR) return countBeyondWrittenYears(current, remaining, 1);
    const yearEnd = dayOf(yearOf(current + 1), 12, 31);
    const available = countWorkingDays(calendar, current, yearEnd);
    if (available >= remaining) break;
    remaining -= available;
    current = yearEnd;
  }
  // What is left falls within one year: walk it a day at a time.
  while (remaining > 0) {
    current++;
    if (isWorkingDay(calendar, current)) remaining--;
  }
  return current;
}

/**
 * The day that is `count` working days before `day`: 1 is the working day before it, and 0
 * is `day` itself. The mirror of `addWorkingDays`.
 */
export function subtractWorkingDays(calendar: CalendarName, day: number, count: number): number {
  checkCount(count);
  let current = day;
  let remaining = count;
  while (remaining > 0) {
    if (yearOf(current - 1) < FIRST_WRITTEN_YEAR) return countBeyondWrittenYears(current, remaining, -1);
    const yearStart = dayOf(yearOf(current - 1), 1, 1);
    const available = countWorkingDays(calendar, yearStart - 1, current - 1);
    if (available >= remaining) break;
    remaining -= available;
    current = yearStart;
  }
  while (remaining > 0) {
    current--;
    if (isWorkingDay(calendar, current)) remaining--;
  }
  return current;
}
