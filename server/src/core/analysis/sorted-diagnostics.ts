// Each file's diagnostics as an analysis hands them out: the parse's, the imports' and the
// checks', placed in the file's text (their offsets were relative to their units) and sorted.
// A file whose diagnostics an analysis did not change keeps the previous list itself, so that
// a server compares lists by identity; after an edit that read a few files of a workspace
// again, only those files, the files whose checks were looked at, and the files whose findings
// point into another file are placed again.

import { type Diagnostic, sameDiagnostics } from '../diagnostics/diagnostic';
import { placed } from '../diagnostics/placement';
import type { CheckResults } from '../checks/run';
import type { Program } from '../program/program';
import type { Unit } from '../syntax/ast';

const NONE: readonly Diagnostic[] = [];

export interface SortedDiagnostics {
  readonly byFile: ReadonlyMap<string, readonly Diagnostic[]>;
  /**
   * The files some of whose findings point into another file (a related location, a fix's
   * edit): placed again at every analysis, since that file's units may have moved.
   */
  readonly pointingElsewhere: ReadonlySet<string>;
  /** The files whose lists were looked at; null when every file's was (the others are the previous lists). */
  readonly visited: ReadonlySet<string> | null;
}

/** The analysis before, as far as placing its diagnostics goes. */
export interface EarlierDiagnostics {
  readonly program: Program;
  readonly checks: CheckResults;
  readonly sorted: SortedDiagnostics;
}

export function sortedDiagnostics(program: Program, checks: CheckResults, previous: EarlierDiagnostics | undefined): SortedDiagnostics {
  const startOf = (file: string, unit: Unit): number => program.startOf(file, unit);
  // After an edit to some files of the same files: the others' diagnostics are as they were.
  const visit = previous && program.changed && program.sameGraph && checks.visited ? new Set([...program.changed, ...checks.visited, ...previous.sorted.pointingElsewhere]) : null;
  const byFile = new Map<string, readonly Diagnostic[]>(visit ? previous!.sorted.byFile : []);
  const pointing = new Set<string>(visit ? previous!.sorted.pointingElsewhere : []);
  const sortOne = (file: string): void => {
    const source = program.files.get(file);
    if (!source) return;
    const imports = program.importProblems.get(file) ?? NONE;
    const checked = checks.byFile.get(file)?.diagnostics ?? NONE;
    if (checked.some((d) => pointsElsewhere(d, file))) pointing.add(file);
    else pointing.delete(file);
    // The same file and check results place and sort to the same list, the previous one, when
    // every file they point into is the same too (a unit's start moves with edits before it).
    const same = (f: string): boolean => previous!.program.files.get(f) === program.files.get(f);
    if (
      previous && same(file) && previous.checks.byFile.get(file) === checks.byFile.get(file) &&
      sameDiagnostics(previous.program.importProblems.get(file) ?? NONE, imports) &&
      checked.every((d) => d.related.every((r) => !r.unit || same(r.file)) && d.fixes.every((f) => f.edits.every((e) => !e.unit || same(e.file))))
    ) {
      byFile.set(file, previous.sorted.byFile.get(file) ?? NONE);
      return;
    }
    const found = [...source.diagnostics, ...imports, ...checked];
    const list = found.map((d) => placed(d, startOf)).sort(
      (a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code) || a.message.localeCompare(b.message),
    );
    const before = previous?.sorted.byFile.get(file);
    byFile.set(file, before && sameDiagnostics(before, list) ? before : list);
  };
  if (visit) for (const file of visit) sortOne(file);
  else for (const file of program.files.keys()) sortOne(file);
  return { byFile, pointingElsewhere: pointing, visited: visit };
}

/** Whether a finding in `file` names a place in another file by its unit. */
function pointsElsewhere(d: Diagnostic, file: string): boolean {
  return d.related.some((r) => r.unit !== undefined && r.file !== file) || d.fixes.some((f) => f.edits.some((e) => e.unit !== undefined && e.file !== file));
}
