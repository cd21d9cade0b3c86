// The 50 MB contract's `partnership matrix --format csv -o out.csv`, in a process of its own as
// a person runs it: its time, peak resident memory (bound: 1 GB) and output size. A figure, not
// a test: machines vary.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** About 50 MB of contract: the generator writes some 221 bytes a norm. */
const NORMS = 225000;

function csvMatrixBench({ root, generate, record }) {
  const contract = `${generate(NORMS)}.partnership`;
  // The command checks the contract with the others of its folder: a folder of its own.
  const folder = path.join(path.dirname(contract), 'csv-matrix');
  fs.mkdirSync(folder, { recursive: true });
  const input = path.join(folder, 'contract.partnership');
  fs.renameSync(contract, input);
  const output = path.join(folder, 'matrix.csv');
  const script = `
    const { main } = require(${JSON.stringify(path.join(root, 'server', 'out', 'cli', 'main.js'))});
    const started = process.hrtime.bigint();
    const code = main(['matrix', ${JSON.stringify(input)}, '--format', 'csv', '-o', ${JSON.stringify(output)}], { stdout: () => undefined, stderr: () => undefined, isTty: false });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stdout.write(JSON.stringify({ code, seconds, rss: process.resourceUsage().maxRSS }));`;
  const measured = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 }));
  if (measured.code !== 0) throw new Error(`matrix --format csv exited ${measured.code}`);
  const megabytes = (file) => fs.statSync(file).size / 1e6;
  console.log(`50 MB contract (${megabytes(input).toFixed(1)} MB, ${NORMS.toLocaleString('en-GB')} norms): matrix --format csv writes ${megabytes(output).toFixed(0)} MB`);
  record('50 MB contract: matrix --format csv', 's', [measured.seconds]);
  record('50 MB contract: matrix --format csv peak RSS', 'MB', [measured.rss / 1024], '<= 1024 MB');
  fs.rmSync(folder, { recursive: true, force: true });
}

module.exports = { csvMatrixBench };
