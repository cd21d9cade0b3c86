// Adding and subtracting durations (days, weeks, months, years, working days) to day numbers,
// for deadlines such as "within 3 months of start" and "12 months before expiry".

import { DEFAULT_CALENDAR, type CalendarName } from './bank-holidays';
import { dateOf, dayOf } from './calendar-dates';
import { daysInMonth } from './dates';
import { addWorkingDays, subtractWorkingDays } from './working-days';

export type DurationUnit = 'day' | 'week' | 'month' | 'year' | 'working-day';

export const DURATION_UNITS: readonly DurationUnit[] = ['day', 'week', 'month', 'year', 'working-day'];

/**
 * The same day of the month `months` months later (or earlier, when negative); a day the target
 * month lacks becomes its last day, so 2020-01-31 plus one month is 2020-02-29, and 2020-02-29
 * plus twelve months is 2021-02-28.
 */
export function addMonths(day: number, months: number): number {
  const { year, month, date } = dateOf(day);
  const monthsSinceYearZero = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthsSinceYearZero / 12);
  const targetMonth = monthsSinceYearZero - targetYear * 12 + 1;
  return dayOf(targetYear, targetMonth, Math.min(date, daysInMonth(targetYear, targetMonth)));
}

function checkCount(count: number): void {
  if (!Number.isSafeInteger(count)) throw new RangeError(`a duration must be a whole number, not ${count}`);
}

/**
 * `day` plus `count` units. A negative count goes backwards, as `subtractDuration` does; working
 * days are counted in `calendar` from the day after `day` (see `addWorkingDays`).
 */
export function addDuration(day: number, count: number, unit: DurationUnit, calendar: CalendarName = DEFAULT_CALENDAR): number {
  checkCount(count);
  switch (unit) {
    case 'day':
      return day + count;
    case 'week':
      return day + count * 7;
    case 'month':
      return addMonths(day, count);
    case 'year':
      return addMonths(day, count * 12);
    case 'working-day':
      return count >= 0 ? addWorkingDays(calendar, day, count) : subtractWorkingDays(calendar, day, -count);
  }
}

/**
 * `day` less `count` units: 2021-03-31 less 12 months is 2020-03-31, and less 2 working days
 * is the second working day before it.
 */
export function subtractDuration(day: number, count: number, unit: DurationUnit, calendar: CalendarName = DEFAULT_CALENDAR): number {
  checkCount(count);
  return addDuration(day, -count, unit, calendar);
}
