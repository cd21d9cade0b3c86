// What `npm start` (and the end-to-end tests) say before installing Debian packages: which ones
// and why, where the installer's output goes, and, for anyone but root, the exact command to
// run instead of a password prompt in the middle of the output.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { repoRoot } from '../helpers/paths';

const { aptPlan, wantedPackages } = require(path.join(repoRoot, 'scripts', 'vscode', 'setup.js')) as {
  aptPlan(missing: string[], isRoot: boolean): { say: string[]; refuse: string | null };
  wantedPackages(forTests: boolean): string[];
};

describe('installing the editor’s Debian packages', () => {
  it('asks only for what the editor needs when started for a person, and chromium too for the tests', () => {
    assert.deepEqual(wantedPackages(false), ['libkrb5-dev']);
    assert.deepEqual(wantedPackages(true), ['chromium', 'libkrb5-dev']);
  });

  it('says what it installs and why, and where the output goes, before installing as root', () => {
    const plan = aptPlan(['libkrb5-dev'], true);
    assert.equal(plan.refuse, null);
    assert.match(plan.say[0], /Missing Debian packages:\n {2}libkrb5-dev: Kerberos headers, which code-server needs/);
    assert.match(plan.say[1], /Installing them: apt-get update && apt-get install -y --no-install-recommends libkrb5-dev .*output in \.vscode-test\/setup\.log/);
  });

  it('gives anyone else the exact command to run, and installs nothing', () => {
    const plan = aptPlan(['chromium', 'libkrb5-dev'], false);
    assert.equal(plan.say.length, 1);
    assert.match(plan.say[0], /chromium: the browser the end-to-end tests drive/);
    assert.ok(plan.refuse?.includes("sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends chromium libkrb5-dev'"), plan.refuse ?? '');
  });
});
