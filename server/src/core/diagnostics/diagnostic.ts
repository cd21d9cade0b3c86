// The core's diagnostic shape: offsets into a file, related locations in any file, and quick
// fixes carried as plain text edits so that the editor and the command line can apply them.

import type { Code } from './catalog';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface FileSpan {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export interface RelatedInformation extends FileSpan {
  readonly message: string;
}

export interface TextEdit extends FileSpan {
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix an editor may apply on its own, e.g. the only close match for a misspelt name. */
  readonly preferred?: boolean;
}

export interface Diagnostic extends FileSpan {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  readonly related: readonly RelatedInformation[];
  readonly fixes: readonly Fix[];
}
