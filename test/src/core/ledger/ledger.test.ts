// The ledger's engine on a real contract and results file (test/fixtures/ledger/birmingham):
// occurrences of every rule, statuses on a day, credits limited by a cap, checked by hand.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analysis } from '../../../../server/out/core/analysis/analysis';
import { ledgerOf } from '../../../../server/out/core/ledger/from-analysis';
import { readResultsFile } from '../../../../server/out/core/ledger/results-file';
import { standingOf } from '../../../../server/out/core/ledger/standing';
import { printedOccurrences } from '../../../../server/out/core/ledger/status-render';
import type { LedgerStatus } from '../../../../server/out/core/ledger/types';
import { dayNumber } from '../../../../server/out/core/values/dates';
import { diskHost } from '../../../../server/out/cli/files';
import { repoRoot } from '../../helpers/paths';

const folder = path.join(repoRoot, 'test', 'fixtures', 'ledger', 'birmingham');

export function ledgerFor(dir: string, resultsText?: string) {
  const contracts = fs.readdirSync(dir).filter((n) => n.endsWith('.partnership')).map((n) => ({ file: path.join(dir, n) }));
  const results = fs.readdirSync(dir).filter((n) => n.endsWith('.results.csv')).map((n) => {
    const file = path.join(dir, n);
    return readResultsFile(file, resultsText ?? fs.readFileSync(file, 'utf8'));
  });
  return ledgerOf(new Analysis(contracts, diskHost), results, (f) => path.basename(f));
}

function statusOn(day: string, resultsText?: string): LedgerStatus {
  return ledgerFor(folder, resultsText).status(dayNumber(day)!);
}

const obligation = (s: LedgerStatus, name: string) => s.partnerships[0].obligations.find((o) => o.name === name)!;
const kpi = (s: LedgerStatus, name: string) => s.partnerships[0].kpis.find((k) => k.name === name)!;

