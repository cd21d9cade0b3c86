// Entry point of the language server process. The transport comes from the command line:
// `--stdio` for other editors, `--node-ipc` when VS Code starts it.
import { startServer } from './server';

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('Usage: partnership-language-server --stdio\n');
  process.exit(2);
}
startServer();
