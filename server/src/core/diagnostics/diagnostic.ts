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

/**
 * The diagnostic after an edit moved the text of `file` at or after `from` by `delta`: its own
 * span, its related locations and its fixes' edits move with the text.
 */
export function movedWithText(d: Diagnostic, file: string, from: number, delta: number): Diagnostic {
  if (delta === 0) return d;
  const at = <T extends FileSpan>(span: T): T =>
    span.file === file && span.start >= from ? { ...span, start: span.start + delta, end: span.end + delta } : span;
  return { ...at(d), related: d.related.map(at), fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map(at) })) };
}
