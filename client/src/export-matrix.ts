// "Partnership: Save Obligation Matrix As…": asks for a format and a file, and writes the matrix
// the server renders (HTML, Markdown or CSV).

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPORT_REQUEST, type ExportFormat, type ExportParams, type ExportResult } from '../../shared/out/protocol';

const FORMATS: readonly { label: string; format: ExportFormat; extension: string }[] = [
  { label: 'HTML (a printable page)', format: 'html', extension: 'html' },
  { label: 'Markdown', format: 'md', extension: 'md' },
  { label: 'CSV (for spreadsheets)', format: 'csv', extension: 'csv' },
];

export function partnershipUri(uri?: vscode.Uri): vscode.Uri | undefined {
  if (uri) return uri;
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'partnership' ? editor.document.uri : undefined;
}

/** `grouping`: as the preview shows the norms (by scope when the command is run from the palette). */
export async function exportMatrix(client: LanguageClient, uri?: vscode.Uri, format?: ExportFormat, grouping: 'scope' | 'order' = 'scope'): Promise<vscode.Uri | undefined> {
  const source = partnershipUri(uri);
  if (!source) {
    void vscode.window.showWarningMessage('Open a .partnership file to export its obligation matrix.');
    return undefined;
  }
  const choice = format ? FORMATS.find((f) => f.format === format) : await vscode.window.showQuickPick(FORMATS, { placeHolder: 'Export the obligation matrix as' });
  if (!choice) return undefined;
  const params: ExportParams = { uri: source.toString(), format: choice.format, grouping };
  const content = await client.sendRequest<ExportResult>(EXPORT_REQUEST, params);
  if (content === null) {
    void vscode.window.showWarningMessage('This file declares no partnership, so it has no obligation matrix.');
    return undefined;
  }
  const target = await vscode.window.showSaveDialog({
    defaultUri: source.with({ path: source.path.replace(/\.partnership$/, `-matrix.${choice.extension}`) }),
    filters: { [choice.label]: [choice.extension] },
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  void vscode.window.showInformationMessage(`Obligation matrix written to ${vscode.workspace.asRelativePath(target)}.`);
  return target;
}
