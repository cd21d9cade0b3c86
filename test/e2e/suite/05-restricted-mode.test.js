'use strict';
// Restricted Mode: in a folder the user has not trusted, contracts are still parsed and checked
// and the preview opens, because nothing in a workspace is ever executed. Runs only in the
// run with Workspace Trust on (test/e2e/run.js); skipped where the folder is trusted.

const assert = require('assert');
const vscode = require('vscode');
const { FILES, fileUri, waitForCode, open, waitFor } = require('./helpers');

describe('Restricted Mode', function () {
  before(function () {
    if (vscode.workspace.isTrusted) this.skip();
  });

  it('checks contracts, hovers and opens the matrix in an untrusted folder, running nothing', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const extension = vscode.extensions.all.find((e) => e.packageJSON.name === 'partnership-language-tools');
    await waitFor(() => extension && extension.isActive, 'the extension to activate in Restricted Mode');
    await waitForCode(fileUri(FILES.jointVenture), 'P201', true, 30000);
    const { document, editor } = await open(FILES.serviceBirmingham);
    const at = document.positionAt(document.getText().indexOf('chair BCC') + 'chair '.length);
    const hovers = await waitFor(async () => {
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, at);
      return h && h.length ? h : undefined;
    }, 'a hover');
    assert.match(hovers.map((h) => h.contents.map((c) => c.value ?? c).join('')).join(''), /Birmingham City Council/);
    await vscode.commands.executeCommand('partnership.openMatrixToSide', editor.document.uri);
    await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputWebview), 'the matrix preview tab');
    assert.strictEqual(vscode.window.terminals.length, 0, 'no terminal was started');
  });
});
