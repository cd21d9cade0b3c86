// Runs every check family on every file. A family that throws on a file becomes one internal
// error diagnostic for that file; the other families and files are still checked.
//
// Given the results of an earlier analysis, a file is checked again only when its model is new
// or something its checks looked up in other files has changed; otherwise its earlier result
// stands. When the model was patched for an edit inside one norm, each other norm keeps its
// earlier result (moved with the text) while what its checks looked up is unchanged. A test
// compares this with checking everything afresh over random edit sequences.

import { report } from '../diagnostics/catalog';
import { type Diagnostic, movedWithText } from '../diagnostics/diagnostic';
import type { FileModel } from '../model/semantic';
import type { Program, SourceFile } from '../program/program';
import type { CheckContext, CheckFamily } from './context';
import { checkBidiTitles } from './bidi-titles';
import { checkDates, checkNormDates } from './dates';
import { checkDeclarations } from './declarations';
import { checkExclusivity, checkWorkAgainstGrants } from './exclusivity';
import { checkGovernance } from './governance';
import { checkNormInterfaces } from './interfaces';
import { checkKpis } from './kpis';
import { checkNorm } from './norms';
import { addReader, keepReaders, removeReader, staleReaders, takeReaders } from './norm-readers';
import { declaringFileOf, ProgramQueries, type Read } from './queries';

export const checkFamilies: readonly CheckFamily[] = [
  { name: 'declarations', file: checkDeclarations },
  { name: 'titles', file: checkBidiTitles },
  { name: 'dates', file: checkDates, norm: checkNormDates },
  { name: 'exclusivity', file: checkExclusivity, norm: checkWorkAgainstGrants },
  { name: 'interfaces', norm: checkNormInterfaces },
  { name: 'kpis', file: checkKpis },
  { name: 'governance', file: checkGovernance },
  { name: 'norms', norm: checkNorm },
];

const NOTHING: readonly Diagnostic[] = [];

/** What the checks of one norm found, and what they looked up. */
interface NormResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly reads: readonly Read[];
}

/** The outcome of checking one file: its diagnostics and what the checks looked up elsewhere. */
export interface FileCheckResult {
  readonly model: FileModel;
  readonly diagnostics: readonly Diagnostic[];
  /** What the file's own checks looked up; each norm's lookups are in `norms`. */
  readonly fileReads: readonly Read[];
  /**
   * Each norm's diagnostics and lookups, in the order of `model.norms` (an array, not a map by
   * norm: a patched model keeps every other norm at its place, so an edit costs no lookups by
   * norm); empty when a check failed on this file.
   */
  readonly norms: readonly NormResult[];
}

/**
 * Every lookup a file's checks made, each once (norms that looked up the same thing saw the
 * same value), grouped by the file that declares what was looked up: a whole group is skipped
 * when nothing that file's facts come from has changed.
 */
const allReadsOf = new WeakMap<FileCheckResult, ReadonlyMap<string, readonly Read[]>>();

function allReads(result: FileCheckResult): ReadonlyMap<string, readonly Read[]> {
  let groups = allReadsOf.get(result);
  if (!groups) {
    const seen = new Map<string, Set<object | string>>();
    const byFile = new Map<string, Read[]>();
    const add = (read: Read): void => {
      const keys = listOf(seen, read.kind);
      if (keys.has(read.key)) return;
      keys.add(read.key);
      const file = declaringFileOf(read.key);
      const list = byFile.get(file);
      if (list) list.push(read);
      else byFile.set(file, [read]);
    };
    result.fileReads.forEach(add);
    for (const norm of result.norms) norm.reads.forEach(add);
    allReadsOf.set(result, (groups = byFile));
  }
  return groups;
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
    const reusable = earlier !== undefined && earlier.model === model && queries.stillHoldByFile(allReads(earlier));
    results.set(source.file, reusable ? earlier : checkFile(queries, source, model, families, earlier));
  }
  queries.forgetPrevious();
  return { byFile: results, queries };
}

