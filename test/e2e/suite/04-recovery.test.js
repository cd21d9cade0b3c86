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
const { ENGINE_FLAGS } = require(path.join(repoRoot, 'shared', 'out', 'engine-flags.js'));

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

/** The engine settings on a server's command line, in order. */
function engineFlagsOf(pid) {
  const args = execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim().split(/\s+/);
  return args.filter((arg) => ENGINE_FLAGS.some((flag) => arg.startsWith(flag.split('=')[0] + '=')));
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
      // The client starts the server with the engine settings that large contracts need, having
      // asked the engine whether it accepts them: this one (code-server's Node) accepts them all.
      assert.deepStrictEqual(engineFlagsOf(pid), [...ENGINE_FLAGS]);

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
      assert.deepStrictEqual(engineFlagsOf(restarted), [...ENGINE_FLAGS]);
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

  it('restarts a server that dies while the user is typing', async () => {
    const { document, editor } = await open(FILES.serviceBirmingham);
    const original = document.getText();
    try {
      await waitFor(() => diagnosticsOf(document.uri).length > 0, 'diagnostics before the crash');
      const [pid] = await waitFor(() => {
        const pids = serverPids();
        return pids.length === 1 ? pids : undefined;
      }, 'one language server process');
      // Edits and requests sent before the client notices the crash fail to write to the dead
      // server. Those failures must not stop the client for good: the crash is restarted.
      process.kill(pid, 'SIGKILL');
      const at = document.positionAt(document.getText().indexOf('SB must deliver') + 'SB must deliver'.length);
      const pending = [];
      for (let key = 0; key < 8; key++) {
        pending.push(Promise.resolve(editor.edit((builder) => builder.insert(at, ' '))).catch(() => undefined));
        pending.push(Promise.resolve(vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, at)).catch(() => undefined));
        await new Promise((resolve) => setTimeout(resolve, key));
      }
      const [restarted] = await waitFor(() => {
        const pids = serverPids().filter((p) => p !== pid);
        return pids.length > 0 ? pids : undefined;
      }, 'the client to start a new language server', { timeoutMs: 30000 });
      assert.notStrictEqual(restarted, pid);
      // The new server answers: the client did not give up on it.
      await waitFor(async () => {
        const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri);
        return symbols && symbols[0] && symbols[0].name === 'ServiceBirmingham';
      }, 'the outline from the new server', { timeoutMs: 30000 });
      await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(resolve, 5000))]);
    } finally {
      await restore(document, original);
    }
  });

  it('never stops the client on failed writes to a dead server; the close decides on a restart', () => {
    const { ErrorAction, CloseAction } = require('vscode-languageclient/node');
    const { restartOnCrash } = require(path.join(repoRoot, 'client', 'out', 'connection-errors.js'));
    const decisions = [{ action: CloseAction.Restart }, { action: CloseAction.DoNotRestart, message: 'given up' }];
    const handler = restartOnCrash(() => ({ error: () => assert.fail('the policy is asked about closes only'), closed: () => decisions.shift() }));
    for (let count = 1; count <= 10; count++) {
      const result = handler.error(new Error('write EPIPE'), undefined, count);
      assert.strictEqual(result.action, ErrorAction.Continue, `failure ${count}`);
      assert.strictEqual(result.handled, true, 'a failed write does not pop up a notification');
      assert.match(result.message, /write EPIPE/);
    }
    assert.deepStrictEqual(handler.closed(), { action: CloseAction.Restart });
    assert.deepStrictEqual(handler.closed(), { action: CloseAction.DoNotRestart, message: 'given up' });
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

  it('stops restarting after repeated crashes, and tells the user', async () => {
    const { document } = await open(FILES.serviceBirmingham);
    const messages = [];
    const original = vscode.window.showErrorMessage;
    vscode.window.showErrorMessage = (message, ...rest) => {
      messages.push(String(message));
      return original.call(vscode.window, message, ...rest);
    };
    try {
      const killed = [];
      // The client restarts a crashed server a few times within three minutes, then gives up.
      for (let round = 0; round < 8 && !messages.some((m) => /will not be restarted/.test(m)); round++) {
        const pid = await waitFor(() => serverPids().find((p) => !killed.includes(p)) ?? (messages.length ? -1 : undefined),
          'a running language server to crash', { timeoutMs: 30000 });
        if (pid === -1) break;
        killed.push(pid);
        process.kill(pid, 'SIGKILL');
        await waitFor(() => !alive(pid) || undefined, `server ${pid} to die`);
        await waitFor(() => serverPids().some((p) => !killed.includes(p)) || messages.some((m) => /will not be restarted/.test(m)) || undefined,
          'a new server, or the message that there will be none',
          { timeoutMs: 30000, describe: () => JSON.stringify({ messages, running: serverPids(), killed }) });
      }
      assert.ok(messages.some((m) => /Partnership Language Server.*crashed.*will not be restarted/s.test(m)), `messages: ${JSON.stringify(messages)}`);
      assert.deepStrictEqual(serverPids(), [], 'no server was started after the client gave up');
    } finally {
      vscode.window.showErrorMessage = original;
      // The user can bring it back.
      await vscode.commands.executeCommand('partnership.restartServer');
      await waitFor(() => serverPids().length === 1 || undefined, 'the server to start again on request', { timeoutMs: 30000 });
      await waitFor(() => diagnosticsOf(document.uri).length > 0 || undefined, 'diagnostics from the revived server');
    }
  });
});
