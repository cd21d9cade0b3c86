// The preview's status view in Debian's chromium (see harness.ts): the tab asks the extension
// for the status, the page draws the ledger's answer for the fixture contract and results file
// (rows tinted and worded by status, a strip of cells per KPI, credits against the cap), a day
// picked is asked for, a row goes to its source, hostile text stays text, and at 600 px the
// strips wrap inside the pane.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { ledgerOf } from '../../../server/out/core/ledger/from-analysis';
import { readResultsFile } from '../../../server/out/core/ledger/results-file';
import { statusViewOf } from '../../../server/out/core/ledger/status-view';
import { thinnedForPane, timelineAt } from '../../../server/out/core/ledger/timeline';
import { dayNumber } from '../../../server/out/core/values/dates';
import type { StatusView } from '../../../shared/out/status-view';
import { repoRoot } from '../helpers/paths';
import { type Message, matrixOf, PreviewHarness } from './harness';

declare const window: { __posted: Message[]; __violations: string[] };
declare const document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null; className: string; getBoundingClientRect(): { left: number; right: number; top: number } }>; documentElement: { clientWidth: number } };

const fixture = path.join(repoRoot, 'test', 'fixtures', 'ledger', 'birmingham');
const contractFile = path.join(fixture, 'birmingham.partnership');

function statusView(on: string, contractText = fs.readFileSync(contractFile, 'utf8')): StatusView {
  const analysis = new Analysis([{ file: contractFile, text: contractText }], { readFile: () => undefined });
  const resultsFile = path.join(fixture, 'birmingham.results.csv');
  const ledger = ledgerOf(analysis, [readResultsFile(resultsFile, fs.readFileSync(resultsFile, 'utf8'))], (f) => path.basename(f));
  const status = ledger.status(dayNumber(on)!);
  const state = status.partnerships[0];
  return JSON.parse(JSON.stringify(statusViewOf(state, on, '2016-07-20', ledger.tracks(state.name), thinnedForPane(timelineAt(ledger, status, 0)))));
}

