// Bank-holiday calendars match gov.uk's published lists; working days and durations count from them.
import * as assert from 'node:assert/strict';
import { bankHolidays, CALENDAR_NAMES, DEFAULT_CALENDAR, easterSunday, isCalendarName, type CalendarName } from '../../../server/out/core/values/bank-holidays';
import { dateOf, dayOf, monthEnd, weekdayOf, weekdaysBetween } from '../../../server/out/core/values/calendar-dates';
import { dayNumber, formatDay } from '../../../server/out/core/values/dates';
import { addDuration, addMonths, subtractDuration } from '../../../server/out/core/values/durations';
import { addWorkingDays, countWorkingDays, isWorkingDay, subtractWorkingDays } from '../../../server/out/core/values/working-days';
import { seededRandom } from '../helpers/random';

const day = (text: string): number => dayNumber(text)!;
const listed = (calendar: CalendarName, year: number): string[] => bankHolidays(calendar, year).map(formatDay);

// The published lists, one line per year: gov.uk's (https://www.gov.uk/bank-holidays) from 2012,
// Directgov's before it.
const PUBLISHED: Record<Exclude<CalendarName, 'weekdays'>, Record<string, string[]>> = {
  'england-and-wales': {
    '2010': ['2010-01-01', '2010-04-02', '2010-04-05', '2010-05-03', '2010-05-31', '2010-08-30', '2010-12-27', '2010-12-28'],
    '2011': ['2011-01-03', '2011-04-22', '2011-04-25', '2011-04-29', '2011-05-02', '2011-05-30', '2011-08-29', '2011-12-26', '2011-12-27'],
    '2012': ['2012-01-02', '2012-04-06', '2012-04-09', '2012-05-07', '2012-06-04', '2012-06-05', '2012-08-27', '2012-12-25', '2012-12-26'],
    '2013': ['2013-01-01', '2013-03-29', '2013-04-01', '2013-05-06', '2013-05-27', '2013-08-26', '2013-12-25', '2013-12-26'],
    '2014': ['2014-01-01', '2014-04-18', '2014-04-21', '2014-05-05', '2014-05-26', '2014-08-25', '2014-12-25', '2014-12-26'],
    '2015': ['2015-01-01', '2015-04-03', '2015-04-06', '2015-05-04', '2015-05-25', '2015-08-31', '2015-12-25', '2015-12-28'],
    '2016': ['2016-01-01', '2016-03-25', '2016-03-28', '2016-05-02', '2016-05-30', '2016-08-29', '2016-12-26', '2016-12-27'],
    '2017': ['2017-01-02', '2017-04-14', '2017-04-17', '2017-05-01', '2017-05-29', '2017-08-28', '2017-12-25', '2017-12-26'],
    '2018': ['2018-01-01', '2018-03-30', '2018-04-02', '2018-05-07', '2018-05-28', '2018-08-27', '2018-12-25', '2018-12-26'],
    '2019': ['2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26'],
    '2020': ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
    '2021': ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
    '2022': ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
    '2023': ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
    '2024': ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
    '2025': ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
    '2026': ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  },
  scotland: {
    '2010': ['2010-01-01', '2010-01-04', '2010-04-02', '2010-05-03', '2010-05-31', '2010-08-02', '2010-11-30', '2010-12-27', '2010-12-28'],
    '2011': ['2011-01-03', '2011-01-04', '2011-04-22', '2011-04-29', '2011-05-02', '2011-05-30', '2011-08-01', '2011-11-30', '2011-12-26', '2011-12-27'],
    '2012': ['2012-01-02', '2012-01-03', '2012-04-06', '2012-05-07', '2012-06-04', '2012-06-05', '2012-08-06', '2012-11-30', '2012-12-25', '2012-12-26'],
    '2013': ['2013-01-01', '2013-01-02', '2013-03-29', '2013-05-06', '2013-05-27', '2013-08-05', '2013-12-02', '2013-12-25', '2013-12-26'],
    '2014': ['2014-01-01', '2014-01-02', '2014-04-18', '2014-05-05', '2014-05-26', '2014-08-04', '2014-12-01', '2014-12-25', '2014-12-26'],
    '2015': ['2015-01-01', '2015-01-02', '2015-04-03', '2015-05-04', '2015-05-25', '2015-08-03', '2015-11-30', '2015-12-25', '2015-12-28'],
    '2016': ['2016-01-01', '2016-01-04', '2016-03-25', '2016-05-02', '2016-05-30', '2016-08-01', '2016-11-30', '2016-12-26', '2016-12-27'],
    '2017': ['2017-01-02', '2017-01-03', '2017-04-14', '2017-05-01', '2017-05-29', '2017-08-07', '2017-11-30', '2017-12-25', '2017-12-26'],
    '2018': ['2018-01-01', '2018-01-02', '2018-03-30', '2018-05-07', '2018-05-28', '2018-08-06', '2018-11-30', '2018-12-25', '2018-12-26'],
    '2019': ['2019-01-01', '2019-01-02', '2019-04-19', '2019-05-06', '2019-05-27', '2019-08-05', '2019-12-02', '2019-12-25', '2019-12-26'],
    '2020': ['2020-01-01', '2020-01-02', '2020-04-10', '2020-05-08', '2020-05-25', '2020-08-03', '2020-11-30', '2020-12-25', '2020-12-28'],
    '2021': ['2021-01-01', '2021-01-04', '2021-04-02', '2021-05-03', '2021-05-31', '2021-08-02', '2021-11-30', '2021-12-27', '2021-12-28'],
    '2022': ['2022-01-03', '2022-01-04', '2022-04-15', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-01', '2022-09-19', '2022-11-30', '2022-12-26', '2022-12-27'],
    '2023': ['2023-01-02', '2023-01-03', '2023-04-07', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-07', '2023-11-30', '2023-12-25', '2023-12-26'],
    '2024': ['2024-01-01', '2024-01-02', '2024-03-29', '2024-05-06', '2024-05-27', '2024-08-05', '2024-12-02', '2024-12-25', '2024-12-26'],
    '2025': ['2025-01-01', '2025-01-02', '2025-04-18', '2025-05-05', '2025-05-26', '2025-08-04', '2025-12-01', '2025-12-25', '2025-12-26'],
    '2026': ['2026-01-01', '2026-01-02', '2026-04-03', '2026-05-04', '2026-05-25', '2026-06-15', '2026-08-03', '2026-11-30', '2026-12-25', '2026-12-28'], // 15 June: the World Cup bank holiday
  },
  'northern-ireland': {
    '2010': ['2010-01-01', '2010-03-17', '2010-04-02', '2010-04-05', '2010-05-03', '2010-05-31', '2010-07-12', '2010-08-30', '2010-12-27', '2010-12-28'],
    '2011': ['2011-01-03', '2011-03-17', '2011-04-22', '2011-04-25', '2011-04-29', '2011-05-02', '2011-05-30', '2011-07-12', '2011-08-29', '2011-12-26', '2011-12-27'],
    '2012': ['2012-01-02', '2012-03-19', '2012-04-06', '2012-04-09', '2012-05-07', '2012-06-04', '2012-06-05', '2012-07-12', '2012-08-27', '2012-12-25', '2012-12-26'],
    '2013': ['2013-01-01', '2013-03-18', '2013-03-29', '2013-04-01', '2013-05-06', '2013-05-27', '2013-07-12', '2013-08-26', '2013-12-25', '2013-12-26'],
    '2014': ['2014-01-01', '2014-03-17', '2014-04-18', '2014-04-21', '2014-05-05', '2014-05-26', '2014-07-14', '2014-08-25', '2014-12-25', '2014-12-26'],
    '2015': ['2015-01-01', '2015-03-17', '2015-04-03', '2015-04-06', '2015-05-04', '2015-05-25', '2015-07-13', '2015-08-31', '2015-12-25', '2015-12-28'],
    '2016': ['2016-01-01', '2016-03-17', '2016-03-25', '2016-03-28', '2016-05-02', '2016-05-30', '2016-07-12', '2016-08-29', '2016-12-26', '2016-12-27'],
    '2017': ['2017-01-02', '2017-03-17', '2017-04-14', '2017-04-17', '2017-05-01', '2017-05-29', '2017-07-12', '2017-08-28', '2017-12-25', '2017-12-26'],
    '2018': ['2018-01-01', '2018-03-19', '2018-03-30', '2018-04-02', '2018-05-07', '2018-05-28', '2018-07-12', '2018-08-27', '2018-12-25', '2018-12-26'],
    '2019': ['2019-01-01', '2019-03-18', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-07-12', '2019-08-26', '2019-12-25', '2019-12-26'],
    '2020': ['2020-01-01', '2020-03-17', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-07-13', '2020-08-31', '2020-12-25', '2020-12-28'],
    '2021': ['2021-01-01', '2021-03-17', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-07-12', '2021-08-30', '2021-12-27', '2021-12-28'],
    '2022': ['2022-01-03', '2022-03-17', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-07-12', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
    '2023': ['2023-01-02', '2023-03-17', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-07-12', '2023-08-28', '2023-12-25', '2023-12-26'],
    '2024': ['2024-01-01', '2024-03-18', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-07-12', '2024-08-26', '2024-12-25', '2024-12-26'],
    '2025': ['2025-01-01', '2025-03-17', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-07-14', '2025-08-25', '2025-12-25', '2025-12-26'],
    '2026': ['2026-01-01', '2026-03-17', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-07-13', '2026-08-31', '2026-12-25', '2026-12-28'],
  },
};

describe('calendar dates', () => {
  it('converts day numbers to and from year, month and day as the host calendar does', () => {
    for (let n = day('1899-12-01'); n <= day('2201-02-01'); n++) {
      const { year, month, date } = dateOf(n);
      const text = formatDay(n);
      assert.equal(`${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`, text);
      assert.equal(dayOf(year, month, date), n, text);
      assert.equal(weekdayOf(n), new Date(n * 86_400_000).getUTCDay(), text);
    }
  });

  it('counts weekdays between two days as walking them does', () => {
    const random = seededRandom(11);
    for (let round = 0; round < 300; round++) {
      const from = day('2000-01-01') + random(4000) - 2000;
      const to = from + random(60) - 10;
      let walked = 0;
      for (let n = from + 1; n <= to; n++) if (weekdayOf(n) !== 0 && weekdayOf(n) !== 6) walked++;
      assert.equal(weekdaysBetween(from, to), walked, `${formatDay(from)} to ${formatDay(to)}`);
    }
  });

  it('finds the end of a month, leap Februaries included', () => {
    assert.equal(formatDay(monthEnd(day('2020-02-10'))), '2020-02-29');
    assert.equal(formatDay(monthEnd(day('2100-02-01'))), '2100-02-28');
    assert.equal(formatDay(monthEnd(day('2016-03-31'))), '2016-03-31');
  });
});

describe('bank holidays', () => {
  it('names the calendars, England and Wales first as the default', () => {
    assert.deepEqual(CALENDAR_NAMES, ['england-and-wales', 'scotland', 'northern-ireland', 'weekdays']);
    assert.equal(DEFAULT_CALENDAR, 'england-and-wales');
    assert.equal(isCalendarName('scotland'), true);
    assert.equal(isCalendarName('wales'), false);
    assert.throws(() => bankHolidays('wales' as CalendarName, 2020), RangeError);
  });

  for (const [calendar, years] of Object.entries(PUBLISHED) as [CalendarName, Record<string, string[]>][]) {
    it(`matches the published ${calendar} list for every year from 2010 to 2026`, () => {
      assert.deepEqual(Object.keys(years), Array.from({ length: 17 }, (_, i) => String(2010 + i)));
      for (const [year, dates] of Object.entries(years)) assert.deepEqual(listed(calendar, Number(year)), dates, `${calendar} ${year}`);
    });
  }

  it('has the one-off changes of 1995, 1999 and 2002 in all three nations', () => {
    for (const calendar of ['england-and-wales', 'scotland', 'northern-ireland'] as const) {
      const y1995 = listed(calendar, 1995);
      assert.ok(y1995.includes('1995-05-08') && !y1995.includes('1995-05-01'), `${calendar} 1995: VE Day moved the early May holiday`);
      assert.ok(listed(calendar, 1999).includes('1999-12-31'), `${calendar} 1999: the Millennium`);
      assert.ok(listed(calendar, 1999).includes('1999-12-27') && listed(calendar, 1999).includes('1999-12-28'), `${calendar} 1999: Christmas on a Saturday`);
      assert.ok(listed(calendar, 2000).includes('2000-01-03'), `${calendar} 2000: New Year's Day on a Saturday`);
      const y2002 = listed(calendar, 2002);
      assert.ok(y2002.includes('2002-06-03') && y2002.includes('2002-06-04') && !y2002.includes('2002-05-27'), `${calendar} 2002: the Golden Jubilee`);
    }
    assert.deepEqual(listed('england-and-wales', 1999), ['1999-01-01', '1999-04-02', '1999-04-05', '1999-05-03', '1999-05-31', '1999-08-30', '1999-12-27', '1999-12-28', '1999-12-31']);
    assert.deepEqual(listed('scotland', 2000), ['2000-01-03', '2000-01-04', '2000-04-21', '2000-05-01', '2000-05-29', '2000-08-07', '2000-12-25', '2000-12-26']);
  });

  it("has St Andrew's Day in Scotland from 2007 only, moved to a Monday from a weekend", () => {
    assert.equal(listed('scotland', 2006).some((d) => d.startsWith('2006-11') || d === '2006-12-01'), false);
    assert.ok(listed('scotland', 2007).includes('2007-11-30'));
    assert.ok(listed('scotland', 2008).includes('2008-12-01'), '30 November 2008 was a Sunday');
  });

  it('follows the rules alone outside 1990 to 2100', () => {
    assert.equal(listed('england-and-wales', 1977).includes('1977-06-07'), false, 'the Silver Jubilee is not modelled');
    assert.deepEqual(listed('england-and-wales', 2101), ['2101-01-03', '2101-04-15', '2101-04-18', '2101-05-02', '2101-05-30', '2101-08-29', '2101-12-26', '2101-12-27']);
  });

  it('finds Easter by the Gregorian computus', () => {
    const easter = { 1990: '1990-04-15', 2000: '2000-04-23', 2008: '2008-03-23', 2011: '2011-04-24', 2019: '2019-04-21', 2038: '2038-04-25', 2100: '2100-03-28', 2285: '2285-03-22' };
    for (const [year, date] of Object.entries(easter)) assert.equal(formatDay(easterSunday(Number(year))), date);
  });

  it('gives every year from 1990 to 2100 weekday holidays only, the same list each time, none for weekdays', () => {
    for (const calendar of CALENDAR_NAMES) {
      for (let year = 1990; year <= 2100; year++) {
        const days = bankHolidays(calendar, year);
        assert.equal(bankHolidays(calendar, year), days, 'memoised');
        assert.ok(Object.isFrozen(days));
        assert.deepEqual([...days].sort((a, b) => a - b), [...days]);
        for (const d of days) assert.ok(weekdayOf(d) >= 1 && weekdayOf(d) <= 5 && dateOf(d).year === year, `${calendar} ${formatDay(d)}`);
        if (calendar === 'weekdays') assert.equal(days.length, 0);
        else assert.ok(days.length >= 8 && days.length <= 12, `${calendar} ${year} has ${days.length}`);
      }
    }
  });
});

describe('working days', () => {
  const after = (calendar: CalendarName, from: string, count: number): string => formatDay(addWorkingDays(calendar, day(from), count));
  const before = (calendar: CalendarName, from: string, count: number): string => formatDay(subtractWorkingDays(calendar, day(from), count));

  it('skips weekends and the calendar’s bank holidays', () => {
    assert.equal(isWorkingDay('england-and-wales', day('2024-04-01')), false, 'Easter Monday');
    assert.equal(isWorkingDay('scotland', day('2024-04-01')), true, 'no Easter Monday in Scotland');
    assert.equal(isWorkingDay('northern-ireland', day('2025-07-14')), false, 'the Boyne on a Saturday moves to Monday');
    assert.equal(isWorkingDay('weekdays', day('2020-12-25')), true);
    assert.equal(isWorkingDay('weekdays', day('2020-12-26')), false, 'a Saturday');
  });

  it('counts across Christmas, Easter and year ends', () => {
    assert.equal(after('england-and-wales', '2020-12-24', 1), '2020-12-29');
    assert.equal(after('england-and-wales', '2021-12-24', 3), '2021-12-31');
    assert.equal(after('england-and-wales', '2021-12-24', 4), '2022-01-04');
    assert.equal(after('scotland', '2021-12-24', 4), '2022-01-05');
    assert.equal(after('england-and-wales', '2024-03-28', 1), '2024-04-02');
    assert.equal(after('scotland', '2024-03-28', 1), '2024-04-01');
    assert.equal(after('weekdays', '2024-03-28', 1), '2024-03-29');
    assert.equal(after('england-and-wales', '2023-04-30', 10), '2023-05-16', 'early May and the coronation');
    assert.equal(after('weekdays', '2023-04-30', 10), '2023-05-12');
    assert.equal(after('england-and-wales', '2022-12-31', 1), '2023-01-03');
    assert.equal(after('england-and-wales', '2020-12-25', 0), '2020-12-25', 'zero is the day itself');
    assert.equal(before('england-and-wales', '2023-05-09', 1), '2023-05-05');
    assert.equal(before('england-and-wales', '2022-01-04', 1), '2021-12-31');
    assert.equal(before('scotland', '2022-01-05', 4), '2021-12-24');
  });

  it('agrees with walking the days one by one, forwards and back', () => {
    const random = seededRandom(2024);
    for (let round = 0; round < 200; round++) {
      const calendar = CALENDAR_NAMES[random(CALENDAR_NAMES.length)];
      const from = day('1990-01-01') + random(40_000);
      const count = random(round < 100 ? 30 : 1500);
      let walked = from;
      for (let left = count; left > 0; ) if (isWorkingDay(calendar, ++walked)) left--;
      const label = `${calendar} ${formatDay(from)} + ${count}`;
      assert.equal(addWorkingDays(calendar, from, count), walked, label);
      assert.equal(countWorkingDays(calendar, from, walked), count, label);
      if (isWorkingDay(calendar, from)) assert.equal(subtractWorkingDays(calendar, walked, count), from, label);
    }
  });

  it('counts 10,000 working days quickly and consistently', () => {
    for (const calendar of CALENDAR_NAMES) {
      const start = day('1995-06-30');
      const began = process.hrtime.bigint();
      const end = addWorkingDays(calendar, start, 10_000);
      const back = subtractWorkingDays(calendar, end, 10_000);
      assert.ok(process.hrtime.bigint() - began < 1_000_000_000n, `${calendar} took too long`);
      let counted = 0;
      for (let n = start + 1; n <= end; n++) if (isWorkingDay(calendar, n)) counted++;
      assert.equal(counted, 10_000, calendar);
      assert.ok(isWorkingDay(calendar, end));
      assert.equal(back, start, `${calendar}: 1995-06-30 was a working Friday`);
    }
  });

  it('refuses counts that are negative or not whole', () => {
    assert.throws(() => addWorkingDays('scotland', 0, -1), RangeError);
    assert.throws(() => addWorkingDays('scotland', 0, 1.5), RangeError);
    assert.throws(() => subtractWorkingDays('scotland', 0, Number.NaN), RangeError);
  });
});

describe('durations', () => {
  const plus = (from: string, count: number, unit: Parameters<typeof addDuration>[2], calendar?: CalendarName): string => formatDay(addDuration(day(from), count, unit, calendar));
  const minus = (from: string, count: number, unit: Parameters<typeof addDuration>[2], calendar?: CalendarName): string => formatDay(subtractDuration(day(from), count, unit, calendar));

  it('adds months and years, keeping to the last day of a shorter month', () => {
    assert.equal(plus('2020-01-31', 1, 'month'), '2020-02-29');
    assert.equal(plus('2021-01-31', 1, 'month'), '2021-02-28');
    assert.equal(plus('2019-11-30', 3, 'month'), '2020-02-29');
    assert.equal(plus('2020-02-29', 1, 'year'), '2021-02-28');
    assert.equal(plus('2024-02-29', 4, 'year'), '2028-02-29');
    assert.equal(plus('2099-12-15', 3, 'month'), '2100-03-15');
    assert.equal(formatDay(addMonths(day('2020-05-31'), -3)), '2020-02-29');
  });

  it('subtracts, as for "12 months before expiry"', () => {
    assert.equal(minus('2021-03-31', 12, 'month'), '2020-03-31');
    assert.equal(minus('2021-03-31', 1, 'month'), '2021-02-28');
    assert.equal(minus('2020-01-15', 1, 'year'), '2019-01-15');
    assert.equal(minus('2020-01-15', 2, 'week'), '2020-01-01');
    assert.equal(minus('2020-03-01', 1, 'day'), '2020-02-29');
    assert.equal(minus('2023-05-09', 2, 'working-day'), '2023-05-04');
    assert.equal(minus('2023-05-09', 2, 'working-day', 'weekdays'), '2023-05-05');
  });

  it('adds days, weeks and working days in the calendar given (England and Wales otherwise)', () => {
    assert.equal(plus('2020-02-28', 1, 'day'), '2020-02-29');
    assert.equal(plus('2020-02-28', 2, 'week'), '2020-03-13');
    assert.equal(plus('2024-03-28', 1, 'working-day'), '2024-04-02');
    assert.equal(plus('2024-03-28', 1, 'working-day', 'scotland'), '2024-04-01');
    assert.equal(plus('2024-04-02', -1, 'working-day'), '2024-03-28', 'a negative count goes back');
    assert.throws(() => addDuration(0, 0.5, 'month'), RangeError);
  });
});
