// The language server: a thin adapter from LSP to the language core. VS Code talks to it over
// IPC; other editors start `partnership-language-server --stdio`. Every handler runs on the
// latest analysis and is guarded, so nothing a user types can take the server down.

import {
  type CancellationToken,
  type CompletionParams,
  type HoverParams,
  type Connection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  CodeActionKind,
} from 'vscode-languageserver/node';
import { fileURLToPath } from 'node:url';
import { buildMatrix } from '../core/matrix/model';
import { renderCsv } from '../core/matrix/csv';
import { editorProvenance } from './export-provenance';
import { renderHtml } from '../core/matrix/html';
import { renderMarkdown } from '../core/matrix/markdown';
import { type Diagnostic as CoreDiagnostic, sameDiagnostics } from '../core/diagnostics/diagnostic';
import type { Analysis } from '../core/analysis/analysis';
import { Positions, toLspDiagnostic } from './convert';
import { DocumentIds } from './documents';
import type { FeatureContext } from './features/context';
import { handleCompletion } from './features/completion';
import { handleCodeActions, handleCodeLens, handleFormatting } from './features/editing';
import { handleFoldingRanges } from './features/folding';
import { handleHover } from './features/hover';
import { handleResultsCompletion, handleResultsHover } from './features/results';
import { handleDefinition, handleDocumentHighlight, handleReferences } from './features/navigation';
import { handlePrepareRename, handleRename } from './features/rename';
import { handleSemanticTokens, tokenLegend } from './features/semantic-tokens';
import { handleDocumentSymbols, handleWorkspaceSymbols } from './features/symbols';
import type { ChangedRange } from '../core/text/changed-range';
import { OpenText } from './open-text';
import { Workspace } from './workspace';
import { ResultsDiagnostics } from './results-diagnostics';
import { isResultsFile } from './server-host';
import { displayPathIn } from './display-path';
import type { ServerHost } from './server-host';
import { matrixAnswers, statusAnswers } from './answers-since';
import {
  EXPORT_REQUEST,
  type ExportParams,
  IMPORT_POLICY_NOTIFICATION,
  type ImportPolicy,
  type ExportResult,
  MATRIX_REQUEST,
  MATRIX_UPDATE_REQUEST,
  type MatrixParams,
  type MatrixResult,
  type MatrixUpdateParams,
  type MatrixUpdateResult,
  STATUS_REQUEST,
  type StatusParams,
  type StatusResult,
} from '../../../shared/out/protocol';
import { answerStatus } from './status-request';

/** Only an explicit `true` lets imports leave the workspace. */
function allowsImportsOutside(options: unknown): boolean {
  return typeof options === 'object' && options !== null && (options as Partial<Record<keyof ImportPolicy, unknown>>).allowImportsOutsideWorkspace === true;
}

/** What the process running the server learns from it. */
export interface ServerEvents {
  /** Once, when the first analysis of any file has been published (the workspace or a document opened). */
  readonly opened?: () => void;
}

