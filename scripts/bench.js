'use strict';
// `npm run bench`: prints the performance figures (median, min, max over several runs) and
// writes them to reports/bench.json. Figures, not assertions: shared machines vary. The
// contracts are the shared generator's with the second version's constructs added
// (bench/second-version.js).
//   - full parse throughput of a 5,000-norm contract, against JSON.parse of the same records
//   - `partnership check` on it as a whole process
//   - the language server through ../shared/bench/lsp-bench.mjs at 5,000 and 50,000 norms
//   - what an edit costs the server itself at both sizes, without transport or harness (bench/edit-cost.js)
//   - indexing a workspace of 1,000 contracts of 100 norms, and an edit's cross-file update
//   - the openings and the workspace again on the first version's contracts, without the second version's constructs
//   - the obligation ledger: status and calendar with ten years of results, a results edit to the status view
//   - the matrix preview in chromium: from an edit to the page showing it
// BENCH_QUICK=1 runs fewer rounds.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { acceptedEngineFlags } = require('../shared/out/engine-flags.js');
const secondVersion = require('./bench/second-version.js');
const ledger = require('./bench/ledger.js');
const { csvMatrixBench } = require('./bench/csv-matrix.js');
const { editCostBench } = require('./bench/edit-cost.js');
const { startServer } = require('./bench/server.js');

const root = path.resolve(__dirname, '..');
const shared = path.resolve(root, '..', 'shared', 'bench');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-bench-'));
const quick = process.env.BENCH_QUICK === '1';
const report = { machine: { cpus: os.cpus().length, node: process.version }, figures: {} };

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { median: round(median), min: round(sorted[0]), max: round(sorted[sorted.length - 1]), runs: sorted.length };
}
const round = (n) => Math.round(n * 10) / 10;

function record(name, unit, samples, target) {
  const s = stats(samples);
  report.figures[name] = { unit, ...s, target };
  console.log(`${name.padEnd(46)} median ${String(s.median).padStart(8)} ${unit.padEnd(5)} (min ${s.min}, max ${s.max}, ${s.runs} runs)${target ? `  target ${target}` : ''}`);
}

/**
 * A contract of `norms` norms: the shared generator's, with the second version's constructs
 * added (bench/second-version.js); with `firstVersion`, the generator's own contract, in the
 * first version of the language.
 */
function generate(norms, { firstVersion = false } = {}) {
  const prefix = path.join(work, firstVersion ? `v1-c${norms}` : `c${norms}`);
  execFileSync(process.execPath, [path.join(shared, 'gen-partnership.mjs'), String(norms), prefix], { stdio: 'ignore' });
  if (!firstVersion) secondVersion.rewrite(prefix);
  return prefix;
}

function parseThroughput(prefix) {
  const { parseDocument } = require('../server/out/core/syntax/parse.js');
  const text = fs.readFileSync(`${prefix}.partnership`, 'utf8');
  const json = fs.readFileSync(`${prefix}.json`, 'utf8');
  const mb = Buffer.byteLength(text) / 1e6;
  // The parser's speed varies with when the collector runs: many runs, after a few to warm up.
  const runs = quick ? 3 : 15;
  for (let i = 0; i < 3; i++) parseDocument('/bench.partnership', text);
  const parse = [];
  const jsonParse = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    parseDocument('/bench.partnership', text);
    parse.push(performance.now() - t);
    t = performance.now();
    JSON.parse(json);
    jsonParse.push(performance.now() - t);
  }
  record('full parse, 5,000 norms', 'ms', parse);
  record('full parse throughput', 'MB/s', parse.map((ms) => mb / (ms / 1000)), '>= 10 MB/s');
  record('JSON.parse of the same records', 'ms', jsonParse);
  report.figures['parse / JSON.parse ratio'] = { unit: 'x', median: round(stats(parse).median / stats(jsonParse).median) };
  console.log(`${'parse / JSON.parse ratio'.padEnd(46)} ${report.figures['parse / JSON.parse ratio'].median} x`);
}

function cliCheck(prefix) {
  const samples = [];
  for (let i = 0; i < (quick ? 3 : 5); i++) {
    const t = performance.now();
    execFileSync(process.execPath, [path.join(root, 'bin', 'partnership.js'), 'check', `${prefix}.partnership`], { stdio: 'ignore' });
    samples.push(performance.now() - t);
  }
  record('partnership check, 5,000 norms, whole process', 'ms', samples, '<= 1000 ms');
}

