// The language server's own requests, beyond LSP: their method names, parameters and results.
// The server (server/src/lsp/server.ts) answers them and the VS Code extension (client/src)
// sends them; both compile against this module, so neither can change a request alone.

import type { Matrix } from './matrix';
import type { MatrixDelta } from './matrix-delta';
import type { Grouping } from './matrix-wording';
import type { StatusAnswer } from './status-delta';

/** A request about one document, named by its URI. */
export interface DocumentParams {
  readonly uri: string;
}

/** `partnership/matrix`: the document's whole obligation matrix; null when it declares no partnership. */
export const MATRIX_REQUEST = 'partnership/matrix';
export type MatrixParams = DocumentParams;
export type MatrixResult = Matrix | null;

/**
 * `partnership/matrixUpdate`: the live preview's request. The answer is a change to the matrix
 * the server last answered for this document, when the preview says it holds that one.
 */
export const MATRIX_UPDATE_REQUEST = 'partnership/matrixUpdate';

export interface MatrixUpdateParams extends DocumentParams {
  /** The `id` of the matrix the preview holds for this document, or null for none. */
  readonly since: string | null;
}

export interface MatrixUpdate {
  readonly id: string;
  /** The matrix `matrix` is a change to; null when every row is given whole. */
  readonly base: string | null;
  readonly matrix: MatrixDelta;
}

/** Null when the document declares no partnership. */
export type MatrixUpdateResult = MatrixUpdate | null;

/** `partnership/exportMatrix`: the matrix rendered as a file's content. */
export const EXPORT_REQUEST = 'partnership/exportMatrix';

export type ExportFormat = 'html' | 'md' | 'csv';

export interface ExportParams extends DocumentParams {
  readonly format: ExportFormat;
  /** How to group the rows: by scope when absent. */
  readonly grouping?: Grouping;
}

/** The file's content; null when the document declares no partnership. */
export type ExportResult = string | null;

/**
 * `partnership/importPolicy` (a notification, also accepted as the initialization options):
 * whether an import may read a file outside the workspace folders. Only an explicit `true`
 * allows it.
 */
export const IMPORT_POLICY_NOTIFICATION = 'partnership/importPolicy';

export interface ImportPolicy {
  readonly allowImportsOutsideWorkspace: boolean;
}

/**
 * `partnership/status`: where the document's partnership stands on a day, for the preview's
 * status view; `on` is `YYYY-MM-DD`, or null for today. The answer is a change to the answer
 * `since` names, when the server still holds it (status-delta.ts). Null when the document
 * declares no partnership with a term.
 */
export const STATUS_REQUEST = 'partnership/status';

export interface StatusParams extends DocumentParams {
  readonly on: string | null;
  /** The `id` of the last answer the preview took, if any. */
  readonly since?: string | null;
}

export type StatusResult = StatusAnswer | null;
