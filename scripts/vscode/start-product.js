'use strict';
// A real VS Code for anyone who has none installed: starts code-server on 127.0.0.1 with this
// repository's extension in development mode and a copy of examples/ opened (auto-save would
// otherwise write a newcomer's experiments into the checkout), prints the address to open in a
// browser, and runs until Ctrl+C. Usage: node scripts/vscode/start-product.js [--port=N]
// (installs code-server first if needed, see setup.js).

const path = require('path');
const fs = require('fs');
const { setup } = require('./setup');
const { startCodeServer } = require('./code-server');

const repo = path.resolve(__dirname, '..', '..');

async function main() {
  const portArg = process.argv.slice(2).find((a) => a.startsWith('--port='));
  setup({ quiet: true, forTests: false });
  const workspace = examplesCopy();
  const server = await startCodeServer({ port: portArg ? Number(portArg.slice('--port='.length)) : undefined });

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server...');
    await server.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  server.exited.then((code) => {
    if (stopping) return;
    console.error(`code-server exited unexpectedly (${code}). Its log:\n${server.logTail()}`);
    stop(1);
  });

  const url = server.url(workspace.folder, { extensionDevelopmentPath: repo });
  console.log(`VS Code (code-server) with the extension in development mode is running.\n` +
    `It opens ${workspace.made ? 'a fresh' : 'your'} copy of examples/ in ${path.relative(repo, workspace.folder)}/: ` +
    `edits are saved there (VS Code saves as you type), never in the repository's examples/. ` +
    `Delete that folder to start again from the originals.\n` +
    `Open this address in a browser on this machine:\n\n  ${url}\n\nPress Ctrl+C to stop.`);
}

/** The folder the editor opens: a copy of examples/, made once and then kept with its edits. */
function examplesCopy() {
  const folder = path.join(repo, '.vscode-test', 'examples');
  if (fs.existsSync(folder)) return { folder, made: false };
  fs.cpSync(path.join(repo, 'examples'), folder, { recursive: true });
  return { folder, made: true };
}

main().catch((error) => {
  console.error(`start-product: ${error.message}`);
  process.exit(1);
});
