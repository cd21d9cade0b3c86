// R001 to R008, each on its own corpus-like case (test/fixtures/ledger/codes/<case>): a
// contract, a results file and `expected.txt` listing `<line> <code>` for the results file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../../../../server/out/core/text/line-index';
import { readResultsFile } from '../../../../server/out/core/ledger/results-file';
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
    assert.equal(million.rows.length, 1_000_000);
    const quotes = readResultsFile('quotes.results.csv', 'kind,name,date\n' + 'done,"R01,2015\n'.repeat(200_000));
    assert.equal(quotes.diagnostics.length, 101, 'a hundred unreadable rows, then a note that reading stopped');
    assert.ok(Date.now() - started < 150_000, 'bounded');
  });
});
