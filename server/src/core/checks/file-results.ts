// Each family's checks of a whole file, kept from the earlier analysis of the file while what
// they read is unchanged. A family says which kinds of statement its file check reads (through
// the model, the declarations or the text); an edit that touched no unit of those kinds, left
// the partnership's name and title as they were, and changed none of the lookups the check made
// leaves its findings as they were. An edit inside a norm so re-runs only the file checks that
// read norms, rather than every file check over every unit.

import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Facts, Read, Recorder } from '../facts/engine';
import { variedPeriods } from '../facts/lookups';
import { variedModel } from '../model/varied';
import type { FileModel } from '../model/semantic';
import type { Program, SourceFile } from '../program/program';
import type { Unit } from '../syntax/ast';
import type { ChunkedList } from '../values/chunked-list';
import { earlierPlace } from '../values/splice';
import type { CheckContext, CheckFamily, CheckInput, UnitKind } from './context';

/** What one family's file check found and looked up. */
export interface FamilyFileResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly reads: readonly Read[];
}

/** What the file checks of a list of families found and looked up. */
export interface FileChecks {
  readonly families: readonly CheckFamily[];
  /** By the family's place in `families`; absent for a family without a file check. */
  readonly byFamily: readonly (FamilyFileResult | undefined)[];
  /** Every family's findings, in the order of the families. */
  readonly diagnostics: readonly Diagnostic[];
  readonly reads: readonly Read[];
}

/**
 * Runs the file check of each family of `families` on `model`, but where the earlier checks of
 * the file (made on `earlier.model`) hold: the very earlier result when every family's does.
 */
export function runFileChecks(
  facts: Facts<Program>,
  recorder: Recorder<Program>,
  input: CheckInput,
  source: SourceFile,
  model: FileModel,
  families: readonly CheckFamily[],
  earlier: { readonly model: FileModel; readonly file: FileChecks } | undefined,
  fail: (name: string, error: unknown) => void,
): FileChecks {
  const before = earlier?.file.families === families ? earlier : undefined;
  const sameModel = before?.model === model;
  const touched = before && !sameModel ? touchedKinds(before.model, source, model) : null;
  const byFamily = new Array<FamilyFileResult | undefined>(families.length);
  let ranAgain = false;
  for (let f = 0; f < families.length; f++) {
    const family = families[f];
    if (!family.file) continue;
    const kept = before?.file.byFamily[f];
    if (kept && (sameModel || readsNothingTouched(family, touched, before!.model, model)) && facts.stillHold(kept.reads)) {
      byFamily[f] = kept;
      continue;
    }
    ranAgain = true;
    const found: Diagnostic[] = [];
    const reads: Read[] = [];
    recorder.into(reads);
    const ctx: CheckContext = { input, read: (lookup, key) => recorder.read(lookup, key), emit: (d) => found.push(d) };
    // The checks see periods as varied by the partnership's variations, which may be in other files.
    const varied = variedModel(model, recorder.read(variedPeriods, model.file));
    try {
      family.file(ctx, varied);
    } catch (error) {
      fail(family.name, error);
    }
    byFamily[f] = { diagnostics: found, reads };
  }
  if (before && !ranAgain) return before.file;
  const diagnostics: Diagnostic[] = [];
  const reads: Read[] = [];
  for (let f = 0; f < byFamily.length; f++) {
    const result = byFamily[f];
    if (result) {
      diagnostics.push(...result.diagnostics);
      reads.push(...result.reads);
    }
  }
  return { families, byFamily, diagnostics, reads };
}

/**
 * The kinds of the units an edit touched since `earlier` (replaced, added, removed, or whose
 * resolution or meaning changed), before and after it; null when the file's analysis does not
 * say which units those are, or the partnerships' name, title or braces differ.
 */
export function touchedKinds(earlier: FileModel, source: SourceFile, model: FileModel): ReadonlySet<UnitKind> | null {
  const then = earlier.partnership;
  const now = model.partnership;
  const before = then.block?.units;
  const after = now.block?.units;
  if (!before || !after || then.name !== now.name || then.title !== now.title || then.block!.start !== now.block!.start) return null;
  const kinds = new Set<UnitKind>();
  const add = (units: ChunkedList<Unit>, places: readonly number[]): void => {
    for (let i = 0; i < places.length; i++) kinds.add(units.at(places[i]).node.kind);
  };
  const replaced = source.replacedUnits;
  const changed = source.changedUnits;
  if (replaced && changed && before.length === after.length) {
    add(before, replaced);
    add(after, replaced);
    add(before, changed);
    add(after, changed);
    return kinds;
  }
  // Units added or removed: the units of every other kind are those before, in the same order.
  const spliced = source.splicedUnits;
  if (!spliced || before.length + spliced.splice.inserted - spliced.splice.removed !== after.length) return null;
  const { at, removed, inserted } = spliced.splice;
  for (let i = at; i < at + removed; i++) kinds.add(before.at(i).node.kind);
  for (let i = at; i < at + inserted; i++) kinds.add(after.at(i).node.kind);
  add(before, spliced.changed.map((i) => earlierPlace(spliced.splice, i)));
  add(after, spliced.changed);
  return kinds;
}

/** Whether `family`'s file check reads nothing the edit touched (its lookups are confirmed apart). */
export function readsNothingTouched(family: CheckFamily, touched: ReadonlySet<UnitKind> | null, earlier: FileModel, model: FileModel): boolean {
  if (!touched || !family.fileReads) return false;
  for (const m of [earlier, model]) {
    const kinds = family.fileReads(m);
    if (!kinds) return false;
    for (const kind of kinds) if (touched.has(kind)) return false;
  }
  return true;
}
