'use strict';
// A real VS Code for anyone who has none installed: starts code-server on 127.0.0.1 with this
// repository's extension in development mode and examples/ opened, prints the address to open
// in a browser, and runs until Ctrl+C. Usage: node scripts/vscode/start-product.js [--port=N]
// (installs code-server first if needed, see setup.js).

const path = require('path');
const { setup } = require('./setup');
const { startCodeServer } = require('./code-server');

const repo = path.resolve(__dirname, '..', '..');

async function main() {
  const portArg = process.argv.slice(2).find((a) => a.startsWith('--port='));
  setup({ quiet: true });
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

  const url = server.url(path.join(repo, 'examples'), { extensionDevelopmentPath: repo });
  console.log(`VS Code (code-server) with the extension in development mode is running.\n` +
    `Open this address in a browser on this machine:\n\n  ${url}\n\nPress Ctrl+C to stop.`);
}

main().catch((error) => {
  console.error(`start-product: ${error.message}`);
  process.exit(1);
});