/**
 * The language server as the VS Code client starts it (client/src/extension.ts): the bundled
 * server, dist/server.js, in an engine given the settings of shared/src/engine-flags.ts when it
 * accepts them (`main` asks it and adds them). The server file for other editors starts the
 * same bundle in a second process, whose first process would be the one measured.
 */
const serverCommand = [process.execPath, path.join(root, 'dist', 'server.js'), '--stdio'];

/**
 * The LSP harness on one contract. The workspace folder holds only the contract, as when a
 * lawyer opens it; the default root, the working directory, would add the repository's own
 * example and test contracts to the first analysis.
 */
function lspBench(prefix, label, args, targets) {
  const out = path.join(work, `${label}.json`);
  const folder = path.join(work, `${path.basename(prefix)}-workspace`);
  fs.mkdirSync(folder);
  execFileSync(process.execPath, [
    path.join(shared, 'lsp-bench.mjs'), '--doc', `${prefix}.partnership`, '--lang', 'partnership', '--quiet', '--json', out,
    '--root', folder, '--uri-dir', folder,
    '--edit-find', 'clause "', '--hover-find', 'accountable ', '--hover-offset', '12', ...args,
    '--', ...serverCommand,
  ], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 900000 });
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  const samples = {};
  for (const run of result.runs) for (const [key, value] of Object.entries(run)) if (typeof value === 'number' || Array.isArray(value)) (samples[key] ??= []).push(...[value].flat().filter((v) => typeof v === 'number'));
  for (const [key, name] of Object.entries({ coldOpenMs: 'open to first diagnostics', changeMs: 'edit to diagnostics', burstLastKeyToDiagMs: '10 keystrokes: last key to diagnostics', hoverMs: 'hover', peakRssMB: 'peak RSS' })) {
    const values = samples[key];
    if (Array.isArray(values) && values.length) record(`${label}: ${name}`, key === 'peakRssMB' ? 'MB' : 'ms', values, targets[key]);
  }
}

/**
 * A workspace of 1,000 contracts: time to index (diagnostics for all) and for an edit to reach
 * another file. `label` names the figures; `firstVersion`, the contracts' (see `generate`).
 */
async function workspaceBench(label = '1,000-file workspace', { firstVersion = false } = {}) {
  const dir = path.join(work, firstVersion ? 'v1-workspace' : 'workspace');
  fs.mkdirSync(dir);
  const base = fs.readFileSync(`${generate(100, { firstVersion })}.partnership`, 'utf8');
  // Contract 0 holds an exclusive grant over a catalogue scope; an edit to it reaches contract 1.
  fs.writeFileSync(path.join(dir, 'catalogue.partnership'), 'partnership Catalogue "Catalogue" {\n  term 2010-01-01 to 2030-12-31\n  scope Shared "Shared work"\n}\n');
  for (let i = 0; i < 1000; i++) {
    const extra = i < 2 ? `  party Holder${i} "Holder ${i}" as supplier\n  exclusive Holder${i} over Catalogue.Shared\n` : '';
    fs.writeFileSync(path.join(dir, `contract-${i}.partnership`), `import "catalogue.partnership"\n` + base.replace('partnership Generated', `partnership Contract${i}`).replace(/\n}\n$/, `\n${extra}}\n`));
  }
  const published = new Map();
  let onPublish = () => {};
  const { server, connection } = startServer(serverCommand, { onDiagnostics: (p) => { published.set(p.uri, p); onPublish(); } });
  const until = (test) => new Promise((resolve) => { onPublish = () => test() && resolve(); onPublish(); });
  const uri = (f) => pathToFileURL(path.join(dir, f)).toString();
  const t0 = performance.now();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).toString(), workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'w' }], capabilities: {} });
  await connection.sendNotification('initialized', {});
  await until(() => published.size >= 1001);
  record(`${label}: indexing to all diagnostics`, 'ms', [performance.now() - t0], '<= 5000 ms');
  const has201 = () => (published.get(uri('contract-1.partnership'))?.diagnostics ?? []).some((d) => d.code === 'P201');
  const text = fs.readFileSync(path.join(dir, 'contract-0.partnership'), 'utf8');
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('contract-0.partnership'), languageId: 'partnership', version: 1, text } });
  await until(has201);
  const samples = [];
  for (let v = 2; v < (quick ? 4 : 8); v += 2) {
    let t = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('contract-0.partnership'), version: v }, contentChanges: [{ text: text.replace(/  exclusive Holder0 over Catalogue.Shared\n/, '') }] });
    await until(() => !has201());
    samples.push(performance.now() - t);
    t = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('contract-0.partnership'), version: v + 1 }, contentChanges: [{ text }] });
    await until(has201);
    samples.push(performance.now() - t);
  }
  record(`${label}: edit to cross-file update`, 'ms', samples, '<= 150 ms');
  server.kill();
}

