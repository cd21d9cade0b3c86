// The matrix's money: when each amount applies, amounts in words, and the fixed charges by
// contract year in exact arithmetic (a part year prorated by days, rounded once, to the penny).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import { amountPeriods, amountWords, contractYears, fixedInYear, moneyText } from '../../../server/out/core/matrix/money';
import { roundFraction } from '../../../server/out/core/values/exact-sums';
import { dayNumber, formatDay } from '../../../server/out/core/values/dates';
import { matrixOf } from '../preview/harness';
import { sharedCorpusV2 } from '../helpers/paths';
import { checkBody } from '../helpers/program';

/** The charges of a body of lines, with their model, in a 2010-2020 term. */
function charges(body: string) {
  const c = checkBody(body);
  const model = c.program.files.get(c.path('test.partnership'))!.model!;
  return { c, model, matrix: buildMatrix(c.program, c.path('test.partnership'))! };
}

const day = (text: string): number => dayNumber(text)!;
const periodsText = (body: string): string[] => {
  const { model } = charges(body);
  return amountPeriods(model.charges[0].amounts, model.term!).map((p) => `${amountWords(p.line)}: ${formatDay(p.from)} to ${formatDay(p.to)}`);
};

describe('charge amounts over time', () => {
  it('runs an amount from the term’s first day, until the day before the next later `from` of the same units', () => {
    assert.deepEqual(periodsText('charge C "c" { A pays B  £120m per year  £35 per seat per month  £100m per year from 2015-04  £30 per seat per month from 2012 }'), [
      '£120m a year: 2010-01-01 to 2015-03-31',
      '£35 per seat per month: 2010-01-01 to 2011-12-31',
      '£100m a year: 2015-04-01 to 2020-12-31',
      '£30 per seat per month: 2012-01-01 to 2020-12-31',
    ]);
  });

  it('keeps a written `until` (its stretch’s last day) and leaves out an amount that never applies', () => {
    assert.deepEqual(periodsText('charge C "c" { A pays B  £650 per day until 2012-06  £1m per quarter from 2030-01-01 }'), ['£650 per day: 2010-01-01 to 2012-06-30']);
  });

  it('words fixed charges as a period and rates per unit', () => {
    assert.deepEqual(periodsText('charge C "c" { A pays B  £1.5m per month  EUR 2k per transaction }').map((t) => t.split(':')[0]), ['£1.5m a month', 'EUR 2k per transaction']);
  });
});

describe('fixed charges by contract year', () => {
  it('counts years from the term’s first day, and a last part year against the whole year’s days', () => {
    const years = contractYears({ from: day('2006-04-01'), to: day('2008-09-30') })!;
    assert.deepEqual(years.map((y) => [formatDay(y.from), formatDay(y.to), y.length]), [
      ['2006-04-01', '2007-03-31', 365], ['2007-04-01', '2008-03-31', 366], ['2008-04-01', '2008-09-30', 365],
    ]);
    assert.equal(contractYears({ from: day('1000-01-01'), to: day('3000-01-01') }), null, 'a term of 2,000 years is not listed');
  });

  it('prorates an amount that changes within a year by days, exactly, and rounds once', () => {
    const { model } = charges('charge C "c" { A pays B  £100m per year  £4 per year from 2010-07-01 }');
    const periods = amountPeriods(model.charges[0].amounts, model.term!);
    const [first] = contractYears(model.term!)!;
    // 2010-01-01 to 2010-06-30 is 181 of 365 days at £100m, then 184 days at £4: 18,100,000,736/365 exactly.
    const year = fixedInYear(periods, first);
    assert.equal(year.numerator * 365n, 18_100_000_736n * year.denominator);
    assert.equal(roundFraction(year, 2).units, 4_958_904_311n);
    assert.equal(moneyText('GBP', year), '£49,589,043.11');
    assert.equal(moneyText('EUR', { numerator: 5n, denominator: 1000n }), 'EUR 0.01', 'halves round away from zero');
  });

  it('tabulates the corpus’s money file: £120m a year, then £100m from 2011-04-01, with totals beside the stated value', () => {
    const matrix = matrixOf(path.join(sharedCorpusV2, 'money', 'money.partnership'));
    const money = matrix.money;
    const core = money.fixedCharges.indexOf('CoreCharge');
    assert.deepEqual(money.years.map((y) => y.amounts[core]), [...Array(5).fill('£120,000,000'), ...Array(5).fill('£100,000,000')]);
    assert.equal(money.totals[core], '£1,100,000,000');
    assert.ok(!money.fixedCharges.includes('Days') && !money.fixedCharges.includes('Seats'), 'rates are not fixed charges');
    assert.ok(!money.fixedCharges.includes('Outside'), 'a charge that never applies in the term has no column');
    // Mixed pays £1m a year until 2009-12-31 (its euros are P703's): 275 of 365 days of year 4.
    assert.equal(money.years[3].amounts[money.fixedCharges.indexOf('Mixed')], '£753,424.66');
    assert.deepEqual(matrix.partnership.values, [{ amount: '£1bn', text: 'Stated value over ten years' }]);
    const charge = money.charges.find((c) => c.name === 'CoreCharge')!;
    assert.deepEqual(charge.amounts, [
      { amount: '£120m a year', period: '2006-04-01 to 2011-03-31', fixed: true },
      { amount: '£100m a year', period: '2011-04-01 to 2016-03-31', fixed: true },
    ]);
    assert.deepEqual([charge.payer, charge.payee, charge.scope, charge.indexed, charge.creditCap], ['A', 'B', 'ICT.Core', 'RPI each April', '12% per year']);
    assert.equal(charge.doc, 'The unitary charge, paid monthly in arrears.');
  });

  it('follows the term as a variation extends it, and stops a charge a variation ends', () => {
    const { matrix } = charges(`charge Core "c" { A pays B  £12m per year }
  charge Other "o" { A pays B  £1m per month }
  variation Longer "l" { agreed 2015-01-01  term to 2021-12-31 }
  variation Stop "s" { effective 2011-01-01  ends Other }`);
    const money = matrix.money;
    assert.equal(money.years.length, 12);
    assert.equal(money.totals[0], '£144,000,000');
    assert.equal(money.totals[1], '£12,000,000', 'one year of £1m a month, then ended');
    assert.deepEqual(money.charges.find((c) => c.name === 'Other')!.changes, [{ kind: 'ended', day: '2010-12-31', by: 'Stop' }]);
    assert.equal(money.total, '£156,000,000');
  });
});
