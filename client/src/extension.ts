// The VS Code extension: starts the language server over IPC, and adds the obligation matrix
// preview and its exports. Everything about the language itself lives in the server.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { MatrixPreview } from './preview/matrix-preview';
import { exportMatrix } from './export-matrix';
import { restartOnCrash } from './connection-errors';
import { acceptedEngineFlags } from '../../shared/out/engine-flags';
import { IMPORT_POLICY_NOTIFICATION, type ImportPolicy } from '../../shared/out/protocol';

/** Crashes restarted within three minutes before the client gives up and tells the user. */
const MAX_RESTARTS = 4;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The client starts the server with the engine that runs this extension: the settings that
  // speed it up are given only when that engine accepts them, so that it always starts.
  const engineFlags = await acceptedEngineFlags(process.execPath);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...engineFlags] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...engineFlags, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'partnership' }, { language: 'partnership-results' }],
    diagnosticCollectionName: 'partnership',
    // After repeated crashes the client stops restarting the server and tells the user.
    errorHandler: restartOnCrash(() => restartPolicy),
    // Evaluated at every (re)start of the server.
    initializationOptions: () => importPolicy(),
  };
  client = new LanguageClient('partnership', 'Partnership Language Server', serverOptions, clientOptions);
  // The library's policy needs the client it belongs to, for its message.
  const restartPolicy = client.createDefaultErrorHandler(MAX_RESTARTS);
  const preview = new MatrixPreview(context, client);
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand('partnership.openMatrixToSide', (uri?: vscode.Uri) => preview.open(uri)),
    vscode.commands.registerCommand('partnership.exportMatrix', (uri?: vscode.Uri) => exportMatrix(client!, uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(ALLOW_OUTSIDE)) void sendImportPolicy();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void sendImportPolicy()),
    vscode.commands.registerCommand('partnership.restartServer', async () => {
      if (!client) return;
      // After repeated crashes the client gives up; the user's restart must still bring it back.
      if (client.isRunning()) await client.restart();
      else await client.start();
      void vscode.window.showInformationMessage('Partnership language server restarted.');
    }),
  );
  await client.start();
}

const ALLOW_OUTSIDE = 'partnership.imports.allowOutsideWorkspace';

/** Imports may leave the workspace only in a trusted workspace whose settings allow it. */
function importPolicy(): ImportPolicy {
  const allowed = vscode.workspace.getConfiguration().get<boolean>(ALLOW_OUTSIDE, false) === true;
  return { allowImportsOutsideWorkspace: vscode.workspace.isTrusted && allowed };
}

async function sendImportPolicy(): Promise<void> {
  if (client?.isRunning()) await client.sendNotification(IMPORT_POLICY_NOTIFICATION, importPolicy());
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
