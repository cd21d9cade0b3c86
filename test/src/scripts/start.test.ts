// `npm start` without the editor, as a newcomer first runs it: the portfolio's errors are
// explained as the point of that example, and the matrices are written where git ignores them.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../helpers/paths';

describe('npm start (--no-editor)', () => {
  it('says the portfolio’s errors are intended, right after they are counted', function () {
    this.timeout(60000);
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'start.js'), '--no-editor'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 0, r.stderr);
    const portfolio = r.stdout.slice(r.stdout.indexOf('== Checking examples/portfolio'), r.stdout.indexOf('== Checking examples/service-birmingham'));
    assert.match(portfolio, /^4 errors, .*\nThese errors are the point of this example: .*examples\/README\.md\)\.\n/m);
    assert.doesNotMatch(r.stdout.slice(r.stdout.indexOf('== Checking examples/service-birmingham')), /point of this example/);
    assert.match(r.stdout, /Obligation matrices \(HTML\) written to .*matrices:/);
  });
});