/** A language server over stdio with the contract `${prefix}.partnership` open, alone in a folder named `name`. */
async function openInServer(prefix, name) {
  const dir = path.join(work, name);
  fs.mkdirSync(dir);
  const text = fs.readFileSync(`${prefix}.partnership`, 'utf8');
  const file = path.join(dir, 'contract.partnership');
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  const { server, connection } = startServer(serverCommand);
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).toString(), capabilities: {} });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'partnership', version: 1, text } });
  return { server, connection, uri, text };
}

/** Completion in the 5,000-norm contract: parties after `accountable `, in the middle of the file. */
async function completionBench(prefix) {
  const { server, connection, uri, text } = await openInServer(prefix, 'completion');
  const at = text.indexOf('accountable ', text.length / 2) + 'accountable '.length;
  const before = text.slice(0, at);
  const position = { line: before.split('\n').length - 1, character: at - before.lastIndexOf('\n') - 1 };
  const ask = () => connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
  const first = await ask(); // waits for the first analysis
  if (!first || (Array.isArray(first) ? first : first.items).length === 0) throw new Error('completion returned nothing');
  const samples = [];
  for (let i = 0; i < (quick ? 5 : 15); i++) {
    const t = performance.now();
    await ask();
    samples.push(performance.now() - t);
  }
  record('5,000 norms: completion', 'ms', samples, '<= 20 ms');
  server.kill();
}

/**
 * The matrix preview in the 5,000-norm contract: from an edit to the page showing it. As the
 * extension does: wait its debounce, ask the server for the change since the matrix the page
 * holds, post it to the page (the real page script and shell in Debian's chromium), and wait
 * until the edited row shows the change. Also the longest task the page ran meanwhile, which
 * tells whether it froze.
 */
async function previewBench(prefix) {
  const { chromium } = require('playwright-core');
  const { previewHtml } = require('../client/out/preview/html.js');
  const CLIENT_DEBOUNCE_MS = 30; // client/src/preview/matrix-preview.ts
  const { server, connection, uri, text } = await openInServer(prefix, 'preview');

  const origin = 'https://webview.bench';
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const page = await browser.newPage();
  await page.addInitScript(() => {
    globalThis.acquireVsCodeApi = () => ({ postMessage: () => {}, getState: () => undefined, setState: () => {} });
    globalThis.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) globalThis.__longTasks.push(e.duration); }).observe({ type: 'longtask' });
  });
  await page.route(`${origin}/**`, (route) => {
    const files = {
      '/': ['text/html', previewHtml({ cspSource: origin, nonce: 'YmVuY2gtbm9uY2U', scriptUri: `${origin}/preview.js`, styleUri: `${origin}/preview.css`, timelineStyleUri: `${origin}/timeline.css` })],
      '/preview.js': ['text/javascript', fs.readFileSync(path.join(root, 'media', 'preview.js'), 'utf8')],
      '/preview.css': ['text/css', fs.readFileSync(path.join(root, 'media', 'preview.css'), 'utf8')],
      '/timeline.css': ['text/css', fs.readFileSync(path.join(root, 'media', 'timeline.css'), 'utf8')],
    };
    const found = files[new URL(route.request().url()).pathname];
    return found ? route.fulfill({ contentType: found[0], body: found[1] }) : route.fulfill({ status: 404 });
  });
  await page.goto(`${origin}/`);
  // As the extension does: ask for the change since the matrix the page holds, and pass it on.
  // It crosses into the page as JSON text, as a webview message does.
  let held = null;
  const update = async () => {
    const answer = await connection.sendRequest('partnership/matrixUpdate', { uri, since: held });
    held = answer.id;
    await page.evaluate((json) => window.postMessage({ ...JSON.parse(json), type: 'matrix', fileName: 'contract.partnership' }, '*'), JSON.stringify(answer));
    return answer;
  };
  const first = await update();
  const rows = first.matrix.groups.reduce((n, g) => n + g.rows.length, 0);
  await page.waitForFunction((n) => document.querySelectorAll('tr.norm').length === n, rows, { timeout: 120000 });

  // Edit the clause of the norm nearest the middle, as a lawyer types into it.
  const at = text.indexOf('clause "', text.length / 2) + 'clause "'.length;
  const norm = [...text.slice(0, at).matchAll(/(?:obligation|permission|prohibition) (\w+)/g)].pop()[1];
  const samples = [];
  const longest = [];
  let current = text;
  for (let v = 2; v < (quick ? 6 : 12); v++) {
    const mark = `E${v}`;
    current = current.slice(0, at) + mark + current.slice(at).replace(/^E\d+/, '');
    await page.evaluate(() => (globalThis.__longTasks = []));
    const t = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: current }] });
    await new Promise((resolve) => setTimeout(resolve, CLIENT_DEBOUNCE_MS));
    await update();
    await page.waitForFunction(([n, m]) => document.querySelector(`tr[data-norm="${n}"]`)?.textContent.includes(m), [norm, mark], { timeout: 60000 });
    samples.push(performance.now() - t);
    longest.push(Math.max(0, ...(await page.evaluate(() => globalThis.__longTasks))));
  }
  record('5,000 norms: edit to matrix preview updated', 'ms', samples, '<= 150 ms');
  record('5,000 norms: longest page task during an update', 'ms', longest);
  await browser.close();
  server.kill();
}

