// A results file read again after an edit gives exactly what reading it whole gives, after
// hundreds of random edits (typing, deleting, pasting rows, breaking quotes, touching the
// header), and keeps the rows before the edit as the same objects.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analysis } from '../../../../server/out/core/analysis/analysis';
import { ledgerOf } from '../../../../server/out/core/ledger/from-analysis';
import { readResultsFile, type ResultsFile } from '../../../../server/out/core/ledger/results-file';
import { dayNumber } from '../../../../server/out/core/values/dates';
import { rereadResultsFile } from '../../../../server/out/core/ledger/results-reread';
import { repoRoot } from '../../helpers/paths';
import { seededRandom } from '../../helpers/random';

const FILE = '/virtual/example.results.csv';
const example = fs.readFileSync(path.join(repoRoot, 'examples', 'service-birmingham', 'service-birmingham.results.csv'), 'utf8');
const PIECES = ['done,R01,2015-11-20,,\n', 'result,Availability,2016-04,99.1%,\n', 'done,R01,2015-11-20,,"a\nb"\n', 'x', '1', 'x', '1', '\n', ',', '"', '\r\n', '""', '2016-05', '\uFEFF', 'kind,name,date\n'];

/** The file as compared: each row with its cells, which a row finds when asked. */
const withCells = (f: ResultsFile) => ({ ...f, rows: f.rows.map((r) => ({ ...r, cells: r.cells })) });

describe('reading a results file again after an edit', () => {
  it('keeps the rows before an edit and reads one typed row at the end alone', () => {
    const before = readResultsFile(FILE, example);
    const after = rereadResultsFile(before, example + 'done,R03,2016-09-01,,\n');
    assert.equal(after.rows.length, before.rows.length + 1);
    assert.ok(before.rows.every((row, i) => after.rows[i] === row), 'the same row objects');
    assert.deepEqual(withCells(after), withCells(readResultsFile(FILE, example + 'done,R03,2016-09-01,,\n')));
    // An edit in the middle keeps the rows above it.
    const middle = example.indexOf('\nresult,Availability,2010-01');
    const edited = example.slice(0, middle) + '\nwaiver,Availability,2009-12,,"Agreed"' + example.slice(middle);
    const again = rereadResultsFile(before, edited);
    assert.deepEqual(withCells(again), withCells(readResultsFile(FILE, edited)));
    const above = before.rows.filter((r) => r.span.end < middle).length;
    assert.ok(above > 20 && before.rows.slice(0, above).every((row, i) => again.rows[i] === row));
  });

  it('gives what a whole reading gives after each of 400 random edits', function () {
    this.timeout(60_000);
    const random = seededRandom(20261206);
    const pick = <T>(list: readonly T[]): T => list[random(list.length)];
    let text = example.slice(0, 6000);
    let read = readResultsFile(FILE, text);
    let reused = 0;
    for (let i = 0; i < 400; i++) {
      // Broken quoting makes every later edit a whole reading: start again from good text now and then.
      if (i % 20 === 0) {
        text = example.slice(0, 6000);
        read = readResultsFile(FILE, text);
      }
      const at = random(text.length + 1);
      const next = random(3) === 0
        ? text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + random(40)))
        : text.slice(0, at) + pick(PIECES) + text.slice(at);
      const incremental = rereadResultsFile(read, next);
      const whole = readResultsFile(FILE, next);
      assert.deepEqual(withCells(incremental), withCells(whole), `edit ${i} at ${at}`);
      if (read.rows.length > 0 && incremental.rows[0] === read.rows[0]) reused++;
      text = next;
      read = incremental;
    }
    // Most edits were read again from the rows before them, not whole.
    assert.ok(reused > 100, `${reused} of 400 edits kept the rows before them`);
  });
});

describe('a ledger worked out again after a results edit', () => {
  it('gives what a ledger worked out afresh gives, after each of 150 random edits of rows', function () {
    this.timeout(120_000);
    const folder = path.join(repoRoot, 'examples', 'service-birmingham');
    const contract = path.join(folder, 'service-birmingham.partnership');
    const analysis = new Analysis([{ file: contract, text: fs.readFileSync(contract, 'utf8') }], { readFile: () => undefined });
    const random = seededRandom(6122026);
    const lines = example.split('\n');
    const header = lines[0];
    let rows = lines.slice(1).filter((l) => l !== '');
    let text = [header, ...rows].join('\n') + '\n';
    let read = readResultsFile(FILE, text);
    let ledger = ledgerOf(analysis, [read], (f) => path.basename(f));
    const days = ['2016-09-20', '2012-01-01', '2030-01-01'].map((d) => dayNumber(d)!);
    const made = ['done,R03,2016-01-10,,late', 'done,UserForecast,2016-09-29,,', 'result,Availability,2016-02,98.5%,', 'waiver,Disputes,2013-06,,', 'event,ProjectApproved,2016-09-01,,', 'done,Integration,2016-09-10,,', 'done,R99,2016-01-01,,'];
    for (let i = 0; i < 150; i++) {
      const at = random(rows.length + 1);
      const choice = random(3);
      if (choice === 0) rows = [...rows.slice(0, at), made[random(made.length)], ...rows.slice(at)];
      else if (choice === 1 && rows.length > 0) rows = [...rows.slice(0, at), ...rows.slice(at + 1)];
      else rows = [...rows, made[random(made.length)]];
      text = [header, ...rows].join('\n') + '\n';
      read = rereadResultsFile(read, text);
      ledger = ledger.withResults([read]);
      const fresh = ledgerOf(analysis, [readResultsFile(FILE, text)], (f) => path.basename(f));
      assert.deepEqual(ledger.diagnostics, fresh.diagnostics, `diagnostics after edit ${i}`);
      const day = days[i % days.length];
      assert.deepEqual(ledger.status(day), fresh.status(day), `status after edit ${i}`);
    }
  });
});