describe('the preview\'s status view in a browser', function () {
  this.timeout(90000);
  const harness = new PreviewHarness();
  before(() => harness.start());
  after(() => harness.stop());
  afterEach(() => harness.closePages());

  async function openStatus(width = 1000) {
    const preview = await harness.open(undefined, { width, height: 900 });
    await preview.show(matrixOf(contractFile));
    await preview.page.click('#tab-status');
    await preview.page.waitForFunction(() => window.__posted.some((m) => m.type === 'status'));
    return preview;
  }

  it('asks for the status when its tab is chosen, and draws the answer with words as well as colours', async () => {
    const preview = await openStatus();
    const asked = (await preview.posted()).filter((m) => m.type === 'status');
    assert.deepEqual(asked.at(-1), { type: 'status', shown: true, on: null });
    assert.ok(asked.every((m) => harness.isMessageFromPage(m)));
    const view = statusView('2016-07-20');
    await preview.send({ type: 'status', view });
    await preview.page.waitForSelector('tr.standing');
    const rows = await preview.page.$$eval('tr.standing', (trs) => trs.map((tr) => `${tr.className} | ${tr.textContent}`));
    assert.equal(rows.length, view.obligations.length);
    assert.match(rows.find((r) => r.includes('UserForecast'))!, /standing-overdue \| UserForecast User forecastoverdue overdue since 2016-04-01 · next due 2016-10-011 late, 1 overdue, 1 due/);
    assert.match(rows.find((r) => r.includes('R01'))!, /standing-done .*done done 2015-11-20/);
    // One cell per period that has ended, each saying its period and status in its tooltip.
    const cells = await preview.page.$$eval('.kpi-status .period', (spans) => spans.map((s) => `${s.className}: ${(s as { title: string }).title}`));
    assert.equal(cells.length, view.timeline.kpis.reduce((n, k) => n + k.periods.length, 0));
    assert.ok(cells.includes('period period-failed: 2016-04-01 to 2016-04-30: failed, 99.1%, target >= 99.5%, credit £20,000.00'), cells.join('\n'));
    const charges = await preview.page.$$eval('table.status-charges tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent).join(' | ')));
    assert.deepEqual(charges.at(-1), 'CoreCharge | 2016-04-01 to 2017-03-31 | £70,000.00 | £60,000.00 | £10,000.00 | 0.5% per year');
    assert.deepEqual(await preview.page.evaluate(() => window.__violations), []);
    assert.deepEqual(preview.errors, []);
  });

  it('asks for the day picked, and goes to an obligation\'s line', async () => {
    const preview = await openStatus();
    await preview.send({ type: 'status', view: statusView('2016-07-20') });
    await preview.page.waitForSelector('tr.standing');
    await preview.page.fill('#status-day', '2016-01-31');
    await preview.page.waitForFunction(() => window.__posted.some((m) => m.type === 'status' && m.on === '2016-01-31'));
    const earlier = statusView('2016-01-31');
    await preview.send({ type: 'status', view: earlier });
    // Before the breach notice, nothing has arisen of the duties it starts.
    await preview.page.waitForFunction(() => document.querySelectorAll('tr.standing-none').length === 3);
    const userForecast = await preview.page.$eval('tr.standing:has-text("UserForecast")', (tr) => tr.className);
    assert.equal(userForecast, 'standing standing-overdue');
    await preview.page.click('tr.standing:has-text("Rectify")');
    const reveal = (await preview.posted()).filter((m) => m.type === 'reveal').at(-1);
    const line = fs.readFileSync(contractFile, 'utf8').split('\n').findIndex((l) => l.includes('obligation Rectify')) + 1;
    assert.deepEqual(reveal, { type: 'reveal', line });
    // A mark of the timeline goes to its source too: an obligation in this file, an event in its results row.
    const before = (await preview.posted()).length;
    await preview.page.focus('svg.tl [tabindex]');
    await preview.page.keyboard.press('Enter');
    await preview.page.waitForFunction((n) => window.__posted.length > n, before);
    const fromPicture = (await preview.posted()).slice(before);
    assert.ok(fromPicture.every((m) => harness.isMessageFromPage(m)), JSON.stringify(fromPicture));
    assert.ok(fromPicture.some((m) => m.type === 'reveal' || m.type === 'revealFile'), JSON.stringify(fromPicture));
    // Back to the matrix: the page says so, and the extension stops updating the status.
    await preview.page.click('#tab-matrix');
    await preview.page.waitForFunction(() => window.__posted.at(-1)?.type === 'status' && window.__posted.at(-1)?.shown === false);
  });

  it('shows hostile titles as text', async () => {
    const preview = await openStatus();
    const hostile = '<img src=x onerror=alert(1)>';
    const text = fs.readFileSync(contractFile, 'utf8').replace('"Operational plan"', JSON.stringify(hostile));
    await preview.send({ type: 'status', view: statusView('2016-07-20', text) });
    await preview.page.waitForSelector('tr.standing');
    const row = await preview.page.$eval('tr.standing', (tr) => tr.textContent);
    assert.ok(row?.includes(hostile));
    assert.equal(await preview.page.$$eval('img', (imgs) => imgs.length), 0);
    assert.deepEqual(preview.dialogs, []);
  });

  it('wraps each KPI\'s strip inside a 600 px pane', async () => {
    const preview = await openStatus(600);
    await preview.send({ type: 'status', view: statusView('2017-03-31') });
    await preview.page.waitForSelector('.kpi-status .period');
    const overflow = await preview.page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return Array.from(document.querySelectorAll('.period, tr.standing, table.status-charges')).filter((e) => e.getBoundingClientRect().right > width + 0.5).length;
    });
    assert.equal(overflow, 0);
    await preview.page.screenshot({ path: path.join(repoRoot, 'test', 'out', 'status-view-600.png'), fullPage: true });
  });
});
