// Runs every check family on every file. A family that throws on a file becomes one internal
// error diagnostic for that file; the other families and files are still checked.
//
// Every lookup a check makes is recorded with the value it saw (see facts/engine.ts). Given
// the results of an earlier analysis, a file's own checks run again only when its model is new
// or one of their lookups changed; each norm's checks run again only when the norm is new or
// one of its lookups changed. Results hold offsets from their units' starts, so a result kept
// after an edit elsewhere needs no moving. A test compares this with checking afresh over
// random edit sequences.

import { report } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { type Facts, type Read, readsByFile, readsByFileInSteps, Recorder, sameList } from '../facts/engine';
import { stableFile, variedPeriods } from '../facts/lookups';
import { contributions, declaringFiles } from '../facts/contributions';
import { carriedReaders, fileReaders, type FileReaders, type ReadGrouping } from './file-readers';
import { variedModel } from '../model/varied';
import { type FileChecks, runFileChecks } from './file-results';
import { carryReaders, hasReaderIndex, indexReaders } from './norm-readers';
import { normPlaceAfter } from '../model/carried-models';
import { carriedNormResults, carriedResults, earlierNormResults, type NormResult } from './earlier-norms';
import { ChunkedList } from '../values/chunked-list';
import { earlierUnitFindings, placesFound, unitChecker, unitSplice } from './unit-findings';
import { laterPlace } from '../values/splice';
import type { Unit } from '../syntax/ast';
import { placeBefore } from '../syntax/unit-starts';
import type { FileModel } from '../model/semantic';
import type { Program, SourceFile } from '../program/program';
import { type CheckContext, type CheckFamily, kinds, type UnitKind } from './context';
import { checkDates, checkNormDates, datesRead } from './dates';
import { checkCalendarName, checkDeadline, checkEventsUsed } from './deadlines';
import { checkDeclarations, checkRole, declarationsRead } from './declarations';
import { checkPartnershipTitle, checkUnitTitles, partnershipTitleRead } from './titles';
import { checkExclusivity, checkWorkAgainstGrants } from './exclusivity';
import { checkGovernance } from './governance';
import { checkNormInterfaces } from './interfaces';
import { checkKpis, kpisRead } from './kpis';
import { checkNorm } from './norms';
import { checkVariationDates, checkVariations } from './variations';
import { checkCharges } from './charges';
import { checkCredits } from './credits';
import { checkShares } from './shares';
import { checkEscalation } from './escalation';
import { checkEndeavours } from './endeavours';

/** A file check that reads the units of these kinds, whatever the model. */
function reading(...list: UnitKind[]): (model: FileModel) => ReadonlySet<UnitKind> {
  const read = kinds(...list);
  return () => read;
}

// Each family's `fileReads` names what its file check reads (see the check).
export const checkFamilies: readonly CheckFamily[] = [
  { name: 'declarations', file: checkDeclarations, unit: checkRole, unitKinds: kinds('Party'), fileReads: declarationsRead },
  { name: 'titles', file: checkPartnershipTitle, unit: checkUnitTitles, fileReads: partnershipTitleRead },
  { name: 'dates', file: checkDates, norm: checkNormDates, fileReads: datesRead },
  { name: 'exclusivity', file: checkExclusivity, norm: checkWorkAgainstGrants, fileReads: reading('Term', 'Exclusive', 'Open') },
  { name: 'interfaces', norm: checkNormInterfaces },
  { name: 'kpis', file: checkKpis, fileReads: kpisRead },
  { name: 'governance', file: checkGovernance, fileReads: reading('Term', 'Body') },
  { name: 'norms', norm: checkNorm },
  { name: 'deadlines', file: checkEventsUsed, unit: checkCalendarName, unitKinds: kinds('Calendar'), norm: checkDeadline, fileReads: reading('Event') },
  { name: 'variations', file: checkVariations, unit: checkVariationDates, unitKinds: kinds('Variation'), fileReads: reading('Term', 'Variation') },
  { name: 'charges', file: checkCharges, fileReads: reading('Term', 'Charge') },
  { name: 'credits', file: checkCredits, fileReads: reading('Term', 'Kpi') },
  { name: 'shares', unit: checkShares, unitKinds: kinds('Party') },
  { name: 'escalation', file: checkEscalation, fileReads: reading('Body') },
  { name: 'endeavours', unit: checkEndeavours, unitKinds: kinds('Norm') },
];

