'use strict';
// `npm test` after the build: the mocha suite (core, CLI, server, preview), then the
// end-to-end tests in a real VS Code, and one closing line with the total for both.
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let last = null;
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      for (const m of chunk.toString().matchAll(/^(\d+) passed, (\d+) failed/gm)) last = { passed: Number(m[1]), failed: Number(m[2]) };
    });
    child.on('close', (code) => resolve({ code, summary: last }));
  });
}

(async () => {
  const suites = [
    ['unit and integration', [require.resolve('mocha/bin/mocha.js')]],
    ['end-to-end', [path.join(root, 'test', 'e2e', 'run.js')]],
  ];
  let passed = 0;
  let failed = 0;
  let exit = 0;
  for (const [name, args] of suites) {
    const { code, summary } = await run(args);
    if (!summary) console.log(`${name}: no summary line (exit ${code})`);
    passed += summary?.passed ?? 0;
    failed += summary?.failed ?? (code === 0 ? 0 : 1);
    if (code !== 0) exit = 1;
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = exit || (failed > 0 ? 1 : 0);
})();
