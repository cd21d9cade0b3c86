// The result of checking files, with zero-based line/character ranges (LSP's convention), as
// the command line prints it in JSON and SARIF. Files and diagnostics come in a fixed order so
// that the same input always gives the same bytes.

import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Analysis } from '../analysis/analysis';
import { LineIndex, type Position } from '../text/line-index';

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface ReportedLocation {
  readonly path: string;
  readonly range: Range;
  readonly message: string;
}

export interface ReportedEdit {
  readonly path: string;
  readonly range: Range;
  readonly newText: string;
}

export interface ReportedDiagnostic {
  readonly code: string;
  readonly severity: Diagnostic['severity'];
  readonly range: Range;
  readonly message: string;
  readonly related: readonly ReportedLocation[];
  readonly fixes: readonly { readonly title: string; readonly edits: readonly ReportedEdit[] }[];
}

export interface ReportedFile {
  readonly path: string;
  readonly diagnostics: readonly ReportedDiagnostic[];
}

export interface CheckReport {
  readonly files: readonly ReportedFile[];
}

export function checkReport(program: Analysis, files: readonly string[], displayPath: (file: string) => string): CheckReport {
  const index = (file: string): LineIndex => program.lines(file);
  const range = (file: string, start: number, end: number): Range => ({ start: index(file).position(start), end: index(file).position(end) });
  const reported = [...files].sort((a, b) => (displayPath(a) < displayPath(b) ? -1 : displayPath(a) > displayPath(b) ? 1 : 0)).map((file) => ({
    path: displayPath(file),
    diagnostics: program.diagnostics(file).map((d) => ({
      code: d.code,
      severity: d.severity,
      range: range(file, d.start, d.end),
      message: d.message,
      related: d.related.map((r) => ({ path: displayPath(r.file), range: range(r.file, r.start, r.end), message: r.message })),
      fixes: d.fixes.map((f) => ({ title: f.title, edits: f.edits.map((e) => ({ path: displayPath(e.file), range: range(e.file, e.start, e.end), newText: e.newText })) })),
    })),
  }));
  return { files: reported };
}

export function countBySeverity(report: CheckReport): Record<Diagnostic['severity'], number> {
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of report.files) for (const d of f.diagnostics) counts[d.severity]++;
  return counts;
}