describe('the obligation ledger', () => {
  const s = statusOn('2016-07-20');

  it('gives each kind of deadline its occurrences and status on the day', () => {
    assert.deepEqual(obligation(s, 'R01').occurrences, [{ due: '2015-11-30', arises: '2015-04-01', status: 'done', done: '2015-11-20' }]);
    // every 6 months from 2015-10-01: due 2015-10-01 (done 2016-04-11, 193 days late), 2016-04-01 (overdue), 2016-10-01.
    assert.deepEqual(obligation(s, 'UserForecast').occurrences.map((o) => [o.due, o.status, o.daysLate ?? o.daysOverdue]), [
      ['2015-10-01', 'late', 193], ['2016-04-01', 'overdue', 110], ['2016-10-01', 'due', undefined],
    ]);
    // 10 working days from Tuesday 2016-05-03 (no bank holiday in between): 2016-05-17.
    assert.deepEqual(obligation(s, 'Rectify').occurrences.map((o) => [o.due, o.trigger, o.status]), [['2016-05-17', 'BreachNotice 2016-05-03', 'overdue']]);
    assert.deepEqual(obligation(s, 'Review').occurrences, [], 'nothing arises until Rectify is done');
    assert.deepEqual(obligation(s, 'ExitPlan').occurrences.map((o) => o.due), ['2016-09-30'], '6 months before 2017-03-31');
    assert.deepEqual(obligation(s, 'Attend').occurrences, [{ arises: '2016-05-03', trigger: 'BreachNotice 2016-05-03', status: 'due' }]);
  });

  it('says due-soon within 30 days, and counts a deadline from an obligation once it is done', () => {
    const text = fs.readFileSync(path.join(folder, 'birmingham.results.csv'), 'utf8') + 'done,Rectify,2016-05-20,,\n';
    const later = statusOn('2016-09-05', text);
    assert.equal(obligation(later, 'ExitPlan').occurrences[0].status, 'due-soon');
    assert.deepEqual(obligation(later, 'Rectify').occurrences[0], { due: '2016-05-17', arises: '2016-05-03', trigger: 'BreachNotice 2016-05-03', status: 'late', done: '2016-05-20', daysLate: 3 });
    assert.deepEqual(obligation(later, 'Review').occurrences.map((o) => [o.due, o.status]), [['2016-05-25', 'overdue']]);
  });

  it('judges measurement periods against the target, with credits and waivers', () => {
    const periods = kpi(s, 'Availability').periods;
    assert.equal(periods.length, 15, 'April 2015 to June 2016: the periods ended by 2016-07-20');
    assert.deepEqual(periods[12], { start: '2016-04-01', end: '2016-04-30', status: 'failed', value: '99.1%', target: '>= 99.5%', credit: { amount: '20000.00', currency: 'GBP' } });
    assert.equal(periods[13].credit?.amount, '50000.00');
    assert.equal(periods[14].status, 'waived');
    assert.equal(periods[0].status, 'missing');
    assert.equal(kpi(s, 'P1Fix').periods[13].status, 'failed', '6 hours fails <= 4 hours but earns no credit (> 8 hours)');
    assert.equal(kpi(s, 'P1Fix').periods[13].credit, undefined);
  });

  it('reports met and breached periods', () => {
    const text = 'kind,name,date,value,note\nresult,Availability,2015-04,99.7%,\nresult,Availability,2015-05,94%,\n';
    const p = kpi(statusOn('2015-06-30', text), 'Availability').periods;
    assert.deepEqual(p.map((x) => x.status), ['met', 'breached', 'missing']);
    // 94% < 99%: the larger credit, 5% of £1m (a twelfth of £12m) = £50,000.
    assert.equal(p[1].credit?.amount, '50000.00');
  });

  it('limits the credits of a contract year to the cap and says how much it removed', () => {
    // Year 2016-04-01 to 2017-03-31: earned £20,000 + £50,000 = £70,000; the cap is 0.5% of
    // £12m = £60,000, so £60,000 is payable and the cap removed £10,000.
    const years = s.partnerships[0].charges[0].creditsByYear;
    assert.deepEqual(years[1], {
      start: '2016-04-01', end: '2017-03-31',
      earned: { amount: '70000.00', currency: 'GBP' }, payable: { amount: '60000.00', currency: 'GBP' }, capRemoved: { amount: '10000.00', currency: 'GBP' },
    });
    assert.deepEqual(s.summary, { overdue: 2, dueSoon: 0, failedPeriods: 3, missingPeriods: 26, creditsOwed: [{ amount: '60000.00', currency: 'GBP' }] });
  });

  it('works out each standing from the engine as it would be from the occurrences listed', () => {
    // A day in each part of the fixture's story: before anything is due, with duties overdue, done late, and waived.
    for (const day of ['2015-04-01', '2015-11-10', '2016-05-20', '2016-09-20', '2017-06-30']) {
      const status = statusOn(day);
      for (const o of status.partnerships[0].obligations) {
        // Read back from JSON, as the preview and the code lens of another process would: no engine behind it.
        const listed = JSON.parse(JSON.stringify(o)) as typeof o;
        assert.deepEqual(standingOf(o), standingOf(listed), `${o.name} on ${day}`);
      }
    }
    const forecast = standingOf(obligation(statusOn('2017-06-30'), 'UserForecast'));
    assert.deepEqual(forecast.attention.map((x) => x.status), ['late', 'overdue', 'overdue']);
    assert.equal(forecast.text, 'overdue since 2016-04-01 (and 1 more overdue)', 'the term ends 2017-03-31: nothing is due after it');
  });

  it('prints each occurrence that has arisen or falls due soon, then the next, and sums up the rest', () => {
    const early = obligation(statusOn('2015-04-02'), 'UserForecast');
    assert.deepEqual(printedOccurrences(early), [
      ['UserForecast User forecast', 'due', 'due 2015-10-01', ''],
      ['UserForecast User forecast', 'due', '2 more due, the last 2016-10-01', ''],
    ]);
    // Later, what is overdue or done is listed whole: nothing is summed up when at most one is still to come.
    assert.deepEqual(printedOccurrences(obligation(s, 'UserForecast')).map((r) => r[1]), ['late', 'overdue', 'due']);
  });

  it('ignores rows dated after the day asked about', () => {
    const before = statusOn('2015-11-25');
    assert.equal(obligation(before, 'R01').occurrences[0].status, 'done');
    assert.equal(obligation(statusOn('2015-11-10'), 'R01').occurrences[0].status, 'due-soon');
    assert.deepEqual(obligation(before, 'Rectify').occurrences, []);
  });
});