/** Serves LSP over `connection`, reading the workspace's files through `host`. */
export function startServer(host: ServerHost, connection: Connection, events: ServerEvents = {}): Connection {
  /** Where the latest update of each document changed its text, for the next parse. */
  const lastChange = new Map<string, ChangedRange | undefined>();
  const documents = new TextDocuments<OpenText>({
    create: (uri, languageId, version, content) => {
      lastChange.delete(uri);
      return OpenText.create(uri, languageId, version, content);
    },
    update: (document, changes, version) => {
      const updated = document.update(changes, version);
      lastChange.set(document.uri, updated.change);
      return updated.document;
    },
  });
  const ids = new DocumentIds();
  const matrixUpdates = matrixAnswers();
  const statusViews = statusAnswers();
  /** What each document's last published diagnostics were made from. */
  const published = new Map<string, { version: number | undefined; text: string | undefined; diagnostics: readonly CoreDiagnostic[] }>();
  let workspace: Workspace;
  let ledger: ResultsDiagnostics;
  let positions: Positions;
  let canWatch = false;
  let initialFolders: string[] = [];

  /** The list of files last published: while it is the same, an analysis names the files it may have changed. */
  let publishedFiles: readonly string[] | null = null;

  const publish = (program: Analysis): void => {
    const files = workspace.files();
    // Each analysis is built from the one published before it, which every other file's diagnostics are still from.
    if (files === publishedFiles && program.touched) {
      for (const file of program.touched) if (workspace.text(file) !== undefined) publishFile(program, file);
      return;
    }
    publishedFiles = files;
    const current = new Set(files.map((f) => ids.uriOf(f)));
    for (const file of files) publishFile(program, file);
    // Files that closed (outside the workspace) or were deleted lose their diagnostics.
    for (const uri of [...published.keys()]) {
      if (current.has(uri)) continue;
      published.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  };

  /** Sends a file's diagnostics when they, its version or its text changed since they were last sent. */
  const publishFile = (program: Analysis, file: string): void => {
    const uri = ids.uriOf(file);
    // An unchanged file's analysis hands back the very same list, so most files cost one lookup.
    const core = program.diagnostics(file);
    const version = workspace.version(file);
    const text = workspace.text(file);
    const before = published.get(uri);
    // Offsets alone are not enough: the same offset is another line once a line break moves.
    // An open document's version names its text; a file on disk is compared as a text, which
    // costs a pointer comparison while it is the very string published from.
    const same = before && before.version === version && (version !== undefined || before.text === text) && sameDiagnostics(before.diagnostics, core);
    if (same) return;
    published.set(uri, { version, text, diagnostics: core });
    void connection.sendDiagnostics({ uri, version, diagnostics: core.map((d) => toLspDiagnostic(d, positions, ids)) });
  };

  const context = (): FeatureContext => ({ program: workspace.current(), positions, ids, ledger: ledger.view });

  /** Runs a handler on the latest analysis; a failure is logged and answered with `fallback`. */
  function guarded<P, R>(name: string, fallback: R, handler: (ctx: FeatureContext, params: P) => R) {
    return (params: P, token?: CancellationToken): R => {
      if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled');
      try {
        return handler(context(), params);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        connection.console.error(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
        return fallback;
      }
    };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    let opened = false;
    workspace = new Workspace(host, (program) => {
      publish(program);
      if (!opened && program.files.size > 0) {
        opened = true;
        events.opened?.();
      }
      ledger.contractsAnalysed();
    }, undefined, (error, recovered) => {
      const what = recovered ? 'An analysis carried over from the last one failed; the workspace was analysed afresh' : 'The workspace could not be analysed; the last analysis stands';
      connection.console.error(`${what}: ${error instanceof Error ? error.stack : String(error)}`);
    });
    workspace.allowImportsOutside(allowsImportsOutside(params.initializationOptions));
    positions = new Positions((file) => workspace.text(file) ?? ledger.view.results.text(file), (file) => documents.get(ids.uriOf(file))?.lines);
    const folders = (params.workspaceFolders ?? []).map((f) => f.uri).concat(params.workspaceFolders ? [] : params.rootUri ? [params.rootUri] : []);
    initialFolders = folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    const lensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    ledger = new ResultsDiagnostics(host, connection, () => lensRefresh, () => workspace.current(), () => positions, ids, displayPathIn(initialFolders));
    canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        completionProvider: { triggerCharacters: ['.', ' ', ','] },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        semanticTokensProvider: { legend: tokenLegend, full: true },
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'partnership-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (canWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.partnership' }, { globPattern: '**/*.results.csv' }] });
    }
    const count = workspace.index(initialFolders);
    const results = ledger.view.results.index(initialFolders);
    connection.console.info(`Indexed ${count} .partnership file${count === 1 ? '' : 's'} and ${results} results file${results === 1 ? '' : 's'}.`);
  });

  connection.onNotification(IMPORT_POLICY_NOTIFICATION, (params: unknown) => workspace.allowImportsOutside(allowsImportsOutside(params)));

  // Results files (`*.results.csv`) go to the ledger; everything else is a contract.
  documents.onDidOpen((e) => {
    const file = ids.fileOf(e.document.uri);
    if (isResultsFile(file)) ledger.view.results.didOpen(file, e.document.getText(), e.document.version);
    else workspace.didOpen(file, e.document.getText(), e.document.version, e.document.lines);
  });
  documents.onDidChangeContent((e) => {
    const change = lastChange.get(e.document.uri);
    lastChange.delete(e.document.uri);
    const file = ids.fileOf(e.document.uri);
    if (isResultsFile(file)) ledger.view.results.didChange(file, e.document.getText(), e.document.version);
    else workspace.didChange(file, e.document.getText(), e.document.version, change, e.document.lines);
  });
  documents.onDidClose((e) => {
    matrixUpdates.forget(e.document.uri);
    statusViews.forget(e.document.uri);
    const file = ids.fileOf(e.document.uri);
    if (isResultsFile(file)) ledger.view.results.didClose(file);
    else workspace.didClose(file);
  });
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      if (!change.uri.startsWith('file:')) continue;
      const file = ids.fileOf(change.uri);
      if (isResultsFile(file)) ledger.view.results.diskChanged(file, change.type === FileChangeType.Deleted);
      else workspace.diskChanged(file, change.type === FileChangeType.Deleted);
    }
  });

  /** Results files have their own completion and hover; everything else is a contract's. */
  const forResults = (uri: string | undefined): boolean => typeof uri === 'string' && isResultsFile(ids.fileOf(uri));
  connection.onHover(guarded('hover', null, (ctx, p: HoverParams) => (forResults(p.textDocument?.uri) ? handleResultsHover(ctx, p) : handleHover(ctx, p))));
  connection.onDefinition(guarded('definition', null, handleDefinition));
  connection.onReferences(guarded('references', [], handleReferences));
  connection.onDocumentHighlight(guarded('highlights', [], handleDocumentHighlight));
  connection.onPrepareRename(guarded('prepareRename', null, handlePrepareRename));
  connection.onRenameRequest(guarded('rename', null, handleRename));
  connection.onCompletion(guarded('completion', [], (ctx, p: CompletionParams) => (forResults(p.textDocument?.uri) ? handleResultsCompletion(ctx, p) : handleCompletion(ctx, p))));
  connection.onDocumentSymbol(guarded('symbols', [], handleDocumentSymbols));
  connection.onWorkspaceSymbol(guarded('workspaceSymbols', [], handleWorkspaceSymbols));
  connection.languages.semanticTokens.on(guarded('semanticTokens', { data: [] }, handleSemanticTokens));
  connection.onFoldingRanges(guarded('folding', [], handleFoldingRanges));
  connection.onDocumentFormatting(guarded('formatting', [], handleFormatting));
  connection.onCodeAction(guarded('codeActions', [], handleCodeActions));
  connection.onCodeLens(guarded('codeLens', [], handleCodeLens));

  connection.onRequest(MATRIX_REQUEST, guarded('matrix', null, (ctx, params: MatrixParams): MatrixResult => buildMatrix(ctx.program, ids.fileOf(params.uri))));
  connection.onRequest(MATRIX_UPDATE_REQUEST, guarded('matrix update', null, (ctx, params: MatrixUpdateParams): MatrixUpdateResult =>
    matrixUpdates.answer(params.uri, params.since, buildMatrix(ctx.program, ids.fileOf(params.uri)))));
  connection.onRequest(STATUS_REQUEST, guarded('status', null, (ctx, params: StatusParams): StatusResult =>
    statusViews.answer(params.uri, params.since, answerStatus(ctx, params))));
  connection.onRequest(EXPORT_REQUEST, guarded('export', null, (ctx, params: ExportParams): ExportResult => {
    // The format indexes the renderers: only their own three names, never `constructor` or `__proto__`.
    const format: unknown = params?.format;
    if (format !== 'html' && format !== 'md' && format !== 'csv') {
      throw new ResponseError(ErrorCodes.InvalidParams, `format must be html, md or csv (got ${JSON.stringify(format) ?? 'nothing'})`);
    }
    const file = ids.fileOf(params.uri);
    const matrix = buildMatrix(ctx.program, file);
    if (!matrix) return null;
    const options = { grouping: params.grouping === 'order' ? 'order' as const : 'scope' as const, provenance: editorProvenance(matrix, file) };
    return { html: renderHtml, md: renderMarkdown, csv: renderCsv }[format](matrix, options);
  }));

  connection.onShutdown(() => {
    workspace?.dispose();
    ledger?.dispose();
  });
  documents.listen(connection);
  connection.listen();
  return connection;
}
