// R001 to R008, each on its own corpus-like case (test/fixtures/ledger/codes/<case>): a
// contract, a results file and `expected.txt` listing `<line> <code>` for the results file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../../../../server/out/core/text/line-index';
import { Analysis } from '../../../../server/out/core/analysis/analysis';
import { ledgerOf } from '../../../../server/out/core/ledger/from-analysis';
import { MAX_RESULTS_DIAGNOSTICS } from '../../../../server/out/core/ledger/ledger';
import { MAX_ROWS, readResultsFile } from '../../../../server/out/core/ledger/results-file';
import { repoRoot } from '../../helpers/paths';
import { ledgerFor } from './ledger.test';

const cases = path.join(repoRoot, 'test', 'fixtures', 'ledger', 'codes');

describe('results-file diagnostics R001 to R008', () => {
  for (const name of fs.readdirSync(cases).sort()) {
    it(name, () => {
      const dir = path.join(cases, name);
      const file = path.join(dir, 'case.results.csv');
      const text = fs.readFileSync(file, 'utf8');
      const lines = new LineIndex(text);
      const got = (ledgerFor(dir).diagnostics.get(file) ?? []).map((d) => `${lines.position(d.start).line + 1} ${d.code}`);
      const want = fs.readFileSync(path.join(dir, 'expected.txt'), 'utf8').trim().split('\n');
      assert.deepEqual(got, want);
    });
  }

  it('offers the closest name as the quick fix of R002, on the name cell', () => {
    const dir = path.join(cases, 'R002');
    const file = path.join(dir, 'case.results.csv');
    const [d] = ledgerFor(dir).diagnostics.get(file)!;
    const text = fs.readFileSync(file, 'utf8');
    assert.equal(text.slice(d.start, d.end), 'Availabilty');
    assert.deepEqual(d.fixes.map((f) => f.edits.map((e) => e.newText)), [['Availability']]);
    assert.match(d.message, /Did you mean `Availability`\?/);
  });

  it('points R005 at the value cell and never counts a formula-like value', () => {
    const dir = path.join(cases, 'R005');
    const file = path.join(dir, 'case.results.csv');
    const text = fs.readFileSync(file, 'utf8');
    const spans = ledgerFor(dir).diagnostics.get(file)!.map((d) => text.slice(d.start, d.end));
    assert.deepEqual(spans, ['6 hours', '"=HYPERLINK(""http://x"")"']);
  });

  it('places each cell of a row, after a byte-order mark, with a quoted cell and a column the file lacks', () => {
    const text = '\uFEFFkind,date,name,note\nresult,2016-04,"Avail, ability","a ""b"""\n';
    const [row] = readResultsFile('cells.results.csv', text).rows;
    const cell = (c: keyof typeof row.cells) => text.slice(row.cells[c].start, row.cells[c].end);
    assert.deepEqual([cell('kind'), cell('date'), cell('name'), cell('note')], ['result', '2016-04', '"Avail, ability"', '"a ""b"""']);
    assert.deepEqual(row.cells.value, { start: row.span.end, end: row.span.end }, 'no value column: an empty span at the end of the row');
    assert.equal(text.slice(row.span.start, row.span.end), 'result,2016-04,"Avail, ability","a ""b"""');
  });

  it('reads good rows around broken ones, and stays bounded on hostile input', function () {
    this.timeout(180_000);
    const big = 'kind,name,date,value,note\n' + 'x'.repeat(10_000_000) + '\ndone,R01,2015-11-20,,\n';
    let started = Date.now();
    const long = readResultsFile('big.results.csv', big);
    assert.deepEqual(long.diagnostics.map((d) => d.code), ['R001']);
    assert.deepEqual(long.rows.map((r) => r.name), ['R01']);
    const binary = readResultsFile('bin.results.csv', 'kind,name,date\n\u0000\u0001\uFFFD,\u0002,\ndone,R01,2015-11-20\n', true);
    assert.deepEqual(binary.rows.map((r) => r.name), ['R01']);
    const rows = 'kind,name,date,value,note\n' + 'result,Availability,2016-04,99.1%,\n'.repeat(1_000_000);
    started = Date.now();
    const million = readResultsFile('million.results.csv', rows);
    // The first 250,000 rows count; the rest are not read, and the first of them says so.
    assert.equal(million.rows.length, MAX_ROWS);
    assert.deepEqual(million.diagnostics.map((d) => d.code), ['R001']);
    assert.equal(million.diagnostics[0].start, rows.indexOf('\n') + 1 + MAX_ROWS * 'result,Availability,2016-04,99.1%,\n'.length);
    assert.match(million.diagnostics[0].message, /more than 250,000 rows; this one and those after it are not read/);
    // Every row after the first is a second result for April 2016 (R006): 249,999 of them; a thousand are listed, the last saying how many more.
    const contract = path.join(repoRoot, 'test', 'fixtures', 'ledger', 'birmingham', 'birmingham.partnership');
    const analysis = new Analysis([{ file: contract, text: fs.readFileSync(contract, 'utf8') }], { readFile: () => undefined });
    const listed = ledgerOf(analysis, [million], (f) => f).diagnostics.get('million.results.csv')!;
    assert.equal(listed.filter((d) => d.code === 'R006').length, MAX_RESULTS_DIAGNOSTICS);
    assert.match(listed.filter((d) => d.code === 'R006').at(-1)!.message, /\(248,999 more problems in this file are not listed\.\)$/);
    assert.ok(listed.some((d) => d.code === 'R001'), 'what was not read is still said');
    const quotes = readResultsFile('quotes.results.csv', 'kind,name,date\n' + 'done,"R01,2015\n'.repeat(200_000));
    assert.equal(quotes.diagnostics.length, 101, 'a hundred unreadable rows, then a note that reading stopped');
    assert.ok(Date.now() - started < 150_000, 'bounded');
  });
});
