// The units an edit changed in a file, as they were and as they are: those the file's analysis
// found changed place for place, or, after an edit that added or removed units, those of the
// stretch it re-parsed (removed, then added) and the few outside it whose analysis changed.
// What is carried from one analysis to the next (a file's contributions) works from this list.

import { declarationsOfUnit } from '../binding/declare';
import type { UnitResolution } from '../binding/resolve';
import type { UnitMeaning } from '../model/unit-meaning';
import type { SourceFile } from '../program/program';
import type { Unit } from '../syntax/ast';
import { earlierPlace } from '../values/splice';

/** One unit an edit changed, as it was and as it is; null on the side where it does not stand (a splice added or removed it). */
export interface ChangedUnit {
  readonly then: UnitState | null;
  readonly now: UnitState | null;
}

export interface UnitState {
  readonly unit: Unit;
  readonly resolution: UnitResolution;
  readonly meaning: UnitMeaning;
}

/** What the file's analysis says changed since `before`: units place for place, or a splice and the few places outside it. */
export function changedUnits(before: SourceFile, after: SourceFile): ChangedUnit[] | null {
  const stateOf = (source: SourceFile, i: number): UnitState => ({ unit: source.partnership!.block!.units.at(i), resolution: source.resolutions.at(i), meaning: source.meanings.at(i) });
  if (after.changedUnits) return after.changedUnits.length === 0 ? [] : after.changedUnits.map((i) => ({ then: stateOf(before, i), now: stateOf(after, i) }));
  const spliced = after.splicedUnits;
  if (!spliced || !before.partnership?.block || !after.partnership?.block) return null;
  const { at, removed, inserted } = spliced.splice;
  // A unit at an edge of the stretch, read again as it was, changed nothing; one parsed again
  // into a new unit declaring the same name is that declaration changed in place. Paired in
  // the order of the text, so a pair keeps its place among the other units.
  const gone: { readonly key: Unit | string; readonly state: UnitState; paired: boolean }[] = [];
  for (let i = at; i < at + removed; i++) gone.push({ key: sameDeclaration(before, i), state: stateOf(before, i), paired: false });
  const changes: ChangedUnit[] = [];
  let next = 0;
  for (let i = at; i < at + inserted; i++) {
    const now = stateOf(after, i);
    const key = sameDeclaration(after, i);
    let j = next;
    while (j < gone.length && gone[j].key !== key) j++;
    const then = j < gone.length ? gone[j] : undefined;
    if (then) {
      then.paired = true;
      next = j + 1;
    }
    if (!then || then.state.resolution !== now.resolution || then.state.meaning !== now.meaning) changes.push({ then: then?.state ?? null, now });
  }
  for (const then of gone) if (!then.paired) changes.push({ then: then.state, now: null });
  for (const i of spliced.changed) changes.push({ then: stateOf(before, earlierPlace(spliced.splice, i)), now: stateOf(after, i) });
  return changes;
}

/** What identifies the unit at `place` across a re-parse: the kind and name it declares, or the unit itself when it declares none. */
function sameDeclaration(source: SourceFile, place: number): Unit | string {
  const unit = source.partnership!.block!.units.at(place);
  const top = declarationsOfUnit(source.file, unit).top;
  return top ? `${unit.node.kind} ${top.name}` : unit;
}
