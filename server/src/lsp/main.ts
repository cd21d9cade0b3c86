// Entry point of the language server process. The transport comes from the command line:
// `--stdio` for other editors, `--node-ipc` when VS Code starts it. The server reads the real
// disk; a file it cannot read is reported in the client's log rather than dropped silently.
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { tuneForOpening } from '../../../shared/out/engine-flags';
import { NodeHost } from './node-host';
import { startServer } from './server';

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('Usage: partnership-language-server --stdio\n');
  process.exit(2);
}
// Opening is the engine's first run of the code, which goes faster optimising later (shared/src/engine-flags.ts).
const openingDone = tuneForOpening(setFlagsFromString);
const connection = createConnection(ProposedFeatures.all);
startServer(new NodeHost((message) => connection.console.warn(message)), connection, { opened: openingDone });