const NOTHING: readonly Diagnostic[] = [];
const NO_READS: readonly Read[] = [];

/** The outcome of checking one file: its diagnostics and what the checks looked up. */
export interface FileCheckResult {
  readonly model: FileModel;
  /** The file's own checks' findings and lookups, by family. */
  readonly file: FileChecks;
  /** What the checks of single units found, by the unit's place. */
  readonly unitFindings: ChunkedList<readonly Diagnostic[]>;
  /** The places, in order, of the units and of the norms whose checks found something: few beside them all. */
  readonly unitsFound: readonly number[];
  readonly normsFound: readonly number[];
  /** The same, one list in the order of the text. */
  readonly unitDiagnostics: readonly Diagnostic[];
  /** Each norm's findings and lookups, in the order of `model.norms`; empty when a check failed on this file. */
  readonly norms: ChunkedList<NormResult>;
  /**
   * What every norm's checks read, read once for the file: the variations' effects on periods
   * (`variedPeriods`). When they change, every norm is checked again; a norm's own reads leave
   * them out.
   */
  readonly normsRead: readonly Read[];
  /** Every finding, the file's own and its norms'. */
  readonly diagnostics: readonly Diagnostic[];
  /** False when a check failed on the file: nothing of it is kept for the next analysis. */
  readonly complete: boolean;
}

/** Check results by file. */
export interface CheckResults {
  readonly byFile: ReadonlyMap<string, FileCheckResult>;
  /** The program checked, and the check families run on it. */
  readonly program: Program;
  readonly families: readonly CheckFamily[];
  /** The files whose results were looked at; null when every file's were (the others are the previous results). */
  readonly visited: ReadonlySet<string> | null;
}

/** `noteReads` false: nothing is kept for a later analysis (the command line's, checked once). */
export function checkProgram(program: Program, facts: Facts<Program>, previous?: CheckResults, families = checkFamilies, noteReads = true): CheckResults {
  const reached = previous && noteReads ? reachedFiles(program, previous, families) : null;
  if (reached) {
    // Every other file's results stand: nothing they read can have changed.
    const byFile = new Map(previous!.byFile);
    for (const file of reached) {
      const source = program.files.get(file)!;
      byFile.set(file, checkFile(facts, source, source.model!, families, previous!.byFile.get(file), noteReads));
    }
    const results: CheckResults = { byFile, program, families, visited: reached };
    readerIndexes.set(results, carriedReaders(readerIndexes.get(previous!)!, (f) => previous!.byFile.get(f), (f) => byFile.get(f), reached, grouping));
    return results;
  }
  const results = new Map<string, FileCheckResult>();
  for (const source of program.files.values()) {
    const model = source.model;
    if (!model) continue;
    results.set(source.file, checkFile(facts, source, model, families, previous?.byFile.get(source.file), noteReads));
  }
  return { byFile: results, program, families, visited: null };
}

/** For results checked in a program that followed another: which files read what about which files. */
const readerIndexes = new WeakMap<CheckResults, FileReaders<FileCheckResult>>();
const grouping: ReadGrouping<FileCheckResult> = { groups: readGroupsOf, ready: (result) => readGroups.has(result) };
const NO_FILES: ReadonlySet<string> = new Set();

