// Runs every check family on every file. A family that throws on a file becomes one internal
// error diagnostic for that file; the other families and files are still checked.
//
// Given the results of an earlier analysis, a file is checked again only when its model is new
// or something its checks looked up in other files has changed; otherwise its earlier result
// stands. A test compares this with checking everything afresh over random edit sequences.

import { report } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { FileModel } from '../model/semantic';
import type { Program, SourceFile } from '../program/program';
import type { Check, CheckContext } from './context';
import { checkDates } from './dates';
import { checkDeclarations } from './declarations';
import { checkExclusivity } from './exclusivity';
import { checkGovernance } from './governance';
import { checkInterfaces } from './interfaces';
import { checkKpis } from './kpis';
import { checkNorms } from './norms';
import { ProgramQueries, type Read } from './queries';

export const checkFamilies: readonly (readonly [string, Check])[] = [
  ['declarations', checkDeclarations],
  ['dates', checkDates],
  ['exclusivity', checkExclusivity],
  ['interfaces', checkInterfaces],
  ['kpis', checkKpis],
  ['governance', checkGovernance],
  ['norms', checkNorms],
];

/** The outcome of checking one file: its diagnostics and what the checks looked up elsewhere. */
export interface FileCheckResult {
  readonly model: FileModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly reads: readonly Read[];
}

/** Check results by file, and the lookups they were made with. */
export interface CheckResults {
  readonly byFile: ReadonlyMap<string, FileCheckResult>;
  readonly queries: ProgramQueries;
}

export function checkProgram(program: Program, previous?: CheckResults, families = checkFamilies): CheckResults {
  const queries = new ProgramQueries(program, previous?.queries);
  const results = new Map<string, FileCheckResult>();
  for (const source of program.files.values()) {
    const model = source.model;
    if (!model) continue;
    const earlier = previous?.byFile.get(source.file);
    const reusable = earlier !== undefined && earlier.model === model && queries.stillHold(earlier.reads);
    results.set(source.file, reusable ? earlier : checkFile(queries, source, model, families));
  }
  queries.forgetPrevious();
  return { byFile: results, queries };
}

/** Checks every file afresh and hands each diagnostic to `emit`. */
export function runChecks(program: Program, emit: (d: Diagnostic) => void, families = checkFamilies): void {
  for (const result of checkProgram(program, undefined, families).byFile.values()) result.diagnostics.forEach(emit);
}

function checkFile(queries: ProgramQueries, source: SourceFile, model: FileModel, families: readonly (readonly [string, Check])[]): FileCheckResult {
  const diagnostics: Diagnostic[] = [];
  const reads: Read[] = [];
  const ctx: CheckContext = { source, queries: queries.recording(reads), emit: (d) => diagnostics.push(d) };
  for (const [name, check] of families) {
    try {
      check(ctx, model);
    } catch (error) {
      const detail = `${name} check: ${error instanceof Error ? error.message : String(error)}`;
      diagnostics.push(report('P900', { file: model.file, start: 0, end: 0 }, { detail }));
    }
  }
  return { model, diagnostics, reads };
}
