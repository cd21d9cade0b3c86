// Dates are calendar-checked and compared as day numbers; amounts are exact decimals.
import * as assert from 'node:assert/strict';
import { dateProblem, dayNumber, overlaps } from '../../../server/out/core/values/dates';
import { compareDecimal, formatDecimal, groupedThousands, parseDecimal } from '../../../server/out/core/values/decimal';
import { periodDetail } from '../../../server/out/core/ledger/timeline';
import type { PeriodState } from '../../../server/out/core/ledger/types';
import { LineIndex } from '../../../server/out/core/text/line-index';
import { seededRandom } from '../helpers/random';

describe('dates', () => {
  it('knows leap years and month lengths', () => {
    assert.equal(dateProblem('2016-02-29'), null);
    assert.equal(dateProblem('2015-02-29'), 'February 2015 has 28 days');
    assert.equal(dateProblem('2100-02-29'), 'February 2100 has 28 days');
    assert.equal(dateProblem('2000-02-29'), null);
    assert.equal(dateProblem('2015-13-01'), 'there is no month 13');
    assert.equal(dateProblem('2015-04-31'), 'April 2015 has 30 days');
    assert.equal(dateProblem('2015-04-00'), 'days start at 01');
  });

  it('counts days so that periods include both ends', () => {
    const a = { from: dayNumber('2010-01-01')!, to: dayNumber('2013-12-31')! };
    const b = { from: dayNumber('2014-01-01')!, to: dayNumber('2020-12-31')! };
    assert.equal(b.from - a.to, 1);
    assert.equal(overlaps(a, b), false);
    assert.equal(overlaps(a, { from: a.to, to: a.to }), true);
    assert.equal(overlaps(a, { from: a.to, to: a.from }), false, 'a period that ends before it starts has no day');
  });
});

describe('decimals', () => {
  it('reads suffixes and separators exactly', () => {
    assert.equal(formatDecimal(parseDecimal('1.5', 'm')), '1500000');
    assert.equal(formatDecimal(parseDecimal('200000')), '200000');
    assert.equal(formatDecimal(parseDecimal('0.25', 'k')), '250');
    assert.equal(formatDecimal(parseDecimal('1.23456789', 'k')), '1234.56789');
    assert.equal(formatDecimal(parseDecimal('1', 'bn')), '1000000000');
    assert.equal(formatDecimal(parseDecimal('-2.50')), '-2.5');
  });

  it('compares without binary rounding', () => {
    assert.equal(compareDecimal(parseDecimal('0.3'), parseDecimal('0.30')), 0);
    assert.equal(compareDecimal(parseDecimal('0.1'), parseDecimal('0.09999999999999999999')), 1);
    assert.equal(compareDecimal(parseDecimal('200', 'k'), parseDecimal('200000')), 0);
  });

  it('groups the whole part of an amount by thousands for a reader, and leaves the rest as it is', () => {
    const cases: [string, string][] = [
      ['60000.00', '60,000.00'], ['1234567.5', '1,234,567.5'], ['-1000', '-1,000'], ['999.99', '999.99'],
      ['100000.123456', '100,000.123456'], ['0.00', '0.00'],
      // Not a plain decimal: handed back untouched.
      ['1e21', '1e21'],
    ];
    for (const [plain, grouped] of cases) assert.equal(groupedThousands(plain), grouped, plain);
  });
});

describe('a KPI period in words', () => {
  const period: PeriodState = { start: '2016-05-01', end: '2016-05-31', status: 'failed', value: '98.2%', target: '>= 99.5%', credit: { amount: '50000.00', currency: 'GBP' } };

  it('gives the figures, the credit grouped by thousands, then the note that explains them', () => {
    assert.equal(periodDetail({ ...period, note: 'Network outage on 12 May' }), '98.2%, target >= 99.5%, credit £50,000.00 (Network outage on 12 May)');
    assert.equal(periodDetail(period), '98.2%, target >= 99.5%, credit £50,000.00');
    assert.equal(periodDetail({ start: period.start, end: period.end, status: 'missing', target: period.target }), 'no result, target >= 99.5%');
  });
});

describe('line index', () => {
  it('maps offsets for \\n, \\r\\n and lone \\r line ends', () => {
    const li = new LineIndex('a\nbc\r\nd\re');
    assert.deepEqual(li.position(0), { line: 0, character: 0 });
    assert.deepEqual(li.position(3), { line: 1, character: 1 });
    assert.deepEqual(li.position(6), { line: 2, character: 0 });
    assert.deepEqual(li.position(8), { line: 3, character: 0 });
    assert.equal(li.lineText(1), 'bc');
    assert.equal(li.offset({ line: 1, character: 99 }), 4);
    assert.equal(li.offset({ line: 9, character: 0 }), 9);
  });

  it('maps every offset of texts with \\n line ends alone as it maps them with a \\r elsewhere', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: random(40) }, () => ['a', 'b', ' ', '\n', '\n\n'][random(5)]).join('');
      // A lone \r at the very end is a line end of its own, after every line of `text`.
      const plain = new LineIndex(text);
      const mixed = new LineIndex(`${text}\r`);
      assert.equal(mixed.lineCount, plain.lineCount + 1, JSON.stringify(text));
      for (let offset = 0; offset <= text.length; offset++) {
        assert.deepEqual(plain.position(offset), mixed.position(offset), `${JSON.stringify(text)} at ${offset}`);
        assert.equal(plain.offset(plain.position(offset)), offset);
      }
    }
  });
});
