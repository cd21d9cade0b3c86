// Hostile shapes of the second version's constructs: circles (imports, deadlines, escalation),
// long chains, many events, absurd shares, durations and dates. Each goes through the command
// line's check in a process of its own, with a time limit, and through the analysis API with
// the editor's features; whatever the checks make of it, nothing throws or hangs and every
// diagnostic lies inside its document. Exact codes are asserted only where they exist.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import { exportModel } from '../../../server/out/core/model/export';
import { dayOf } from '../../../server/out/core/values/calendar-dates';
import { addWorkingDays, subtractWorkingDays } from '../../../server/out/core/values/working-days';
import { checkText } from '../fuzz/properties';
import { cliPath } from '../helpers/paths';

const HEAD = 'partnership T "T" {\n  term 2010-01-01 to 2020-12-31\n  party A "A Council" as client\n  party B "B Ltd" as supplier\n';
const contract = (lines: readonly string[]): string => `${HEAD}${lines.join('\n')}\n}\n`;
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

interface Reported {
  readonly path: string;
  readonly diagnostics: readonly { code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

/**
 * `partnership check --format json` on the files, in a process that is killed after `seconds`:
 * it must finish, with an exit code for findings (0 or 1, never the internal error's 2), no
 * P900, and every range inside its file. Returns the codes found per file name.
 */
function checkedByCli(files: Record<string, string>, seconds: number): Map<string, string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-hostile-'));
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const r = spawnSync(process.execPath, [cliPath, 'check', '--format', 'json', ...Object.keys(files).map((f) => path.join(dir, f))],
      { encoding: 'utf8', timeout: seconds * 1000, maxBuffer: 512 << 20 });
    assert.equal(r.error, undefined, `the check did not finish within ${seconds} s`);
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    const codes = new Map<string, string[]>();
    for (const file of (JSON.parse(r.stdout) as { files: Reported[] }).files) {
      const name = path.basename(file.path);
      const lines = files[name].split(/\r\n|\r|\n/);
      for (const d of file.diagnostics) {
        assert.notEqual(d.code, 'P900', `a check failed in ${name}`);
        for (const p of [d.range.start, d.range.end]) {
          assert.ok(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length, `${d.code} at ${p.line}:${p.character} lies outside ${name}`);
        }
      }
      codes.set(name, file.diagnostics.map((d) => d.code));
    }
    return codes;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The files analysed together through the API, with the matrix and the exported model of each. */
function checkedByApi(files: Record<string, string>): Map<string, string[]> {
  const full = (name: string): string => path.join('/hostile', name);
  const analysis = new Analysis(Object.entries(files).map(([name, text]) => ({ file: full(name), text })), { readFile: (f) => files[path.basename(f)] });
  const codes = new Map<string, string[]>();
  for (const [name, text] of Object.entries(files)) {
    const diagnostics = analysis.diagnostics(full(name));
    for (const d of diagnostics) {
      assert.notEqual(d.code, 'P900', `a check failed in ${name}: ${d.message}`);
      assert.ok(d.start >= 0 && d.start <= d.end && d.end <= text.length, `${d.code} at ${d.start}-${d.end} outside ${name}`);
      for (const r of d.related) if (r.file === full(name)) assert.ok(r.start >= 0 && r.end <= text.length, 'a related range lies outside');
    }
    buildMatrix(analysis, full(name));
    exportModel(analysis, full(name), (f) => f);
    codes.set(name, diagnostics.map((d) => d.code));
  }
  return codes;
}

/** One contract through the command line (killed after `seconds`) and the analysis API with the editor's features. */
function survives(text: string, seconds = 30): void {
  checkedByCli({ 'hostile.partnership': text }, seconds);
  checkText(text);
}

describe('hostile shapes of the second version', function () {
  this.timeout(120000);

  it('a variation that varies its own partnership through a circle of imports: P105 on each import, and no hang', () => {
    const files = {
      'a.partnership': [
        'import "b.partnership"',
        'partnership PA "A" {',
        '  term 2010-01-01 to 2020-12-31',
        '  party A "A" as client',
        '  obligation O "o" { A must do "x" every 1 month }',
        '  variation V "Varies B, which varies A" { varies PB agreed 2012-01-01 ends PB.O term to 2025-12-31 }',
        '  variation Self "Varies itself" { varies PA agreed 2013-01-01 term to 2024 ends O }',
        '}',
        '',
      ].join('\n'),
      'b.partnership': [
        'import "a.partnership"',
        'partnership PB "B" {',
        '  term 2010-01-01 to 2020-12-31',
        '  party A "A" as client',
        '  obligation O "o" { A must do "x" every 1 month }',
        '  variation W "Varies A back" { varies PA agreed 2012-01-01 ends PA.O term to 2030-12-31 }',
        '}',
        '',
      ].join('\n'),
    };
    for (const codes of [checkedByCli(files, 30), checkedByApi(files)]) {
      for (const name of Object.keys(files)) assert.ok(codes.get(name)!.includes('P105'), `${name}: ${codes.get(name)}`);
    }
  });

  it('a deadline counted from its own obligation, and escalation through three bodies in a circle', () => {
    survives(contract([
      '  obligation O "o" { A must do "x" due within 5 days of O }',
      '  obligation P "p" { A must do "x" due within 5 working days of Q }',
      '  obligation Q "q" { A must do "x" due within 5 working days of P }',
      '  body X "x" { members A escalates-to Y }',
      '  body Y "y" { members A escalates-to Z }',
      '  body Z "z" { members A escalates-to X }',
    ]));
  });

  it('shares just above 100%, absurdly large or negative', () => {
    survives(contract([
      '  party J "J" as joint-venture of A 100.0000001%',
      '  party K "K" as joint-venture of A 50.00000005%, B 50.00000005%',
      '  party L "L" as joint-venture of A 99999999999999999999999999%, B -5%',
      '  party M "M" as joint-venture of A 0.0000000000000000000001%, B 99.9999999999999999999999%',
    ]));
  });

  it('a chain of 10,000 deadlines, each counted from the one before, and the same chain closed into a circle', () => {
    const chain = (closed: boolean): string => contract(range(10000).map((i) =>
      `  obligation D${i} "d" { A must do "step ${i}" due within 1 working day of ${i > 0 ? `D${i - 1}` : closed ? 'D9999' : 'start'} }`));
    for (const closed of [false, true]) survives(chain(closed), 60);
  });

  it('1,000 events, each triggering a duty', () => {
    const text = contract([
      ...range(1000).map((i) => `  event E${i} "Event ${i}"`),
      ...range(1000).map((i) => `  obligation N${i} "n" { B must report "event ${i}" to A due within 10 working days of E${i} when E${(i + 1) % 1000} }`),
    ]);
    survives(text, 60);
  });

  it('deadlines and periods thousands of years long, and the dates 9999-12 and 0000', () => {
    const text = contract([
      '  calendar scotland',
      '  obligation Far "far" { A must do "x" due within 100000 working days of start }',
      '  obligation Farther "far" { A must do "x" due within 999999999 working days of start }',
      '  obligation Before "before" { A must do "x" due 100000 years before expiry }',
      '  obligation Largest "largest" { A must do "x" due 9007199254740991 working days before expiry }',
      '  obligation Largest2 "largest" { A must do "x" due within 9007199254740991 working days of start }',
      '  obligation Last "last" { A must do "x" due 9999-12 }',
      '  obligation First "first" { A must do "x" due 0000 }',
      '  obligation Window "window" { A must do "x" every 1 month from 0000 until 9999-12 }',
      '  obligation Often "often" { A must do "x" every 1 minute }',
      '  charge C "c" { A pays B  £1m per year from 0000 until 9999-12  £2m per year from 9999 }',
      '  kpi K "k" { owner B target >= 99% from 9999-12 target >= 98% from 0000 credit 2% of C when < 1% measured every 100000 years }',
      '  body Bd "b" { members A meets every 999999999 working days }',
      '  variation V "v" { agreed 0000 effective 9999-12 term to 9999-12 }',
    ]);
    const wide = text.replace('term 2010-01-01 to 2020-12-31', 'term 0000 to 9999-12');
    for (const t of [text, wide]) survives(t);
  });

  it('counts working days past the year 9999 by whole weeks, so an absurd count ends at once', () => {
    const start = dayOf(2010, 1, 1);
    assert.ok(addWorkingDays('scotland', start, 999999999) > dayOf(9999, 12, 31));
    assert.ok(subtractWorkingDays('england-and-wales', start, 999999999) < dayOf(0, 1, 1));
    // A count near 2^53 reaches days too far off to be told apart: the count still ends.
    assert.ok(addWorkingDays('weekdays', start, Number.MAX_SAFE_INTEGER) > dayOf(9999, 12, 31));
    assert.ok(subtractWorkingDays('weekdays', start, Number.MAX_SAFE_INTEGER) < dayOf(0, 1, 1));
    // Past the year 9999 five working days make a week.
    const far = dayOf(10000, 1, 3);
    assert.equal(addWorkingDays('weekdays', far, 5000) - far, 7000);
  });

  it('refuses a count too large to add exactly, where it is written', () => {
    const text = contract(['  obligation F "f" {', '    A must do "x"', '    due within 99999999999999999999 days of start', '  }']);
    const found = checkedByCli({ 'f.partnership': text }, 30).get('f.partnership');
    assert.deepEqual(found!.filter((c) => c === 'P001'), ['P001']);
    checkText(text);
  });
});
