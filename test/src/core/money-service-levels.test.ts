// Charges and service levels: when each amount applies and what fixed charges come to
// (model/charge-periods.ts), and the checks of charges, targets over time and credits, with
// their wording, ranges and quick fixes.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import type { TextEdit } from '../../../server/out/core/diagnostics/diagnostic';
import { amountPeriods, contractYears, fixedAmountOver, yearlyFixedAmountOn } from '../../../server/out/core/model/charge-periods';
import type { FileModel } from '../../../server/out/core/model/semantic';
import { dayNumber, formatDay, type Period } from '../../../server/out/core/values/dates';
import { formatDecimal } from '../../../server/out/core/values/decimal';
import { check, checkBody, covered, VIRTUAL_ROOT } from '../helpers/program';

const day = (text: string): number => dayNumber(text)!;
const shown = (p: Period | null): string => (p ? `${formatDay(p.from)}..${formatDay(p.to)}` : 'none');

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

/** The model of a one-file program whose body is `body` (term 2010-01-01 to 2020-12-31). */
function modelOf(body: string): FileModel {
  return checkBody(body).program.models()[0];
}

function chargePeriods(lines: string) {
  const model = modelOf(`  charge C "c" {\n    A pays B\n${lines}\n  }`);
  return { model, periods: amountPeriods(model.charges[0].amounts, model.term) };
}

describe('charge periods', () => {
  it('an amount applies from the term (or its `from`) until the day before the next later `from` with the same units', () => {
    const { periods } = chargePeriods(`    £100m per year from 2014-04\n    £120m per year\n    £650 per day\n    £700 per day from 2012 until 2013`);
    assert.deepEqual(periods.map((p) => `${p.units}: ${shown(p.period)} ${p.fixed ?? 'rate'}`), [
      'year: 2014-04-01..2020-12-31 year',
      'year: 2010-01-01..2014-03-31 year',
      // A rate does not end at a line of other units, and a line with `until` ends there (the year's last day).
      'day: 2010-01-01..2011-12-31 rate',
      'day: 2012-01-01..2013-12-31 rate',
    ]);
  });

  it('a line whose `until` is before its `from`, or whose date is impossible, applies on no day', () => {
    const { periods } = chargePeriods(`    £1m per year from 2015 until 2014\n    £2m per month from 2013-02-30`);
    assert.deepEqual(periods.map((p) => p.period), [null, null]);
  });

  it('contract years count from the term\'s first day, the last one cut at the term\'s end', () => {
    const years = contractYears({ from: day('2006-04-01'), to: day('2008-09-30') });
    assert.deepEqual(years.map(shown), ['2006-04-01..2007-03-31', '2007-04-01..2008-03-31', '2008-04-01..2008-09-30']);
  });

  it('fixed amounts over a stretch: a whole contract year is its yearly amount, a part year is prorated by days, exactly', () => {
    const { model, periods } = chargePeriods(`    £120m per year until 2011\n    £1m per month from 2012-01-01\n    £650 per day`);
    const term = model.term!;
    const over = (from: string, to: string) => formatDecimal(fixedAmountOver(periods, { from: day(from), to: day(to) }, term)!.amount);
    assert.equal(over('2010-01-01', '2010-12-31'), '120000000');
    // A leap year's whole contract year is still its yearly amount; a month of it is 29/366 of £12m.
    assert.equal(over('2012-01-01', '2012-12-31'), '12000000');
    assert.equal(over('2012-02-01', '2012-02-29'), '950819.67');
    // Two contract years, one at each amount.
    assert.equal(over('2011-01-01', '2012-12-31'), '132000000');
    assert.equal(over('2011-07-02', '2011-07-02'), '328767.12');
    assert.deepEqual(yearlyFixedAmountOn(periods, day('2015-06-01')), { currency: 'GBP', amount: { units: 12000000n, scale: 0 } });
    assert.equal(fixedAmountOver(chargePeriods('    £650 per day').periods, term, term), null);
  });
});

