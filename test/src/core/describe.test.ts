// The plain words of core/services/describe.ts, on the model of real documents: durations,
// money, amount lines, deadlines of every form, windows, targets, credits, caps and changes.
import * as assert from 'node:assert/strict';
import * as d from '../../../server/out/core/services/describe';
import { namesIn } from '../../../server/out/core/services/names-in-file';
import { checkBody } from '../helpers/program';

const body = `  scope ICT "ICT" { scope Core "Core" }
  event Breach "Notice of breach" clause "40.1"
  event GoLive "Go-live"
  charge Fee "Core fee" {
    A pays B
    £100m per year
    EUR 2m per quarter from 2012-04 until 2014
    £35 per seat per month
    £650 per day
    GBP 1,500 per transaction
    credit-cap 10% per quarter
  }
  kpi Up "Uptime" {
    owner B
    target <= 4 hours
    target = 1 working day from 2012
    threshold > 2 days otherwise "escalate"
    credit 5% of Fee when > 1 week
    measured every 1 month
  }
  obligation Due "By a date" { B must do "x"  due 2015-11 }
  obligation Within "From an event" { B must do "x"  due within 1 working day of Breach }
  obligation Done "From an obligation" { B must do "x"  due within 2 weeks of Due }
  obligation Start "From the start" { B must do "x"  due within 3 months of start }
  obligation Before "Before expiry" { B must do "x"  due 1 year before expiry }
  obligation Window "A window" { B must do "x"  every 2 months from GoLive until 2016-03  endeavours all-reasonable }
  power Stop "Stop" { A can terminate ICT to B  when Breach, GoLive  notice 1 month }
  variation V "V" {
    agreed 2015-01
    effective 2015-06-30
    term to 2019
    ends exclusive B over ICT.Core
    ends open ICT
    ends Up
    returns ICT.Core
  }`;

describe('plain words', () => {
  const c = checkBody(body);
  const source = c.program.files.get(c.path('test.partnership'))!;
  const model = source.model!;
  const norm = (name: string) => model.norms.find((n) => n.symbol.name === name)!;

  it('says durations and values as a person writes them', () => {
    assert.equal(d.describeDuration({ count: 1, unit: 'working-day' }), '1 working day');
    assert.equal(d.describeDuration({ count: 10, unit: 'working-day' }), '10 working days');
    assert.equal(d.describeDuration({ count: 1, unit: 'month' }), '1 month');
    const kpi = model.kpis[0];
    assert.deepEqual(kpi.targets.map(d.describeTarget), ['at most 4 hours', 'exactly 1 working day from 2012']);
    assert.deepEqual(kpi.thresholds.map(d.describeThreshold), ['above 2 days, otherwise escalate']);
    assert.deepEqual(kpi.credits.map(d.describeCredit), ['5% of Core fee when above 1 week']);
    assert.equal(d.describeMeasured(kpi.measured!), 'every 1 month');
  });

  it('says a charge\'s amounts: a year, a quarter, per unit, in each currency, with their dates as written', () => {
    const fee = model.charges[0];
    assert.deepEqual(fee.amounts.map(d.describeAmount), ['£100m a year', 'EUR 2m a quarter from 2012-04 until 2014', '£35 per seat per month', '£650 a day', '£1500 per transaction']);
    assert.deepEqual(d.describeAmounts(fee), { fixed: ['£100m a year', 'EUR 2m a quarter from 2012-04 until 2014'], rates: ['£35 per seat per month', '£650 a day', '£1500 per transaction'] });
    assert.equal(d.describePayment(fee), 'A → B');
    assert.equal(d.describeCreditCap(fee.cap!), 'credits capped at 10% of the charge a quarter');
  });

  it('says each form of deadline, with the day a fixed one stands for', () => {
    assert.equal(d.describeDeadline(norm('Due')), 'due by 2015-11');
    assert.equal(d.describeDeadline(norm('Within')), 'due within 1 working day of Notice of breach (clause 40.1)');
    assert.equal(d.describeDeadline(norm('Done')), 'due within 2 weeks of By a date being done');
    assert.equal(d.describeDeadline(norm('Start')), 'due within 3 months of start (2010-04-01)');
    assert.equal(d.describeDeadline(norm('Before')), 'due 1 year before expiry (2019-12-31)');
    assert.equal(d.describeDeadline(norm('Window')), null);
  });

  it('says events, windows, endeavours and notice; a `from` event by its title when the file\'s names are given', () => {
    assert.deepEqual(d.describeTiming(norm('Window')), ['every 2 months from GoLive until 2016-03']);
    assert.deepEqual(d.describeTiming(norm('Window'), namesIn(source)), ['every 2 months from Go-live until 2016-03']);
    assert.equal(d.describeModal(norm('Window')), 'must (all reasonable endeavours)');
    assert.deepEqual(d.describeTiming(norm('Stop')), ['when Notice of breach (clause 40.1) or Go-live']);
    assert.equal(d.describeNotice(norm('Stop').notice!), 'on 1 month\'s notice');
  });

  it('says a variation\'s dates and each of its changes', () => {
    const v = model.variations[0];
    assert.equal(d.describeVariationDates(v), 'agreed 2015-01, effective 2015-06-30');
    assert.deepEqual(d.describeChanges(v), [
      'the term ends on 2019',
      'ends the exclusivity of B over ICT.Core',
      'ends ICT being open to the market',
      'ends Up (Uptime)',
      'returns ICT.Core (the scope leaves the contract)',
    ]);
  });
});