// BENCH_ONLY=parse,cli,5k,completion,50k,edit,csv,workspace,first-version,ledger,preview runs only the groups named.
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((g) => g.trim())) : null;
const wanted = (group) => !only || only.has(group);

async function main() {
  const engineFlags = await acceptedEngineFlags();
  serverCommand.splice(1, 0, ...engineFlags);
  console.log(`Benchmarks on ${report.machine.cpus} cores, Node ${report.machine.node}${quick ? ' (quick)' : ''}, server engine settings: ${engineFlags.join(' ') || 'none accepted'}\n`);
  const c5k = generate(5000);
  if (wanted('parse')) parseThroughput(c5k);
  if (wanted('cli')) cliCheck(c5k);
  if (wanted('5k')) {
    // Five servers: the open is measured once per server, and this machine's figures vary by
    // a fifth from one run to the next.
    lspBench(c5k, '5,000 norms', ['--spawns', quick ? '1' : '5', '--changes', '7', '--hovers', '7', '--burst', '10'],
      { coldOpenMs: '<= 250 ms', changeMs: '<= 50 ms', burstLastKeyToDiagMs: '<= 100 ms', hoverMs: '<= 5 ms', peakRssMB: '<= 300 MB' });
  }
  if (wanted('completion')) await completionBench(c5k);
  if (!quick && (wanted('50k') || wanted('edit'))) {
    const c50k = generate(50000);
    if (wanted('50k')) lspBench(c50k, '50,000 norms', ['--spawns', '1', '--changes', '5', '--hovers', '3', '--no-warm-open', '--timeout', '600000'],
      { coldOpenMs: '<= 1500 ms', changeMs: '<= 100 ms', peakRssMB: '<= 1500 MB' });
    if (wanted('edit')) editCostBench({ root, contracts: [['5,000 norms', c5k], ['50,000 norms', c50k]], engineFlags, record });
  }
  if (!quick && wanted('csv')) csvMatrixBench({ root, generate, record });
  if (wanted('workspace')) await workspaceBench();
  // The openings and the workspace on the first version's contracts, the figures the build before
  // the second version was measured on (docs/performance.md, "Against the build the shape was asked of").
  if (!quick && wanted('first-version')) {
    const opening = ['--changes', '0', '--hovers', '0', '--no-warm-open', '--timeout', '600000'];
    lspBench(generate(5000, { firstVersion: true }), 'first version, 5,000 norms', ['--spawns', '5', ...opening], { coldOpenMs: '<= 250 ms', peakRssMB: '<= 300 MB' });
    lspBench(generate(50000, { firstVersion: true }), 'first version, 50,000 norms', ['--spawns', '1', ...opening], { coldOpenMs: '<= 1500 ms', peakRssMB: '<= 1500 MB' });
    await workspaceBench('first version, 1,000 files', { firstVersion: true });
  }
  if (wanted('ledger')) {
    await ledger.ledgerBench({ root, prefix: c5k, folder: path.join(work, 'ledger'), record, runs: quick ? 2 : 5, serverCommand });
  }
  if (wanted('preview')) {
    if (fs.existsSync('/usr/bin/chromium')) await previewBench(c5k);
    else console.log('matrix preview: skipped (needs /usr/bin/chromium: apt-get install chromium)');
  }
  fs.mkdirSync(path.join(root, 'reports'), { recursive: true });
  fs.writeFileSync(path.join(root, 'reports', 'bench.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(`\nWrote reports/bench.json`);
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(`bench: ${error.stack ?? error}`);
  process.exit(1);
});