/**
 * The files whose results may differ from `previous`'s, when the program followed the one
 * `previous` checked with the same files: the files it analysed again, and those whose checks
 * read something about a file whose facts may have changed, which are the files an analysed
 * file's contributions concern, before the edit or after (the other files' facts come from the
 * same contributions: `stableFile`). Null when every file is to be visited.
 */
function reachedFiles(program: Program, previous: CheckResults, families: readonly CheckFamily[]): Set<string> | null {
  const changed = program.changed;
  if (!changed || !program.sameGraph || previous.families !== families) return null;
  const touched = new Set<string>();
  for (const file of changed) {
    const now = program.files.get(file);
    const then = previous.program.files.get(file);
    // A file that gained or lost its partnership changes the list of results itself.
    if (!now || !then || (now.model !== null) !== previous.byFile.has(file)) return null;
    touched.add(file);
    for (const declaring of declaringFiles(contributions(then))) touched.add(declaring);
    for (const declaring of declaringFiles(contributions(now))) touched.add(declaring);
  }
  let index = readerIndexes.get(previous);
  // Made from every file's reads, but those of the files analysed again, which are visited anyway.
  if (!index) readerIndexes.set(previous, (index = fileReaders(previous.byFile, grouping, changed)));
  const reached = new Set<string>(index.always);
  for (const file of touched) for (const reader of index.about.get(file) ?? NO_FILES) reached.add(reader);
  for (const file of changed) if (previous.byFile.has(file)) reached.add(file);
  return reached;
}

/** Every read of a file's checks, each once, grouped by the file it is about; made when first needed. */
const readGroups = new WeakMap<FileCheckResult, ReadonlyMap<string, readonly Read[]>>();

function readGroupsOf(result: FileCheckResult): ReadonlyMap<string, readonly Read[]> {
  let groups = readGroups.get(result);
  if (!groups) readGroups.set(result, (groups = readsByFile(readListsOf(result))));
  return groups;
}

function readListsOf(result: FileCheckResult): (readonly Read[])[] {
  return [result.file.reads, result.normsRead, ...result.norms.map((n) => n.reads)];
}

/**
 * Groups ahead, one file at a time, what the next analysis reads first of these results: each
 * file's reads by the file they are about, then the index of its norms' readers. For a caller with time to spare (an editor's server
 * while nobody types), so that the first edit after opening a workspace does not group them
 * all; each step is one file's.
 */
export function* groupReadsAhead(results: CheckResults): Generator<void, void, void> {
  for (const result of results.byFile.values()) {
    // Most files' results after an edit are the previous ones, grouped already: passed over
    // without a step each, so that the work ahead of an edit to a large workspace is short.
    if (!result.complete || readGroups.has(result)) continue;
    // A large file's reads are grouped a stretch at a time (`READS_A_STEP`).
    const groups = yield* readsByFileInSteps(readListsOf(result));
    // Made meanwhile by an analysis, while this waited between steps: that one is kept.
    if (!readGroups.has(result)) readGroups.set(result, groups);
    yield;
  }
  // Then the index of each file's norms' readers, which the next edit reads: a step for each
  // file's (a large file's, a stretch of norms at a time).
  for (const result of results.byFile.values()) {
    if (!result.complete || hasReaderIndex(result.norms)) continue;
    yield* indexReaders(result.norms);
    yield;
  }
}