describe('charge checks', () => {
  it('P701 at the later amount\'s money, counting month and year dates by the days they stand for', () => {
    const c = checkBody(`  charge C "c" {\n    A pays B\n    £1m per year until 2012\n    £2m per year from 2012-12 until 2014\n    £3m per seat per month from 2012-12\n  }`);
    const d = c.diagnostics('test.partnership').filter((x) => x.code === 'P701');
    assert.equal(d.length, 1);
    assert.equal(covered(c.text, d[0]), '£2m');
    assert.equal(d[0].message, 'The amount `£2m per year from 2012-12 until 2014` applies on the same days as `£1m per year until 2012` (from 2012-12-01): a charge has one amount for each unit on each day. Start it later with `from`, or end the other with `until`.');
    assert.equal(covered(c.text, d[0].related[0]), '£1m per year until 2012');
  });

  it('P701 without a valid term: amounts without dates apply at all times, and clash from the term\'s first day', () => {
    const c = check({ 'n.partnership': 'partnership N "n" {\n  party A "A" as client\n  party B "B" as supplier\n  charge C "c" { A pays B  £1m per year  £2m per year }\n}\n' });
    const found = c.diagnostics('n.partnership').filter((d) => d.code === 'P701' || d.code === 'P900');
    assert.deepEqual(found.map((d) => d.message), [
      "The amount `£2m per year` applies on the same days as `£1m per year` (from the term's first day): a charge has one amount for each unit on each day. Start it later with `from`, or end the other with `until`.",
    ]);
  });

  it('P702 at the payee, P703 once at the first other currency, P704 once per charge at its name', () => {
    const c = checkBody(`  charge Self "s" { A pays A  £1m per year }
  charge Mixed "m" { A pays B  £1m per year  EUR 2m per year from 2015  USD 1m per day }
  charge Bare "b" { scope X }
  charge NoAmount "n" { A pays B }`);
    assert.deepEqual(c.codes('test.partnership').filter((x) => /P70/.test(x)), ['5:28 P702', '6:46 P703', '7:10 P704', '8:10 P704']);
    const [, mixed, bare] = c.diagnostics('test.partnership').filter((x) => /P70/.test(x.code));
    assert.equal(covered(c.text, mixed), 'EUR 2m');
    assert.equal(bare.message, 'The charge `Bare` has neither a `pays` line nor an amount: add `<payer> pays <payee>` and a line such as `£1m per year`.');
  });

  it('P401 on a credit cap outside 0-100%', () => {
    const c = checkBody(`  charge C "c" { A pays B  £1m per year  credit-cap 120% per year }`);
    assert.deepEqual(c.codes('test.partnership', ['error']), ['5:53 P401']);
  });
});

