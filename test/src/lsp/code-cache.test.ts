// The engine's code cache kept beside a bundled script (server/src/engine/code-cache.ts), and the
// bundled language server started through it (dist/server.js), as the VS Code client starts it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheFileOf } from '../../../server/out/engine/code-cache';
import { LspClient } from '../helpers/lsp-client';
import { repoRoot } from '../helpers/paths';

const codeCache = path.join(repoRoot, 'server', 'out', 'engine', 'code-cache.js');

/** Runs `file` through the code cache in a process of its own: what it printed, then what became of the cache. */
function start(file: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['-e', `const run = require(${JSON.stringify(codeCache)}).runWithCodeCache(${JSON.stringify(file)}); process.stdout.write('exports ' + JSON.stringify(run.exports) + '\\ncache ' + run.cache + '\\n')`], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const cachesIn = (folder: string): string[] => fs.readdirSync(folder).filter((name) => name.endsWith('.code-cache')).sort();

describe('the code cache beside a bundled script', () => {
  let folder: string;
  let script: string;
  // A script that reads what `require` gives a CommonJS file: its own name and folder, and modules.
  const source = "const path = require('node:path');\nprocess.stdout.write('ran ' + path.basename(__filename) + ' in ' + path.basename(__dirname) + '\\n');\nfunction later() { return 42; }\nmodule.exports = { answer: later() };\n";

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-cache-'));
    script = path.join(folder, 'main.js');
    fs.writeFileSync(script, source);
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('runs the script as require would, makes the cache as the process exits, and the next start uses it', () => {
    const first = start(script);
    assert.equal(first.stdout, `ran main.js in ${path.basename(folder)}\nexports {"answer":42}\ncache made\n`);
    assert.deepEqual(cachesIn(folder), [path.basename(cacheFileOf(script, source))]);
    const made = fs.readFileSync(cacheFileOf(script, source));
    const second = start(script);
    assert.equal(second.stdout, `ran main.js in ${path.basename(folder)}\nexports {"answer":42}\ncache used\n`);
    assert.deepEqual(fs.readFileSync(cacheFileOf(script, source)), made, 'a cache used is not written again');
    assert.equal(second.stderr, '');
  });

  it('leaves aside a cache the engine refuses, and makes it again', () => {
    fs.writeFileSync(cacheFileOf(script, source), 'not what the engine wrote');
    assert.equal(start(script).stdout, `ran main.js in ${path.basename(folder)}\nexports {"answer":42}\ncache made\n`);
    assert.notEqual(fs.readFileSync(cacheFileOf(script, source), 'utf8'), 'not what the engine wrote');
    assert.match(start(script).stdout, /cache used\n$/);
  });

  it('reads no cache made for another build of the script, and removes it', () => {
    start(script);
    const before = cacheFileOf(script, source);
    const rebuilt = source.replace('return 42', 'return 43');
    fs.writeFileSync(script, rebuilt);
    assert.match(start(script).stdout, /cache made\n$/);
    assert.deepEqual(cachesIn(folder), [path.basename(cacheFileOf(script, rebuilt))]);
    assert.ok(!fs.existsSync(before));
  });

  it('runs the script when its cache can be neither read nor written', () => {
    // A folder where the cache should be: neither a file to read nor a name to write to.
    fs.mkdirSync(cacheFileOf(script, source));
    fs.writeFileSync(path.join(cacheFileOf(script, source), 'inside'), '');
    const run = start(script);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `ran main.js in ${path.basename(folder)}\nexports {"answer":42}\ncache made\n`);
    assert.match(run.stderr, /code cache: .* not read/);
    assert.match(run.stderr, /code cache: .* not written/);
    assert.deepEqual(fs.readdirSync(folder).filter((name) => name.endsWith('.partial')), [], 'no half-written cache is left');
  });

  it('lets an error of the script be the script\'s own, running it once', () => {
    fs.writeFileSync(script, "process.stdout.write('ran\\n');\nthrow new Error('the script failed');\n");
    const run = start(script);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, 'ran\n');
    assert.match(run.stderr, /the script failed/);
    assert.match(run.stderr, /main\.js:2/, 'the error names the script\'s own line');
  });
});

describe('the bundled language server started from its code cache', () => {
  let folder: string;

  before(function () {
    if (!fs.existsSync(path.join(repoRoot, 'dist', 'server-main.js'))) this.skip();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-bundle-'));
    // A copy of the two bundles, so that the cache is made beside them and not in the build.
    for (const name of ['server.js', 'server-main.js']) fs.copyFileSync(path.join(repoRoot, 'dist', name), path.join(folder, name));
    fs.mkdirSync(path.join(folder, 'workspace'));
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  /** One editing session: the server started, a contract with a mistake opened, its diagnostics, the server stopped. */
  async function session(): Promise<string[]> {
    const client = new LspClient(['--stdio'], { server: path.join(folder, 'server.js') });
    const contract = path.join(folder, 'workspace', 'c.partnership');
    await client.initialize(path.join(folder, 'workspace'));
    await client.open(contract, 'partnership C "C" {\n  term 2010-01-01 to 2020-12-31\n  party A "A" as client\n  exclusive Nobody over A\n}\n');
    await client.until(() => client.diagnostics.size > 0, 'diagnostics');
    const codes = client.codes(contract);
    assert.equal(await client.shutDown(), 0);
    return codes;
  }

  it('answers as before when it starts from the cache its first session made', async () => {
    const first = await session();
    assert.deepEqual(first, ['4 P101', '4 P103']);
    const caches = cachesIn(folder);
    assert.equal(caches.length, 1, 'the first session leaves a cache beside the server');
    const made = fs.statSync(path.join(folder, caches[0])).mtimeMs;
    assert.deepEqual(await session(), first);
    assert.equal(fs.statSync(path.join(folder, caches[0])).mtimeMs, made, 'the second session used it');
  });
});