function checkFile(facts: Facts<Program>, source: SourceFile, model: FileModel, families: readonly CheckFamily[], earlier: FileCheckResult | undefined, noteReads: boolean): FileCheckResult {
  // A file whose model is the one checked before, and none of whose reads changed, is done:
  // reads about a file whose contributors are all unchanged hold as a group.
  if (earlier?.complete && earlier.model === model && facts.holdAll(readGroupsOf(earlier), stableFile)) return earlier;
  const recorder = new Recorder(facts, noteReads);
  const input = { file: source.file, text: source.text, declarations: source.declarations };
  let failed: Set<string> | undefined;
  const failures: Diagnostic[] = [];
  const fail = (name: string, error: unknown): void => {
    (failed ??= new Set()).add(name);
    const detail = `${name} check: ${error instanceof Error ? error.message : String(error)}`;
    failures.push(report('P900', { file: model.file, start: 0, end: 0 }, { detail }));
  };

  // The file's own checks, each family's kept while what it read is unchanged.
  const file = runFileChecks(facts, recorder, input, source, model, families, earlier?.complete ? earlier : undefined, fail);

  // Each unit's own checks: carried by place from the earlier result but where the edit
  // replaced the unit, and otherwise kept by the unit's identity.
  const units = model.partnership.block?.units ?? ChunkedList.empty<Unit>();
  const replaced = source.replacedUnits;
  const carry = earlier?.complete && replaced !== null && earlier.unitFindings.length === units.length;
  const unitFindings = unitChecker(source.file, families, fail);
  let byPlace: ChunkedList<readonly Diagnostic[]>;
  let unitsFound: number[];
  const splice = carry || !earlier?.complete || earlier.file.families !== families ? null : unitSplice(earlier, units);
  if (carry) {
    byPlace = earlier!.unitFindings.replaced(replaced!, (i) => unitFindings(units.at(i)));
    unitsFound = placesFound((i) => byPlace.at(i), units.length, earlier!.unitsFound, replaced);
  } else if (splice) {
    // Units added or removed by an incremental parse: the stretch it parsed is checked (a unit
    // at its edges, read again as it was, keeps its findings), every other unit keeps its
    // findings at its moved place.
    const { at, removed, inserted } = splice;
    const then = earlier!.model.partnership.block!.units;
    const stretch = new Array<readonly Diagnostic[]>(inserted);
    const stretchPlaces = new Array<number>(inserted);
    for (let k = 0; k < inserted; k++) {
      const unit = units.at(at + k);
      const same = placeBefore(then, units, splice, at + k);
      stretch[k] = same >= 0 ? earlier!.unitFindings.at(same) : unitFindings(unit);
      stretchPlaces[k] = at + k;
    }
    byPlace = earlier!.unitFindings.spliced(at, removed, stretch);
    const foundBefore = earlier!.unitsFound.map((p) => laterPlace(splice, p)).filter((p) => p >= 0);
    unitsFound = placesFound((i) => byPlace.at(i), units.length, foundBefore, stretchPlaces);
  } else {
    // Units added or removed otherwise: a unit that stands elsewhere now keeps what was found in it.
    const before = earlier?.complete && earlier.file.families === families ? earlierUnitFindings(earlier) : undefined;
    byPlace = ChunkedList.made(units.length, (i) => before?.get(units.at(i)) ?? unitFindings(units.at(i)));
    unitsFound = placesFound((i) => byPlace.at(i), units.length, undefined, null);
  }
  const unitDiagnostics: Diagnostic[] = [];
  for (const i of unitsFound) unitDiagnostics.push(...byPlace.at(i));

  // Each norm's checks, kept while the norm and what it looked up are unchanged.
  const normFamilies = families.filter((f) => f.norm);
  const normsRead: Read[] = [];
  recorder.into(normsRead);
  const effects = recorder.read(variedPeriods, model.file);
  // The model as varied, made when a norm is checked (most edits check a few).
  let variedFile: FileModel | undefined;
  // The earlier results stand only while what every norm read does.
  const usable = earlier?.complete && facts.stillHold(earlier.normsRead) ? earlier : undefined;
  // After an edit inside a norm, or one that added or removed norms, only the norms it
  // replaced or added and the readers of a lookup whose value changed are checked again; the
  // others keep their result, at their place or where the splice moved it.
  const carried = carriedNormResults(facts, usable, model);
  const earlierOf = carried ? (i: number) => (carried.again.has(i) ? undefined : earlier!.norms.at(i)) : earlierNormResults(usable, model);
  // Carried, the results made again, by their index among the places; checked afresh, every
  // result in order, straight into chunks, and whether each is the earlier one at its place.
  const made: NormResult[] = [];
  const inOrder = carried ? null : ChunkedList.builder<NormResult>();
  let allAsBefore = earlier?.norms.length === model.norms.length;
  const keep = (k: number, result: NormResult): void => {
    if (inOrder) {
      inOrder.push(result);
      allAsBefore &&= earlier!.norms.at(k) === result;
    } else made[k] = result;
  };
  const places = carried ? [...carried.again].sort((a, b) => a - b) : null;
  // One context for every norm; what a norm's checks report goes to its own list, made only
  // when there is something to report (most norms have nothing).
  let own: Diagnostic[] | undefined;
  // Each norm's reads are noted into one list and kept as a copy of their own length (a list
  // grown by pushing keeps room for seventeen; a norm reads about six). With nothing noted (the
  // command line's one analysis), every norm shares one empty list.
  const noted: Read[] = [];
  const ctx: CheckContext = { input, read: (lookup, key) => recorder.read(lookup, key), emit: (d) => (own ??= []).push(d) };
  for (let k = 0, count = places ? places.length : model.norms.length; k < count; k++) {
    const i = places ? places[k] : k;
    const norm = model.norms.at(i);
    const before = earlierOf(i);
    if (before && (carried || facts.stillHold(before.reads))) {
      keep(k, before);
      continue;
    }
    own = undefined;
    noted.length = 0;
    recorder.into(noted);
    // The norm as varied, at its place in the varied model, which is kept by the effects.
    variedFile ??= variedModel(model, effects);
    const variedOne = variedFile.norms.at(i);
    for (let f = 0; f < normFamilies.length; f++) {
      const family = normFamilies[f];
      // A family that failed on this file is reported once, and not run on its other norms.
      if (failed?.has(family.name)) continue;
      try {
        family.norm!(ctx, variedOne, variedFile);
      } catch (error) {
        fail(family.name, error);
      }
    }
    // Read into a constant: the checks above may have reassigned it, which the compiler cannot see.
    const found = own as Diagnostic[] | undefined;
    keep(k, { norm, diagnostics: found ?? NOTHING, reads: noted.length > 0 ? noted.slice() : NO_READS });
  }

  const norms = places ? carriedResults(earlier!.norms, carried!.change, places, made) : inOrder!.finish();
  if (places) carryReaders(earlier!.norms, norms, places, carried!.change);
  const foundBefore = carried ? earlier!.normsFound.map((p) => normPlaceAfter(carried.change, p)).filter((p) => p >= 0) : undefined;
  const normsFound = placesFound((i) => norms.at(i).diagnostics, norms.length, foundBefore, places);

  // Nothing new: the earlier result itself, which tells readers nothing changed. Carried norms
  // are the earlier ones but at the places checked again.
  const sameNorms = places ? norms === earlier!.norms : allAsBefore;
  if (earlier && !failed && file === earlier.file && sameList(unitDiagnostics, earlier.unitDiagnostics) && sameNorms && sameList(normsRead.map((r) => r.value), earlier.normsRead.map((r) => r.value))) return earlier;
  const diagnostics: Diagnostic[] = [...file.diagnostics, ...unitDiagnostics];
  for (const i of normsFound) diagnostics.push(...norms.at(i).diagnostics);
  if (!failed) return { model, file, unitFindings: byPlace, unitsFound, unitDiagnostics, norms, normsFound, normsRead, diagnostics, complete: true };
  // Results that a failed check left incomplete are not kept: the file is checked afresh next time.
  diagnostics.push(...failures);
  return { model, file, unitFindings: ChunkedList.empty(), unitsFound: [], unitDiagnostics, norms: ChunkedList.empty(), normsFound: [], normsRead, diagnostics, complete: false };
}