describe('service level checks', () => {
  const kpi = (lines: string, extra = '') => checkBody(`  charge Core "c" { A pays B  £120m per year }\n  charge Rates "r" { A pays B  £650 per day }${extra}\n  kpi K "k" {\n    owner B\n${lines}\n  }\n  obligation O "o" { B must run "the service" to A every 1 month measured-by K }`);

  it('P405 for a KPI with neither target nor threshold, but not for one whose block is broken', () => {
    assert.deepEqual(kpi('    measured monthly').codes('test.partnership').filter((x) => x.includes('P405')), ['7:7 P405']);
    assert.deepEqual(kpi('    target >= 90 percent').codes('test.partnership').filter((x) => x.includes('P405')), []);
  });

  it('P406 at the later of two targets from the same day, a target without `from` starting with the term; the fix moves it a day', () => {
    const c = kpi('    target >= 90%\n    target >= 91% from 2010-01\n    target >= 92% from 2012\n    target >= 93% from 2012-01-01\n    measured monthly');
    const found = c.diagnostics('test.partnership').filter((d) => d.code === 'P406');
    assert.deepEqual(found.map((d) => covered(c.text, d)), ['91%', '93%']);
    assert.equal(found[1].message, 'The target `>= 93%` of the KPI `K` comes into force on 2012-01-01, the same day as `>= 92%`: only one target can be in force on a day. Give it a later `from` date, or remove one of them.');
    assert.match(applyEdits(c.text, found[1].fixes[0].edits), /target >= 93% from 2012-01-02\n/);
    const bare = kpi('    target >= 90%\n    target >= 91%\n    measured monthly');
    const fix = bare.diagnostics('test.partnership').find((d) => d.code === 'P406')!.fixes[0];
    assert.match(applyEdits(bare.text, fix.edits), /target >= 91% from 2010-01-02\n/);
  });

  it('P402 compares each threshold and credit with every target, and durations by their units', () => {
    const c = kpi(`    target <= 4 hours
    target <= 2 hours from 2015
    threshold > 3 hours
    threshold > 12 months
    credit £1k when > 1 day
    credit £500 when > 150 minutes
    credit £2k when > 2 working days
    measured monthly`);
    const found = c.diagnostics('test.partnership').filter((d) => d.code === 'P402');
    assert.deepEqual(found.map((d) => covered(c.text, d)), ['3 hours', '12 months', '150 minutes', '2 working days']);
    assert.equal(found[0].message, 'The threshold `> 3 hours` would be triggered by values that meet the target `<= 4 hours` (for example 4 hours): every value that triggers the consequence must fail the target.');
    assert.equal(found[2].message, "The credit's condition `> 150 minutes` would be met by values that meet the target `<= 4 hours` (for example 4 hours): a service credit is earned only by a result that fails the target.");
    assert.equal(found[3].message, "The credit's condition `> 2 working days` is in another unit than the target `<= 4 hours`; they cannot be compared.");
    // A later target is compared too: a threshold that only the later target passes.
    const later = kpi('    target <= 10\n    target <= 4 from 2015\n    threshold > 6\n    measured monthly');
    assert.deepEqual(later.codes('test.partnership', ['error']), ['11:17 P402']);
    // Twelve months make a year exactly.
    assert.deepEqual(kpi('    target <= 1 year\n    threshold > 12 months\n    measured monthly').codes('test.partnership', ['error']), []);
  });

  it('P407 at the `credit` keyword: no `measured`, a share of a rate, a share of nothing', () => {
    const c = kpi('    target >= 99%\n    credit 1% of Core when < 99%');
    const d = c.diagnostics('test.partnership').find((x) => x.code === 'P407')!;
    assert.equal(covered(c.text, d), 'credit');
    const rates = kpi('    target >= 99%\n    credit 1% of Rates when < 99%\n    credit 1% when < 98%\n    credit 1% of Core when < 97%\n    measured quarterly');
    assert.deepEqual(rates.diagnostics('test.partnership').filter((x) => x.code === 'P407').map((x) => x.message), [
      'This credit is a share of the charge `Rates`, which has no fixed charge (an amount per year, per quarter or per month) to take a share of.',
      'A percentage credit is a share of a charge: say which, as in `credit 2% of <charge> when …`.',
    ]);
  });

  it('P401 on a credit\'s share and condition', () => {
    assert.deepEqual(kpi('    target >= 99%\n    credit 150% of Core when < -1%\n    measured monthly').codes('test.partnership', ['error']), ['10:12 P401', '10:32 P401']);
  });

  it('P408 at the credit a worse result earns less by, comparing money with shares of the fixed charge per measurement period', () => {
    // £120m a year is £10m a month: 2% is £200k, more than £150k.
    const c = kpi('    target >= 99.5%\n    credit 2% of Core when < 99.5%\n    credit £150k when < 99%\n    credit £300k when < 98%\n    measured monthly');
    const found = c.diagnostics('test.partnership').filter((d) => d.code === 'P408');
    assert.deepEqual(found.map((d) => covered(c.text, d)), ['credit £150k when < 99%']);
    assert.equal(found[0].message, 'The credit `£150k when < 99%` is for a worse result than `2% of Core when < 99.5%` but earns less: when several credits apply only the largest is paid, so this one never is. Swap the two amounts.');
    assert.match(applyEdits(c.text, found[0].fixes[0].edits), /credit £150k when < 99\.5%\n    credit 2% of Core when < 99%\n/);
    // Quarterly: 2% of £30m is £600k, so £500k for a worse result is less; £700k is not.
    assert.equal(kpi('    target >= 99.5%\n    credit 2% of Core when < 99.5%\n    credit £500k when < 99%\n    measured quarterly').codes('test.partnership').filter((x) => x.includes('P408')).length, 1);
    assert.equal(kpi('    target >= 99.5%\n    credit 2% of Core when < 99.5%\n    credit £700k when < 99%\n    measured quarterly').codes('test.partnership').filter((x) => x.includes('P408')).length, 0);
  });
});

describe('credits on a charge of another file', () => {
  const charges = (line: string) => `partnership Money "m" {\n  term 2010 to 2020\n  party A "A" as client\n  party B "B" as supplier\n  charge Core "c" { A pays B  ${line} }\n}\n`;
  const levels = `import "charges.partnership"\npartnership Levels "l" {\n  term 2010 to 2020\n  kpi K "k" { owner Money.B  target >= 99%  credit 1% of Money.Core when < 99%  measured monthly }\n}\n`;

  it('P407 follows an edit of the charge, through the lookup of its model', () => {
    const files = new Map([['charges.partnership', charges('£1m per year')], ['levels.partnership', levels]]);
    const host = { readFile: (file: string) => files.get(path.relative(VIRTUAL_ROOT, file)) };
    const roots = () => [...files].map(([name, text]) => ({ file: path.join(VIRTUAL_ROOT, name), text }));
    const before = new Analysis(roots(), host);
    const levelsFile = path.join(VIRTUAL_ROOT, 'levels.partnership');
    assert.deepEqual(before.diagnostics(levelsFile).filter((d) => d.code === 'P407'), []);
    files.set('charges.partnership', charges('£650 per day'));
    const after = new Analysis(roots(), host, before);
    assert.deepEqual(after.diagnostics(levelsFile).filter((d) => d.code === 'P407').map((d) => d.message), [
      'This credit is a share of the charge `Core`, which has no fixed charge (an amount per year, per quarter or per month) to take a share of.',
    ]);
  });
});
