'use strict';
// What the extension contributes to the editor besides the server: the language
// configuration (comment toggling), its commands, and the obligation matrix preview.

const assert = require('assert');
const vscode = require('vscode');
const { FILES, waitFor, lineMatching, open, restore } = require('./helpers');

const COMMANDS = ['partnership.openMatrixToSide', 'partnership.exportMatrix', 'partnership.restartServer'];

function webviewTabs() {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => ({ group, tab })))
    .filter(({ tab }) => tab.input instanceof vscode.TabInputWebview);
}

describe('editor integration', function () {
  it('toggles line comments with `// ` (language configuration)', async () => {
    const { document, editor } = await open(FILES.jointVenture);
    const original = document.getText();
    try {
      assert.strictEqual(document.languageId, 'partnership');
      const line = lineMatching(document, /^\s*term 2006-04-01 to 2021-03-31$/);
      const before = document.lineAt(line).text;
      editor.selection = new vscode.Selection(line, 4, line, 4);
      await vscode.commands.executeCommand('editor.action.commentLine');
      await waitFor(() => document.lineAt(line).text !== before, 'the line to be commented');
      assert.strictEqual(document.lineAt(line).text, before.replace(/^(\s*)/, '$1// '));
      await vscode.commands.executeCommand('editor.action.commentLine');
      await waitFor(() => document.lineAt(line).text === before, 'the comment to be removed');
    } finally {
      await restore(document, original);
    }
  });

  it('registers its three commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const command of COMMANDS) assert.ok(all.includes(command), `${command} is not registered`);
  });

  it('opens the obligation matrix in a webview beside the editor', async () => {
    for (const { tab } of webviewTabs()) await vscode.window.tabGroups.close(tab);
    const { editor } = await open(FILES.serviceBirmingham, vscode.ViewColumn.One);
    assert.strictEqual(editor.viewColumn, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('partnership.openMatrixToSide');
    const found = await waitFor(() => webviewTabs().find(({ tab }) => tab.input.viewType.endsWith('partnership.matrixPreview')),
      'a matrix preview tab', { describe: () => JSON.stringify(vscode.window.tabGroups.all.map((g) => g.tabs.map((t) => t.label))) });
    const { group, tab } = found;
    assert.strictEqual(tab.label, 'Matrix: service-birmingham.partnership');
    assert.notStrictEqual(group.viewColumn, editor.viewColumn, 'the preview should open beside the editor, not over it');
    assert.strictEqual(group.viewColumn, vscode.ViewColumn.Two);
    // The editor keeps the focus (preserveFocus) and stays open in its own group.
    assert.ok(vscode.window.tabGroups.all.some((g) => g.viewColumn === vscode.ViewColumn.One && g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith('service-birmingham.partnership'))));
    await vscode.window.tabGroups.close(tab);
    await waitFor(() => webviewTabs().length === 0, 'the preview to close');
  });
});
