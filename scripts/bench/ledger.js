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
