// Starts the language server for editors other than VS Code (bin/partnership-language-server.js)
// with the engine settings of shared/src/engine-flags.ts. The engine reads them only when it
// starts, so the server runs in a new engine given them, when this one accepts them; otherwise
// it runs here without them. The settings only make the server faster: no engine may refuse
// to start it because of one.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { constants } from 'node:os';
import * as path from 'node:path';
import { acceptedEngineFlags, ENGINE_FLAGS } from '../../../shared/out/engine-flags';

/**
 * The server the new engine runs: the bundle VS Code starts, run from its code cache
 * (`lsp/start.ts`), as `npm run build` makes it; the compiled modules after `tsc -b` alone.
 */
const BUNDLED = path.join(__dirname, '..', '..', '..', 'dist', 'server.js');
const SERVER_MAIN = fs.existsSync(BUNDLED) ? BUNDLED : path.join(__dirname, 'main.js');

/** What an editor sends to stop the server; the new engine's process receives it as well. */
const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export async function launchServer(args: readonly string[]): Promise<void> {
  const given = ENGINE_FLAGS.every((flag) => process.execArgv.includes(flag));
  const flags = given ? [] : await acceptedEngineFlags();
  if (flags.length === 0) return runHere();
  // The new engine shares this process's standard streams: the editor talks to it directly.
  const server = spawn(process.execPath, [...process.execArgv, ...flags, SERVER_MAIN, ...args], { stdio: 'inherit', windowsHide: true });
  server.once('spawn', () => {
    for (const signal of FORWARDED_SIGNALS) process.on(signal, () => server.kill(signal));
  });
  // No new process (too many processes, say): the server runs here instead.
  server.once('error', () => {
    if (server.pid === undefined) void runHere();
  });
  server.once('exit', (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
}

async function runHere(): Promise<void> {
  await import('./main');
}
