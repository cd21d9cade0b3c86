'use strict';
// Activation, and the diagnostics of the whole workspace: the server reads every contract of
// the folder at start, so conflicts between two contracts show without opening either, and an
// edit in one contract changes the other contract's diagnostics.

const assert = require('assert');
const path = require('path');
const vscode = require('vscode');
const {
  EXTENSION_ID, FILES, fileUri, sameUri, diagnosticsOf, codeOf, describeDiagnostics, waitFor, waitForCode, open, lineMatching,
} = require('./helpers');

describe('workspace', function () {
  it('activates the extension for a folder with .partnership files', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    // Activation comes from `workspaceContains:**/*.partnership`, not from this test.
    await waitFor(() => extension.isActive, `${EXTENSION_ID} to activate`, { timeoutMs: 30000 });
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('partnership'), 'the partnership language is not registered');
  });

  it('shows P201 and P202 in both portfolio contracts without opening them, each pointing at the other file', async () => {
    const jv = fileUri(FILES.jointVenture);
    const cp = fileUri(FILES.customerPlatform);
    for (const uri of [jv, cp]) {
      assert.ok(!vscode.workspace.textDocuments.some((d) => sameUri(d.uri, uri)), `${uri.path} is already open: this would not test workspace indexing`);
    }
    await waitForCode(jv, 'P201', true, 30000);
    await waitForCode(cp, 'P201', true, 30000);
    await waitForCode(jv, 'P202');
    await waitForCode(cp, 'P202');
    for (const [uri, other] of [[jv, cp], [cp, jv]]) {
      for (const code of ['P201', 'P202']) {
        const diagnostic = diagnosticsOf(uri).find((d) => codeOf(d) === code);
        assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error, `${code} in ${path.basename(uri.path)} is not an error`);
        const related = diagnostic.relatedInformation || [];
        assert.ok(related.length > 0, `${code} in ${path.basename(uri.path)} has no related information`);
        assert.ok(related.some((r) => sameUri(r.location.uri, other)),
          `${code} in ${path.basename(uri.path)} should point at ${path.basename(other.path)}, points at ${related.map((r) => r.location.uri.path).join(', ')}`);
      }
    }
    const p201 = diagnosticsOf(cp).find((d) => codeOf(d) === 'P201');
    assert.match(p201.message, /overlaps another exclusive grant/);
    // The related location is the joint venture's grant line.
    const jvText = (await vscode.workspace.fs.readFile(jv)).toString();
    const grantLine = jvText.split('\n').findIndex((l) => /^\s*exclusive SB over Catalogue\.ICT\.Core\b/.test(l));
    assert.ok(p201.relatedInformation.some((r) => sameUri(r.location.uri, jv) && r.location.range.start.line === grantLine),
      `P201's related information should be on line ${grantLine + 1} of joint-venture.partnership`);
  });

  it('reports no error or warning for Service Birmingham', async () => {
    const uri = fileUri(FILES.serviceBirmingham);
    // It does have diagnostics (P603 information), so waiting for them shows the server has
    // checked it; then none may be an error or a warning.
    await waitFor(() => diagnosticsOf(uri).length > 0, 'diagnostics for service-birmingham.partnership', { timeoutMs: 30000 });
    const bad = diagnosticsOf(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning);
    assert.deepStrictEqual(bad.map((d) => `${d.range.start.line + 1} ${codeOf(d)} ${d.message}`), []);
    assert.ok(diagnosticsOf(uri).every((d) => codeOf(d) === 'P603'), describeDiagnostics(uri));
  });

  it('updates the other contract when one is edited in an editor, and again on undo', async () => {
    const jv = fileUri(FILES.jointVenture);
    const { document, editor } = await open(FILES.customerPlatform);
    const original = document.getText();
    await waitForCode(jv, 'P201');
    // A request answers from the latest analysis, so once it returns the server has taken in
    // the opened document: what follows is a reaction to the edit alone.
    await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri);
    const line = lineMatching(document, /^\s*exclusive Vendor over /);
    const removed = await editor.edit((edit) => edit.delete(new vscode.Range(line, 0, line + 1, 0)));
    assert.ok(removed, 'the edit was not applied');
    assert.ok(!/exclusive Vendor/.test(document.getText()));
    // The joint venture is not open: its diagnostics change because the other contract did.
    await waitForCode(jv, 'P201', false);
    await waitForCode(document.uri, 'P201', false);
    assert.ok(!vscode.workspace.textDocuments.some((d) => sameUri(d.uri, jv)), 'joint-venture.partnership was opened');

    await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn, preserveFocus: false });
    await vscode.commands.executeCommand('undo');
    await waitFor(() => document.getText() === original, 'undo to restore the customer-platform contract');
    await waitForCode(jv, 'P201', true);
    await waitForCode(document.uri, 'P201', true);
    assert.ok(!document.isDirty, 'undo back to the saved text should leave the document clean');
  });
});
