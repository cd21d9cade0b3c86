'use strict';
// The obligation ledger's benchmark inputs: the 5,000-norm bench contract with every KPI
// measured monthly and KPIs added up to 200, and ten years of monthly results for each of them
// (24,000 result rows) with the obligations done, some late, and the events that start
// relative deadlines. Deterministic: the same contract gives the same results file.

const fs = require('node:fs');
const path = require('node:path');

const KPIS = 200;
const YEARS = 10;

/** Writes `<folder>/contract.partnership` and `<folder>/contract.results.csv`; returns their paths. */
function writeLedgerBench(prefix, folder) {
  fs.mkdirSync(folder, { recursive: true });
  let text = fs.readFileSync(`${prefix}.partnership`, 'utf8').replace(/^(\s+)measured (quarterly|yearly)$/gm, '$1measured monthly');
  const kpis = [...text.matchAll(/^  kpi (\w+) "[^"]*" \{\n([\s\S]*?)^  \}/gm)].map((m) => ({ name: m[1], target: /^\s+target ([<>]=?) ([\d.]+)(%?)/m.exec(m[2]) }));
  const extra = [];
  for (let i = kpis.length; i < KPIS; i++) {
    const name = `KL${String(i).padStart(4, '0')}`;
    extra.push(`  kpi ${name} "Ledger indicator ${i}" {\n    owner Supplier\n    target >= 95%\n    measured monthly\n  }\n`);
    kpis.push({ name, target: ['', '>=', '95', '%'] });
  }
  text = text.replace(/\n}\n$/, `\n\n${extra.join('\n')}}\n`);
  const start = /^\s+term (\d{4})-(\d{2})-(\d{2}) to/m.exec(text);
  const firstYear = Number(start[1]);
  const rows = ['kind,name,date,value,note'];
  kpis.forEach((kpi, k) => {
    if (!kpi.target) return;
    const [, op, figure, percent] = kpi.target;
    const target = Number(figure);
    for (let m = 0; m < YEARS * 12; m++) {
      const seed = (k * 131 + m * 17) % 97;
      if (seed === 0) continue; // a month without a result: `missing`
      const fails = seed < 6;
      const good = op.startsWith('>') ? Math.min(100, target + 1 + (seed % 3)) : Math.max(0, target - 1 - (seed % 2));
      const bad = op.startsWith('>') ? target - 3 - (seed % 4) : target + 2 + (seed % 5);
      const month = `${firstYear + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      rows.push(`result,${kpi.name},${month},${fails ? bad : good}${percent},${fails ? '"Below target, see the monthly report"' : ''}`);
    }
  });
  // Obligations due on a day in the ten years: done, one in seven late.
  let n = 0;
  for (const m of text.matchAll(/^  obligation (\w+) "[^"]*" \{\n[^}]*?due (\d{4}-\d{2}-\d{2})/gm)) {
    const due = m[2];
    if (Number(due.slice(0, 4)) >= firstYear + YEARS) continue;
    const late = n++ % 7 === 0;
    rows.push(`done,${m[1]},${late ? shift(due, 12) : shift(due, -3)},,`);
  }
  // Each event happens twice, so its relative deadlines arise.
  for (const m of text.matchAll(/^  event (\w+) /gm)) {
    rows.push(`event,${m[1]},${firstYear + 2}-05-03,,`, `event,${m[1]},${firstYear + 6}-09-14,,`);
  }
  const contract = path.join(folder, 'contract.partnership');
  const results = path.join(folder, 'contract.results.csv');
  fs.writeFileSync(contract, text);
  fs.writeFileSync(results, rows.join('\n') + '\n');
  return { contract, results, rows: rows.length - 1, kpis: kpis.length };
}

function shift(day, days) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

module.exports = { writeLedgerBench };

/** A command of the CLI as a process: its time and its peak resident memory (MB), read by the process itself. */
function timedCommand(root, args) {
  const { spawnSync } = require('node:child_process');
  const bin = path.join(root, 'bin', 'partnership.js');
  const probe = `process.on('exit',()=>process.stderr.write('\\nPEAK-RSS '+process.resourceUsage().maxRSS+'\\n'));process.argv=[process.argv[0],${JSON.stringify(bin)},...${JSON.stringify(args)}];require(${JSON.stringify(bin)});`;
  const t = performance.now();
  const r = spawnSync(process.execPath, ['-e', probe], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, encoding: 'utf8' });
  const ms = performance.now() - t;
  // Exit 1 (a contract or results file with an error) still measures; anything else is a failure.
  if (r.status !== 0 && r.status !== 1) throw new Error(`partnership ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return { ms, peakMB: Number(/PEAK-RSS (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024 };
}

module.exports.timedCommand = timedCommand;

/**
 * The obligation ledger's figures (ledger.md): `status` and `calendar` as whole processes on the
 * 5,000-norm contract with 200 monthly KPIs and ten years of results, and an edit of the open
 * results file to the preview's status view over LSP (the request the preview sends).
 */
async function ledgerBench({ root, prefix, folder, record, runs, serverCommand }) {
  const bench = writeLedgerBench(prefix, folder);
  console.log(`(ledger: ${bench.kpis} KPIs, ${bench.rows} results rows)`);
  const on = ['--on', '2020-01-15'];
  const status = [];
  const statusJson = [];
  const calendar = [];
  for (let i = 0; i < runs; i++) {
    status.push(timedCommand(root, ['status', folder, ...on]));
    statusJson.push(timedCommand(root, ['status', folder, ...on, '--format', 'json']));
    calendar.push(timedCommand(root, ['calendar', folder]));
  }
  record('ledger: partnership status (text)', 'ms', status.map((r) => r.ms), '<= 1000 ms');
  record('ledger: partnership status (text), peak RSS', 'MB', status.map((r) => r.peakMB), '<= 300 MB');
  record('ledger: partnership status --format json', 'ms', statusJson.map((r) => r.ms));
  record('ledger: partnership status --format json, peak RSS', 'MB', statusJson.map((r) => r.peakMB));
  record('ledger: partnership calendar (ics)', 'ms', calendar.map((r) => r.ms), '<= 1000 ms');
  record('ledger: results edit to status view', 'ms', await resultsEditToStatus(bench, serverCommand, runs), '<= 150 ms');
}

async function resultsEditToStatus(bench, serverCommand, runs) {
  const { pathToFileURL } = require('node:url');
  const { server, connection } = require('./server.js').startServer(serverCommand);
  const folder = path.dirname(bench.contract);
  const uri = (f) => pathToFileURL(f).toString();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: uri(folder), workspaceFolders: [{ uri: uri(folder), name: 'ledger' }], capabilities: {} });
  await connection.sendNotification('initialized', {});
  const contractText = fs.readFileSync(bench.contract, 'utf8');
  let results = fs.readFileSync(bench.results, 'utf8');
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(bench.contract), languageId: 'partnership', version: 1, text: contractText } });
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(bench.results), languageId: 'partnership-results', version: 1, text: results } });
  // As the preview asks: naming the answer it holds, and making the whole view from the change.
  const { applyStatusAnswer } = require('../../shared/out/status-delta.js');
  let held = null;
  const ask = async () => {
    const answer = await connection.sendRequest('partnership/status', { uri: uri(bench.contract), on: '2020-01-15', since: held?.id ?? null });
    const view = answer && applyStatusAnswer(held, answer);
    held = view ? { id: answer.id, view } : null;
    return view;
  };
  await ask(); // the first answer works out everything once
  const samples = [];
  // Each edit types one more row at the end, as the editor sends it: a ranged change.
  // As many edits as the other editor figures make, the median taken the same way.
  for (let i = 0; i < Math.max(runs * 3, 15); i++) {
    const row = `done,N000001,2019-0${1 + (i % 9)}-02,,edit ${i}\n`;
    const end = { line: results.split('\n').length - 1, character: 0 };
    results += row;
    const t = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(bench.results), version: i + 2 }, contentChanges: [{ range: { start: end, end }, text: row }] });
    const view = await ask();
    if (!view || !Array.isArray(view.obligations)) throw new Error('no status view');
    samples.push(performance.now() - t);
  }
  server.kill();
  return samples;
}

module.exports.ledgerBench = ledgerBench;
