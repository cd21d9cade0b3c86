#!/usr/bin/env node
'use strict';
// The `partnership` command. The implementation is compiled TypeScript, bundled into one file
// (dist/cli.js) by the build and run from the engine's code cache kept beside it
// (server/src/engine/code-cache.ts: made when the first run ends, so later runs do not compile
// the code again); the compiled modules in server/out serve when the bundle is missing (a
// build of the TypeScript alone, `tsc -b`).
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
const codeCache = path.join(__dirname, '..', 'server', 'out', 'engine', 'code-cache.js');
// The engine's optimising tuned for a command run once (shared/src/engine-flags.ts), before the
// command's code is loaded. A build of the TypeScript is needed for it, as for the command.
const engineFlags = path.join(__dirname, '..', 'shared', 'out', 'engine-flags.js');
if (fs.existsSync(engineFlags)) require(engineFlags).tuneForOneRun(require('node:v8').setFlagsFromString);
let cli;
try {
  if (!fs.existsSync(bundle)) cli = require('../server/out/cli/main.js');
  else cli = fs.existsSync(codeCache) ? require(codeCache).runWithCodeCache(bundle).exports : require(bundle);
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /(server|shared)[\\/]out[\\/]/.test(String(error.message))) {
    process.stderr.write('partnership: the tools are not built yet; run `npm ci` (or `npm run build`) in the repository first.\n');
    process.exit(2);
  }
  throw error;
}
// A reader that stops early (`partnership calendar | head`) closes the pipe: the rest of the
// output has nowhere to go, which is the reader's choice, not a failure of the command.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit();
  throw error;
});
const code = cli.main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  // Nothing waits in the stream once written (files, and pipes and terminals on Linux, are
  // written at once): the bytes are free again, and the writer fills the same buffer anew.
  stdoutBytes: (bytes) => {
    process.stdout.write(bytes);
    return process.stdout.writableLength === 0;
  },
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
process.exitCode = code;