/** Checks every file afresh and hands each diagnostic to `emit`. */
export function runChecks(program: Program, emit: (d: Diagnostic) => void, families = checkFamilies): void {
  for (const result of checkProgram(program, undefined, families).byFile.values()) result.diagnostics.forEach(emit);
}

function checkFile(queries: ProgramQueries, source: SourceFile, model: FileModel, families: readonly CheckFamily[], earlier: FileCheckResult | undefined): FileCheckResult {
  const diagnostics: Diagnostic[] = [];
  const fileReads: Read[] = [];
  const recording = queries.recording(fileReads);
  const failed = new Set<string>();
  const fail = (name: string, error: unknown): void => {
    failed.add(name);
    const detail = `${name} check: ${error instanceof Error ? error.message : String(error)}`;
    diagnostics.push(report('P900', { file: model.file, start: 0, end: 0 }, { detail }));
  };
  const ctx: CheckContext = { source, queries: recording, emit: (d) => diagnostics.push(d) };
  for (const family of families) {
    if (!family.file) continue;
    try {
      family.file(ctx, model);
    } catch (error) {
      fail(family.name, error);
    }
  }

  // The earlier result of a model this one patched: its norms' results move with the text.
  const patch = source.patch;
  const patched = patch && earlier && earlier.model === patch.previous.deref() ? earlier : undefined;
  const earlierNorms = patched && patched.norms.length === model.norms.length ? patched.norms : undefined;
  // Which norms looked up what, so that only the readers of lookups that changed are checked again.
  const readers = earlierNorms ? takeReaders(patched!, earlierNorms) : undefined;
  const stale = readers ? staleReaders(readers, earlierNorms!, queries) : undefined;
  const norms: NormResult[] = new Array(model.norms.length);
  const normFamilies = families.filter((f) => f.norm);
  // One context for every norm; what a norm's checks report goes to its own list, made only
  // when there is something to report (most norms have nothing).
  let own: Diagnostic[] | undefined;
  const normCtx: CheckContext = { source, queries: recording, emit: (d) => (own ??= []).push(d) };
  for (let i = 0; i < model.norms.length; i++) {
    const norm = model.norms[i];
    const before = earlierNorms && i !== patch!.index ? earlierNorms[i] : undefined;
    if (before && !stale![i]) {
      if (before.diagnostics.length === 0) {
        norms[i] = before;
        continue;
      }
      const moved = before.diagnostics.map((d) => movedWithText(d, model.file, patch!.from, patch!.delta));
      diagnostics.push(...moved);
      norms[i] = { diagnostics: moved, reads: before.reads };
      continue;
    }
    own = undefined;
    const reads: Read[] = [];
    recording.collectInto(reads);
    for (let f = 0; f < normFamilies.length; f++) {
      const family = normFamilies[f];
      // A family that failed on this file is reported once, and not run on its other norms.
      if (failed.size > 0 && failed.has(family.name)) continue;
      try {
        family.norm!(normCtx, norm, model);
      } catch (error) {
        fail(family.name, error);
      }
    }
    // Read into a constant: the checks above may have reassigned it, which the compiler cannot see.
    const found = own as Diagnostic[] | undefined;
    if (found) diagnostics.push(...found);
    norms[i] = { diagnostics: found ?? NOTHING, reads };
    if (readers) {
      removeReader(readers, i, earlierNorms![i].reads);
      addReader(readers, i, reads);
    }
  }
  if (failed.size === 0) {
    const result = { model, diagnostics, fileReads, norms };
    if (readers) keepReaders(result, readers);
    return result;
  }
  // Results that a failed check left incomplete are not kept norm by norm.
  return { model, diagnostics, fileReads: [...fileReads, ...norms.flatMap((n) => n.reads)], norms: [] };
}

function listOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}
