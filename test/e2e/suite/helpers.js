'use strict';
// Shared by the in-host tests (they run inside the VS Code extension host, with the copy of
// examples/ as the workspace folder): waiting for conditions with a bound, finding files and
// positions, reading diagnostics, and putting documents back the way they were.

const assert = require('assert');
const vscode = require('vscode');

const EXTENSION_ID = 'partnership-language-tools.partnership-language-tools';

const FILES = {
  catalogue: 'portfolio/catalogue.partnership',
  customerPlatform: 'portfolio/customer-platform.partnership',
  jointVenture: 'portfolio/joint-venture.partnership',
  serviceBirmingham: 'service-birmingham/service-birmingham.partnership',
};

/**
 * Polls `condition` (sync or async) until it returns a truthy value, which it returns; throws
 * with `what` and the last value seen (through `describe`) after `timeoutMs`.
 */
async function waitFor(condition, what, { timeoutMs = 20000, intervalMs = 50, describe } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await condition();
      lastError = undefined;
      if (last) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const seen = lastError ? `last error: ${lastError.message}` : `last seen: ${describe ? describe() : JSON.stringify(last)}`;
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (${seen})`);
}

function workspaceRoot() {
  const folders = vscode.workspace.workspaceFolders;
  assert.ok(folders && folders.length > 0, 'no workspace folder is open');
  return folders[0].uri;
}

/** The URI of a file of the workspace, by its path relative to the workspace folder. */
function fileUri(relative) {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

const sameUri = (a, b) => a.toString() === b.toString();

function diagnosticsOf(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'partnership');
}

const codeOf = (d) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code));

function codesOf(uri) {
  return diagnosticsOf(uri).map(codeOf);
}

/** For failure messages: the diagnostics of a file as `line:col CODE`. */
function describeDiagnostics(uri) {
  return diagnosticsOf(uri).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)}`).join(', ') || '(none)';
}

/** Waits until the file has a diagnostic with `code` (present = true) or none (present = false). */
async function waitForCode(uri, code, present = true, timeoutMs = 20000) {
  await waitFor(() => codesOf(uri).includes(code) === present,
    `${code} to ${present ? 'appear in' : 'leave'} ${uri.path.split('/').pop()}`,
    { timeoutMs, describe: () => describeDiagnostics(uri) });
}

/** The position of `needle` (its `occurrence`-th match, from 0) plus `offset` characters. */
function positionOf(document, needle, offset = 0, occurrence = 0) {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${JSON.stringify(needle)} (occurrence ${occurrence}) is not in ${document.uri.path}`);
  }
  return document.positionAt(at + offset);
}

/** The index of the first line whose text matches `pattern`. */
function lineMatching(document, pattern) {
  for (let line = 0; line < document.lineCount; line++) {
    if (pattern.test(document.lineAt(line).text)) return line;
  }
  throw new Error(`no line matches ${pattern} in ${document.uri.path}`);
}

async function open(relative, column) {
  const document = await vscode.workspace.openTextDocument(fileUri(relative));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: column ?? vscode.ViewColumn.One, preview: false });
  return { document, editor };
}

/**
 * Puts a document back to `text` (when it differs) and saves it, so no test leaves an edited
 * or dirty document behind for the next one.
 */
async function restore(document, text) {
  if (document.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
    assert.ok(await vscode.workspace.applyEdit(edit), `could not restore ${document.uri.path}`);
  }
  if (document.isDirty) await document.save();
  assert.strictEqual(document.getText(), text);
}

/** Labels of completion items (a label may be a string or a CompletionItemLabel). */
function labelsOf(list) {
  const items = Array.isArray(list) ? list : list.items;
  return items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** Hover contents as plain strings. */
function hoverText(hovers) {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

module.exports = {
  EXTENSION_ID, FILES, waitFor, workspaceRoot, fileUri, sameUri, diagnosticsOf, codeOf, codesOf, describeDiagnostics,
  waitForCode, positionOf, lineMatching, open, restore, labelsOf, hoverText,
};
