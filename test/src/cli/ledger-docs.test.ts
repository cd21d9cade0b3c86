// The reference manual's ledger examples (R001 to R008 and "Tracking a contract") print what it
// shows: each results file it gives is run with the manual's contract through the command it
// shows, and the manual's contract is the one the ledger's engine tests check by hand.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../helpers/cli';
import { repoRoot } from '../helpers/paths';

const manual = fs.readFileSync(path.join(repoRoot, 'docs', 'language.md'), 'utf8');
const fixture = path.join(repoRoot, 'test', 'fixtures', 'ledger', 'birmingham');

interface LedgerExample {
  readonly results: string;
  readonly args: string[];
  /** The command's standard output went to a file: the block shows standard error. */
  readonly showsStderr: boolean;
  readonly expected: string;
  readonly line: number;
}

/** Each `$ npx partnership status|calendar` block, run on the results file the manual showed last before it. */
function ledgerExamples(): LedgerExample[] {
  const out: LedgerExample[] = [];
  let results: string | null = null;
  for (const m of manual.matchAll(/^(`contracts\/birmingham\.results\.csv`:\n\n)?```(csv|text)\n([\s\S]*?)^```$/gm)) {
    if (m[2] === 'csv') results = m[1] ? m[3] : null;
    const command = /^\$ npx partnership ((?:status|calendar) [^\n]*)\n/.exec(m[3]);
    if (m[2] !== 'text' || !command || results === null) continue;
    const redirected = / > \S+$/.test(command[1]);
    out.push({
      results, args: command[1].replace(/ > \S+$/, '').split(' '), showsStderr: redirected,
      expected: m[3].slice(command[0].length), line: manual.slice(0, m.index).split('\n').length,
    });
  }
  return out;
}

const contractShown = /^`contracts\/birmingham\.partnership`:\n\n```\n([\s\S]*?)^```$/m.exec(manual)?.[1];

describe('reference manual: the ledger examples', () => {
  it('shows the contract the ledger engine is tested on', () => {
    assert.equal(contractShown, fs.readFileSync(path.join(fixture, 'birmingham.partnership'), 'utf8'));
  });

  const all = ledgerExamples();
  it('has an example for every results code and the worked example', () => {
    const codes = new Set(all.flatMap((e) => [...e.expected.matchAll(/ (R00\d) /g)].map((m) => m[1])));
    assert.deepEqual([...codes].sort(), ['R001', 'R002', 'R003', 'R004', 'R005', 'R006', 'R007', 'R008']);
    assert.ok(all.some((e) => e.args[0] === 'status' && !e.showsStderr && e.expected.includes('Credits owed: £60,000.00')));
    assert.ok(all.some((e) => e.args[0] === 'calendar' && e.expected.includes('Letter from the Head of ICT')));
  });

  for (const example of all) {
    it(`example at line ${example.line} prints what the manual says`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-ledger-docs-'));
      fs.mkdirSync(path.join(dir, 'contracts'));
      fs.writeFileSync(path.join(dir, 'contracts', 'birmingham.partnership'), contractShown ?? '');
      fs.writeFileSync(path.join(dir, 'contracts', 'birmingham.results.csv'), example.results);
      const r = run(example.args, dir);
      // CSV lines end in CRLF (RFC 4180); the manual shows them as lines.
      assert.equal((example.showsStderr ? r.stderr : r.stdout).replace(/\r\n/g, '\n'), example.expected);
    });
  }
});
