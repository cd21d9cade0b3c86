// "Partnership: Open Obligation Matrix to the Side": one webview panel beside the editor, like
// the Markdown preview, that follows the active .partnership editor and updates as the user types.

import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type LanguageClient, State } from 'vscode-languageclient/node';
import { exportMatrix } from '../export-matrix';
import { LatestRequest } from './latest-request';
import { StatusFeed } from './status-feed';
import { previewHtml } from './html';
import { applyMatrixDelta } from '../../../shared/out/matrix-delta';
import { MATRIX_UPDATE_REQUEST, type MatrixUpdateParams } from '../../../shared/out/protocol';
import { isMatrixUpdate, isMessageFromPage, type Matrix, type MatrixDelta, type MessageToPage } from './protocol';

const VIEW_TYPE = 'partnership.matrixPreview';
// The server already coalesces bursts of edits; this only spares it a request per keystroke.
const DEBOUNCE_MS = 30;

const isPartnership = (document: vscode.TextDocument): boolean => document.languageId === 'partnership';
/** Contracts and results files: either changes where things stand. */
const changesStatus = (document: vscode.TextDocument): boolean => isPartnership(document) || document.languageId === 'partnership-results';

/** What the preview shows: a document's matrix (whole, and as the server's change), or why there is none. */
type Shown =
  | { readonly kind: 'matrix'; readonly uri: string; readonly id: string; readonly base: string | null; readonly delta: MatrixDelta; readonly matrix: Matrix; readonly fileName: string }
  | { readonly kind: 'empty'; readonly reason: string };

