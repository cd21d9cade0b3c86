'use strict';
// Crash recovery, last because it kills the language server: the client must start a new one,
// which checks the open documents again.

const assert = require('assert');
const { execFileSync } = require('child_process');
const path = require('path');
const vscode = require('vscode');
const { FILES, fileUri, diagnosticsOf, codeOf, describeDiagnostics, waitFor, waitForCode, open, restore } = require('./helpers');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const serverScript = path.join(repoRoot, 'dist', 'server.js');

/**
 * Pids of this extension's language servers: children of this extension host (the client
 * forks them) running dist/server.js over IPC. Read from `ps`, so nothing is added to the product.
 */
function serverPids() {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return out.split('\n').map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line)).filter(Boolean)
    .filter(([, , ppid, args]) => Number(ppid) === process.pid && args.includes(serverScript) && args.includes('--node-ipc'))
    .map(([, pid]) => Number(pid));
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('crash recovery', function () {
  it('restarts a killed language server, which checks the open document again', async () => {
    const { document } = await open(FILES.serviceBirmingham);
    const original = document.getText();
    try {
      await waitFor(() => diagnosticsOf(document.uri).length > 0, 'diagnostics before the crash');
      const [pid, ...others] = await waitFor(() => {
        const pids = serverPids();
        return pids.length > 0 ? pids : undefined;
      }, `a language server process (${serverScript} --node-ipc) under the extension host ${process.pid}`);
      assert.deepStrictEqual(others, [], 'more than one language server is running');

      process.kill(pid, 'SIGKILL');
      await waitFor(() => !alive(pid), `server ${pid} to die`);
      // An edit made while the server is down or restarting: only a working new server can
      // report the unknown name it introduces.
      const start = document.getText().indexOf('SB must deliver ICT.Core to BCC');
      const at = document.positionAt(start + 'SB must deliver ICT.Core to '.length);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(at, at.translate(0, 3)), 'BCX');
      assert.ok(await vscode.workspace.applyEdit(edit));

      const [restarted] = await waitFor(() => {
        const pids = serverPids().filter((p) => p !== pid);
        return pids.length > 0 ? pids : undefined;
      }, 'the client to start a new language server', { timeoutMs: 30000 });
      assert.notStrictEqual(restarted, pid);
      await waitFor(() => diagnosticsOf(document.uri).some((d) => codeOf(d) === 'P101' && /BCX/.test(d.message)),
        'P101 for BCX from the new server', { timeoutMs: 30000, describe: () => describeDiagnostics(document.uri) });
      // The new server has read the workspace again, conflicts between contracts included.
      await waitForCode(fileUri(FILES.jointVenture), 'P201', true, 30000);
      await restore(document, original);
      await waitForCode(document.uri, 'P101', false);
      assert.ok(diagnosticsOf(document.uri).length > 0, 'diagnostics came back empty');
    } finally {
      await restore(document, original);
    }
  });

  it('restarts the language server on "Partnership: Restart Language Server"', async () => {
    const { document } = await open(FILES.serviceBirmingham);
    const [before] = await waitFor(() => {
      const pids = serverPids();
      return pids.length === 1 ? pids : undefined;
    }, 'one language server process');
    await vscode.commands.executeCommand('partnership.restartServer');
    await waitFor(() => !alive(before), `the old server ${before} to stop`);
    const [after] = await waitFor(() => {
      const pids = serverPids();
      return pids.length === 1 && pids[0] !== before ? pids : undefined;
    }, 'a new language server process');
    assert.notStrictEqual(after, before);
    // The new server answers requests on the open document.
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri);
    assert.strictEqual(symbols && symbols[0] && symbols[0].name, 'ServiceBirmingham');
    await waitFor(() => diagnosticsOf(document.uri).length > 0, 'diagnostics from the restarted server');
  });
});
