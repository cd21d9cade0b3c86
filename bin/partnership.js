#!/usr/bin/env node
'use strict';
// The `partnership` command. The implementation is compiled TypeScript in server/out.
let cli;
try {
  cli = require('../server/out/cli/main.js');
} catch (error) {
  process.stderr.write('partnership: the tools are not built yet; run `npm ci` (or `npm run build`) in the repository first.\n');
  process.exit(2);
}
const code = cli.main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
process.exitCode = code;
