// The status view as a change to the one the preview holds: a part made of the very rows the
// earlier answer held is named and sent empty, the view made from the change is the whole view,
// a change to another answer is refused, and the extension's check takes exactly such answers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { ledgerOf } from '../../../server/out/core/ledger/from-analysis';
import { readResultsFile } from '../../../server/out/core/ledger/results-file';
import { statusViewOf } from '../../../server/out/core/ledger/status-view';
import { thinnedForPane, timelineAt } from '../../../server/out/core/ledger/timeline';
import { dayNumber } from '../../../server/out/core/values/dates';
import { applyStatusAnswer, STATUS_PARTS, statusAnswer } from '../../../shared/out/status-delta';
import type { StatusView } from '../../../shared/out/status-view';
import { repoRoot } from '../helpers/paths';

const fixture = path.join(repoRoot, 'test', 'fixtures', 'ledger', 'birmingham');
const contractFile = path.join(fixture, 'birmingham.partnership');
const resultsFile = path.join(fixture, 'birmingham.results.csv');

/** The status view on `on`, from the fixture's contract and `results` (the ledger kept between calls, as the server keeps it). */
function viewOn(on: string, results: string): StatusView {
  const analysis = new Analysis([{ file: contractFile, text: fs.readFileSync(contractFile, 'utf8') }], { readFile: () => undefined });
  const ledger = ledgerOf(analysis, [readResultsFile(resultsFile, results)], (f) => path.basename(f));
  const status = ledger.status(dayNumber(on)!);
  const state = status.partnerships[0];
  return statusViewOf(state, on, '2016-07-20', ledger.tracks(state.name), thinnedForPane(timelineAt(ledger, status, 0)));
}

/** The extension's check of an answer, bundled on its own (the test project cannot compile client/src). */
function loadCheck(): (value: unknown) => boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-status-check-'));
  const outfile = path.join(dir, 'status-protocol.js');
  buildSync({ entryPoints: [path.join(repoRoot, 'client/src/preview/status-protocol.ts')], bundle: true, format: 'cjs', platform: 'node', outfile, logLevel: 'error' });
  return (require(outfile) as { isStatusAnswer(value: unknown): boolean }).isStatusAnswer;
}

describe('status view answers as changes', () => {
  const results = fs.readFileSync(resultsFile, 'utf8');
  const view = viewOn('2016-07-20', results);

  it('names every part the same as the held answer\'s, sends it empty, and makes the whole view again', () => {
    // The same rows: every part is unchanged.
    const same: StatusView = { ...view, summary: [...view.summary] };
    const answer = statusAnswer({ id: '1', view }, same, '2');
    assert.deepEqual([...answer.unchanged].sort(), [...STATUS_PARTS].sort());
    assert.deepEqual(answer.view.kpis, []);
    assert.deepEqual(answer.view.timeline.kpis, []);
    assert.deepEqual(applyStatusAnswer({ id: '1', view }, answer), same);
  });

  it('sends a part whose rows are not the held ones whole', () => {
    // Equal rows that are other objects are sent again: only the very same rows count as unchanged.
    const copy: StatusView = JSON.parse(JSON.stringify(view));
    const answer = statusAnswer({ id: '1', view }, copy, '2');
    const lengths: Record<string, number> = {
      obligations: view.obligations.length, kpis: view.kpis.length, charges: view.charges.length,
      timelineObligations: view.timeline.obligations.length, timelineKpis: view.timeline.kpis.length, timelineEvents: view.timeline.events.length,
    };
    assert.ok(lengths.obligations > 0 && lengths.timelineKpis > 0, 'the fixture has rows to compare');
    // Only parts with no rows at all count as unchanged.
    assert.deepEqual(answer.unchanged.filter((p) => lengths[p] > 0), []);
    assert.deepEqual(applyStatusAnswer({ id: '1', view }, answer), copy);
  });

  it('refuses a change to another answer than the one held, and takes a whole view as it is', () => {
    const answer = statusAnswer({ id: '1', view }, view, '2');
    assert.equal(applyStatusAnswer({ id: '7', view }, answer), null);
    assert.equal(applyStatusAnswer(null, answer), null);
    const whole = statusAnswer(null, view, '3');
    assert.equal(whole.base, null);
    assert.equal(applyStatusAnswer({ id: '9', view }, whole), view);
  });

  it('passes the extension\'s check for whole and changed answers, and nothing else', () => {
    const isStatusAnswer = loadCheck();
    const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
    assert.ok(isStatusAnswer(plain(statusAnswer(null, view, '1'))));
    assert.ok(isStatusAnswer(plain(statusAnswer({ id: '1', view }, view, '2'))));
    assert.ok(!isStatusAnswer(plain(view)), 'a bare view is not an answer');
    assert.ok(!isStatusAnswer(plain({ ...statusAnswer(null, view, '1'), unchanged: ['constructor'] })));
    assert.ok(!isStatusAnswer(plain({ ...statusAnswer(null, view, '1'), extra: 1 })));
  });
});
