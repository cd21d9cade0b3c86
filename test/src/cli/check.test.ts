// `partnership check`: formats, exit codes, stable output and clear usage errors.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../helpers/cli';
import { repoRoot, sharedCorpus } from '../helpers/paths';
import { schemaErrors, validateCheckReport } from '../helpers/schemas';
import { seededRandom } from '../helpers/random';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-cli-'));
}

describe('partnership check', () => {
  it('passes the Service Birmingham example with no error or warning (exit 0)', () => {
    const r = run(['check', 'examples/service-birmingham']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    // The contract and its illustrative results file, both clean.
    assert.match(r.stdout, /^0 errors, 0 warnings, \d+ information, \d+ hints? in 2 files\.$/m);
  });

  it('reports P201 and P202 in both portfolio contracts, each related to the other file (exit 1)', () => {
    const r = run(['check', '--format', 'json', 'examples/portfolio']);
    assert.equal(r.status, 1);
    const report = JSON.parse(r.stdout);
    for (const name of ['joint-venture.partnership', 'customer-platform.partnership']) {
      const file = report.files.find((f: { path: string }) => f.path.endsWith(name));
      const other = name === 'joint-venture.partnership' ? 'customer-platform.partnership' : 'joint-venture.partnership';
      for (const code of ['P201', 'P202']) {
        const d = file.diagnostics.find((x: { code: string }) => x.code === code);
        assert.ok(d, `${code} in ${name}`);
        assert.ok(d.related.some((rel: { path: string }) => rel.path.endsWith(other)), `${code} in ${name} relates to ${other}`);
      }
    }
  });

  it('prints JSON that conforms to the published schema, for every corpus case', () => {
    for (const name of fs.readdirSync(sharedCorpus)) {
      const r = run(['check', '--format', 'json', path.join(sharedCorpus, name)]);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const report = JSON.parse(r.stdout) as { files: { path: string }[] };
      assert.ok(validateCheckReport(report), `${name}: ${schemaErrors(validateCheckReport)}`);
      const paths = report.files.map((f) => f.path);
      assert.equal(new Set(paths).size, paths.length, 'each file appears once');
    }
  });

  it('prints the same bytes on every run, in every format', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const a = run(['check', '--format', format, path.join(sharedCorpus, 'cross-contract'), 'examples']);
      const b = run(['check', '--format', format, 'examples', path.join(sharedCorpus, 'cross-contract')]);
      assert.equal(a.stdout, b.stdout, format);
    }
  });

  it('writes plain `path:line:col severity code message` lines without colour when not on a terminal', () => {
    const r = run(['check', path.join(sharedCorpus, 'kpis')]);
    const lines = r.stdout.split('\n').filter((l) => /P40\d/.test(l));
    assert.ok(lines.length >= 4);
    for (const line of lines) assert.match(line, /^\S+kpis\.partnership:\d+:\d+ (error|warning|information|hint) P\d{3} \S/);
    assert.doesNotMatch(r.stdout, /\x1b\[/);
  });

  it('writes SARIF 2.1.0 with stable rule ids, relative paths and fingerprints', () => {
    const r = run(['check', '--format', 'sarif', 'examples/portfolio']);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const runs = sarif.runs[0];
    const ids = runs.tool.driver.rules.map((rule: { id: string }) => rule.id);
    assert.ok(ids.includes('P201') && ids.includes('P603'));
    assert.equal(runs.results.length, 4);
    for (const result of runs.results) {
      assert.equal(ids[result.ruleIndex], result.ruleId);
      const uri = result.locations[0].physicalLocation.artifactLocation.uri;
      assert.match(uri, /^examples\/portfolio\/[a-z-]+\.partnership$/);
      assert.match(result.partialFingerprints['partnershipLineHash/v1'], /^[0-9a-f]{32}$/);
      assert.ok(result.relatedLocations.length >= 1);
    }
  });

  it('checks a file of random bytes: diagnostics and exit 1', () => {
    const dir = tempDir();
        const random = seededRandom(42);
    const bytes = Buffer.alloc(4096).map(() => random(256));
    fs.writeFileSync(path.join(dir, 'noise.partnership'), bytes);
    const r = run(['check', '--format', 'json', dir]);
    assert.equal(r.status, 1);
    assert.ok(JSON.parse(r.stdout).files[0].diagnostics.length >= 1);
  });

  it('refuses bad usage and unreadable input with one line on stderr and exit 2', () => {
    const empty = tempDir();
    const cases: [string[], RegExp][] = [
      [['check', 'no/such/path.partnership'], /^partnership: cannot read no\/such\/path\.partnership: no such file or folder\./],
      [['check', empty], /^partnership: no \.partnership files found in /],
      [['check', '--format', 'xml', 'examples'], /^partnership: --format must be one of text, json, sarif \(got 'xml'\)/],
      [['check'], /^partnership: check needs at least one file or folder/],
      [['frobnicate'], /^partnership: unknown command 'frobnicate'/],
      [['check', '--nope', 'examples'], /^partnership: Unknown option '--nope'/],
      [['matrix', 'examples/service-birmingham/service-birmingham.partnership', 'extra'], /^partnership: matrix takes exactly one file/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, message);
    }
  });

  it('stops quietly when the reader of its output closes the pipe early', () => {
    // `head -c 1` reads one byte and exits while the calendar is still being written.
    const bin = path.join(repoRoot, 'bin', 'partnership.js');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" calendar examples | head -c 1 >/dev/null`], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, 'the pipeline ends as its reader does');
    assert.equal(r.stderr.includes('EPIPE'), false, r.stderr);
    assert.equal(r.stderr.includes('Unhandled'), false, r.stderr);
  });

  it('answers --help and --version', () => {
    assert.match(run(['--help']).stdout, /Usage: partnership <command>/);
    assert.equal(run(['--version']).stdout.trim(), JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
  });

  it('passes the whole shared corpus through the outside reader of the CLI\'s JSON', function () {
    this.timeout(180000);
    const tool = path.resolve(sharedCorpus, '..', 'tools', 'corpus_check.py');
    const r = spawnSync('python3', [tool, sharedCorpus, process.execPath, path.join(repoRoot, 'bin', 'partnership.js')], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^13\/13 cases pass$/m);
  });
});
