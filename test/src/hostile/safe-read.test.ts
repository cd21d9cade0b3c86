// Issue 16, items 2, 3 and 8, and bytes that are not UTF-8: what the command line reads. Every
// run has a deadline, so a read that blocks fails the test instead of hanging it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isNetworkOrDevicePath, MAX_CONTRACT_BYTES } from '../../../server/out/files/safe-read';
import { cliPath } from '../helpers/paths';

const CONTRACT = 'partnership X "X" {\n  term 2010-01-01 to 2011-01-01\n}\n';

function cli(args: readonly string[], cwd: string) {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: 15000, env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(r.error, undefined, `partnership ${args.join(' ')} did not finish: ${r.error?.message}`);
  return r;
}

/** `check --format json` on a contract whose imports are `imports`: the P105 messages, by path. */
function importProblems(dir: string, imports: readonly string[]): Map<string, string> {
  fs.writeFileSync(path.join(dir, 'main.partnership'), imports.map((i) => `import "${i}"\n`).join('') + CONTRACT);
  const r = cli(['check', '--format', 'json', 'main.partnership'], dir);
  const report = JSON.parse(r.stdout) as { files: { diagnostics: { code: string; message: string; range: { start: { line: number } } }[] }[] };
  const out = new Map<string, string>();
  for (const d of report.files[0].diagnostics) if (d.code === 'P105') out.set(imports[d.range.start.line], d.message);
  return out;
}

describe('reading files safely (command line)', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-hostile-'));
  });

  it('refuses imports of anything but a regular .partnership file, without reading it', () => {
    fs.symlinkSync('/proc/self/environ', path.join(dir, 'environ.partnership'));
    spawnSync('mkfifo', [path.join(dir, 'pipe.partnership')]);
    const problems = importProblems(dir, ['/proc/kmsg', '/etc/passwd', '/proc/self/environ', 'environ.partnership', 'pipe.partnership', '/dev/zero']);
    assert.match(problems.get('/proc/kmsg')!, /only `\.partnership` files can be imported/);
    assert.match(problems.get('/etc/passwd')!, /only `\.partnership` files can be imported/);
    assert.match(problems.get('/proc/self/environ')!, /only `\.partnership` files/);
    assert.match(problems.get('environ.partnership')!, /device or kernel file/);
    assert.match(problems.get('pipe.partnership')!, /not a regular file/);
    assert.match(problems.get('/dev/zero')!, /only `\.partnership` files/);
  });

  it('an import over the size cap is P105 "too large" and is not read', () => {
    // A sparse file: its size is over the cap, its blocks cost nothing.
    fs.closeSync(fs.openSync(path.join(dir, 'huge.partnership'), 'w'));
    fs.truncateSync(path.join(dir, 'huge.partnership'), MAX_CONTRACT_BYTES + 1);
    const problems = importProblems(dir, ['huge.partnership']);
    assert.match(problems.get('huge.partnership')!, /too large \(65 MB; the limit is 64 MB\)/);
  });

  it('a device or a FIFO named on the command line is one line on standard error and exit 2', () => {
    spawnSync('mkfifo', [path.join(dir, 'pipe.partnership')]);
    for (const named of ['/dev/zero', 'pipe.partnership']) {
      const r = cli(['check', named], dir);
      assert.equal(r.status, 2, named);
      assert.equal(r.stderr, `partnership: ${named} is not a regular file or folder. Run 'partnership --help' for usage.\n`);
      assert.equal(r.stdout, '');
    }
  });

  it('bytes that are not UTF-8 are a P001 at the first of them, not a silent U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('partnership X "caf'), Buffer.from([0xe9]), Buffer.from('" {\n  term 2010-01-01 to 2011-01-01\n}\n')]);
    fs.writeFileSync(path.join(dir, 'latin1.partnership'), bytes);
    const r = cli(['check', 'latin1.partnership'], dir);
    assert.match(r.stdout, /latin1\.partnership:1:19 error P001 This file is not valid UTF-8: byte 19 \(0xE9\) cannot be decoded/);
    fs.writeFileSync(path.join(dir, 'fine.partnership'), '\ufeff' + CONTRACT.replace('"X"', '"caf\u00e9 \ufffd"'));
    assert.doesNotMatch(cli(['check', 'fine.partnership'], dir).stdout, /UTF-8/);
  });

  it('network and device paths are recognised in either spelling', () => {
    for (const p of ['//host/share/x.partnership', '\\\\host\\share\\x.partnership', '\\\\?\\C:\\x.partnership', '\\\\.\\COM1']) assert.ok(isNetworkOrDevicePath(p), p);
    for (const p of ['/home/x.partnership', 'C:\\x.partnership', 'shared/x.partnership']) assert.ok(!isNetworkOrDevicePath(p), p);
  });
});