export class MatrixPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[];
  /** The document shown, and the editor column it was last seen in (for "reveal"). */
  private source: vscode.Uri | undefined;
  private sourceColumn: vscode.ViewColumn | undefined;
  /** The page has said `ready` since it was last (re)loaded, so it can take messages. */
  private pageReady = false;
  /** The latest answer, resent when a hidden page comes back; `stale` if changes came since. */
  private latest: Shown | undefined;
  private stale = true;
  /** The matrix the current page holds (by the server's id), so it can be sent changes only. */
  private pageHolds: string | undefined;
  private readonly requests = new LatestRequest();

  private readonly status: StatusFeed;

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient) {
    this.status = new StatusFeed(client, () => (this.pageReady && this.panel?.visible ? this.panel : undefined), () => this.source);
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && isPartnership(editor.document)) this.follow(editor.document.uri, editor.viewColumn);
      }),
      // Any contract may change this one's matrix (imports, cross-contract conflicts).
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        if (isPartnership(e.document)) this.schedule();
        else if (changesStatus(e.document)) this.status.schedule();
      }),
      // Diagnostics change when other contracts or results files change on disk.
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((uri) => uri.path.endsWith('.partnership'))) this.schedule();
        else if (e.uris.some((uri) => uri.path.endsWith('.results.csv'))) this.status.schedule();
      }),
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) this.schedule();
      }),
    ];
  }

  async open(uri?: vscode.Uri): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const target = uri ?? (editor && isPartnership(editor.document) ? editor.document.uri : undefined);
    if (!target) {
      void vscode.window.showWarningMessage('Open a .partnership file to see its obligation matrix.');
      return;
    }
    const column = editor?.document.uri.toString() === target.toString() ? editor.viewColumn : undefined;
    if (this.panel) this.panel.reveal(this.panel.viewColumn, true);
    else this.createPanel();
    await this.follow(target, column, true);
  }

  dispose(): void {
    this.panel?.dispose();
    this.stopRequests();
    for (const d of this.subscriptions) d.dispose();
  }

  private createPanel(): void {
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Matrix', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      enableFindWidget: true,
      localResourceRoots: [media],
      // The page keeps its filter and scroll position in its own state and asks again when shown.
      retainContextWhenHidden: false,
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'icon.png');
    this.panel = panel;
    this.panelSubscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(panel, message)),
      panel.onDidChangeViewState(() => {
        // A hidden page is unloaded; when shown again it reloads and says `ready` once more.
        if (!panel.visible) this.pageReady = false;
      }),
      panel.onDidDispose(() => this.closed(panel)),
    ];
    const webview = panel.webview;
    this.pageReady = false;
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      timelineStyleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.css')).toString(),
    });
  }

  private closed(panel: vscode.WebviewPanel): void {
    if (panel !== this.panel) return;
    this.panel = undefined;
    for (const d of this.panelSubscriptions) d.dispose();
    this.panelSubscriptions = [];
    this.stopRequests();
    this.status.stop();
    this.source = undefined;
    this.latest = undefined;
    this.pageHolds = undefined;
    this.pageReady = false;
  }

  /** Shows `uri`'s matrix, if it is not the one already shown (or `force`). */
  private async follow(uri: vscode.Uri, column: vscode.ViewColumn | undefined, force = false): Promise<void> {
    if (!this.panel) return;
    if (column !== undefined) this.sourceColumn = column;
    if (!force && this.source?.toString() === uri.toString()) return;
    this.source = uri;
    this.latest = undefined;
    this.status.schedule();
    this.panel.title = `Matrix: ${path.posix.basename(uri.path)}`;
    await this.refresh();
  }

  private receive(panel: vscode.WebviewPanel, message: unknown): void {
    if (panel !== this.panel || !isMessageFromPage(message)) return;
    switch (message.type) {
      case 'ready':
        this.pageReady = true;
        this.pageHolds = undefined;
        if (this.latest) this.post(this.latest);
        if (this.stale || (!this.latest && !this.requests.pending)) void this.refresh();
        return;
      case 'reveal':
        if (this.source) void this.reveal(this.source, message.line);
        return;
      case 'revealFile':
        void workspaceFile(message.file).then((uri) => uri && this.reveal(uri, message.line));
        return;
      case 'export':
        if (this.source) void exportMatrix(this.client, this.source, message.format, message.grouping);
        return;
      case 'status':
        this.status.want(message.shown ? message.on : undefined);
        return;
    }
  }

  private schedule(): void {
    this.status.schedule();
    if (!this.panel || !this.source) return;
    this.stale = true;
    if (!this.panel.visible) return; // asked again when the page comes back
    this.requests.schedule(() => void this.refresh(), DEBOUNCE_MS);
  }

  private stopRequests(): void {
    this.requests.stop();
  }

  private async refresh(): Promise<void> {
    const panel = this.panel;
    const uri = this.source;
    if (!panel || !uri) return;
    const request = this.requests.start();
    this.stale = false;
    const shown = await this.ask(uri, request.token);
    // A newer request supersedes this one.
    if (!request.finish() || panel !== this.panel) return;
    this.latest = shown;
    this.post(shown);
  }

  /** The server's next matrix for `uri`, as a change to the one held when it is for the same document. */
  private async ask(uri: vscode.Uri, token: vscode.CancellationToken): Promise<Shown> {
    const held = this.latest?.kind === 'matrix' && this.latest.uri === uri.toString() ? this.latest : undefined;
    try {
      for (const since of held ? [held.id, null] : [null]) {
        const params: MatrixUpdateParams = { uri: uri.toString(), since };
        // The answer comes from another process, perhaps of another version: checked before use.
        const update = await this.client.sendRequest<unknown>(MATRIX_UPDATE_REQUEST, params, token);
        if (update === null) return { kind: 'empty', reason: 'This file declares no partnership, so it has no obligation matrix.' };
        if (!isMatrixUpdate(update)) {
          return { kind: 'empty', reason: 'The language server answered with a matrix this preview cannot read. Reload the window after updating the extension.' };
        }
        // A change to a matrix other than the one held (the server restarted, say): ask for it whole.
        if (update.base !== null && update.base !== held?.id) continue;
        const matrix = applyMatrixDelta(update.base === null ? null : held!.matrix, update.matrix);
        if (!matrix) continue;
        return { kind: 'matrix', uri: uri.toString(), id: update.id, base: update.base, delta: update.matrix, matrix, fileName: vscode.workspace.asRelativePath(uri) };
      }
      return { kind: 'empty', reason: 'The language server answered with a matrix this preview cannot read. Reload the window after updating the extension.' };
    } catch (error) {
      return { kind: 'empty', reason: `The obligation matrix could not be built: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /** Sends the page only what changed since the matrix it holds, or the matrix whole. */
  private post(shown: Shown): void {
    if (!this.panel || !this.pageReady) return;
    let message: MessageToPage;
    if (shown.kind === 'empty') {
      message = { type: 'empty', reason: shown.reason };
      this.pageHolds = undefined;
    } else {
      if (this.pageHolds === shown.id) return;
      const changes = shown.base !== null && shown.base === this.pageHolds;
      message = { type: 'matrix', id: shown.id, base: changes ? shown.base : null, matrix: changes ? shown.delta : shown.matrix, fileName: shown.fileName };
      this.pageHolds = shown.id;
    }
    void this.panel.webview.postMessage(message);
  }

  /** Opens `uri` at a one-based line (clamped to the document) in the editor's column. */
  private async reveal(uri: vscode.Uri, line: number): Promise<void> {
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const index = Math.min(Math.max(line - 1, 0), document.lineCount - 1);
      const start = new vscode.Position(index, document.lineAt(index).firstNonWhitespaceCharacterIndex);
      const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
      const column = shown?.viewColumn ?? this.sourceColumn ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
      const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Range(start, start) });
      editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (error) {
      void vscode.window.showWarningMessage(`Could not open ${vscode.workspace.asRelativePath(uri)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * A contract or results file of the workspace, named by its path from a workspace folder (as
 * the language server names files to the page): never a path that climbs out of the folder.
 */
async function workspaceFile(file: string): Promise<vscode.Uri | undefined> {
  const parts = file.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..') || !(file.endsWith('.partnership') || file.endsWith('.results.csv'))) return undefined;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, ...parts);
    try {
      await vscode.workspace.fs.stat(uri);
      return uri;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}
