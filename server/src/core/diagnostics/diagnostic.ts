// The core's diagnostic shape: offsets into a file, related locations in any file, and quick
// fixes carried as plain text edits so that the editor and the command line can apply them.

import type { Unit } from '../syntax/ast';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface FileSpan {
  readonly file: string;
  /**
   * The unit the offsets count from, when they are a unit's (see `Unit`); absent when they are
   * offsets into the file. `placed` in placement.ts turns them into offsets into the file.
   */
  readonly unit?: Unit;
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

/** Contracts' codes start with P, results files' (the obligation ledger) with R. */
export type DiagnosticCode = `P${number}` | `R${number}`;

export interface Diagnostic extends FileSpan {
  /** A code of the catalog (catalog.ts), which is where every diagnostic is made: P for contracts, R for results files. */
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly related: readonly RelatedInformation[];
  readonly fixes: readonly Fix[];
}

function sameSpan(a: FileSpan, b: FileSpan): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end && a.unit === b.unit;
}

/** Two diagnostics say the same thing at the same place, with the same related locations and fixes. */
export function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a === b ||
    (sameSpan(a, b) && a.code === b.code && a.severity === b.severity && a.message === b.message &&
      a.related.length === b.related.length && a.related.every((r, i) => sameSpan(r, b.related[i]) && r.message === b.related[i].message) &&
      a.fixes.length === b.fixes.length && a.fixes.every((f, i) => sameFix(f, b.fixes[i])))
  );
}

function sameFix(a: Fix, b: Fix): boolean {
  return a.title === b.title && a.preferred === b.preferred && a.edits.length === b.edits.length &&
    a.edits.every((e, i) => sameSpan(e, b.edits[i]) && e.newText === b.edits[i].newText);
}

export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a === b || (a.length === b.length && a.every((d, i) => sameDiagnostic(d, b[i])));
}
