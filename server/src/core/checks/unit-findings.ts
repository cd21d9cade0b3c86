// The checks of single units within a file's checks (checks/run.ts): one context for every
// unit, the findings of an earlier result found again by unit or by place after an edit, and
// the places whose findings are not empty.

import type { Diagnostic } from '../diagnostics/diagnostic';
import type { FileModel } from '../model/semantic';
import type { Unit } from '../syntax/ast';
import { spliceBetween, type UnitSplice } from '../syntax/unit-starts';
import type { ChunkedList } from '../values/chunked-list';
import type { CheckFamily, UnitCheck, UnitKind } from './context';

/** What of a file's earlier check results the units' findings are carried from. */
const NOTHING: readonly Diagnostic[] = [];

export interface EarlierUnits {
  readonly model: FileModel;
  /** What the checks of single units found, by the unit's place. */
  readonly unitFindings: ChunkedList<readonly Diagnostic[]>;
}

/**
 * The places, in order, among `count` whose findings are not empty. With the earlier list and
 * the places that changed since, only those are looked at: the rest keep what they had.
 */
export function placesFound(findings: (i: number) => readonly unknown[], count: number, before: readonly number[] | undefined, changed: readonly number[] | null): number[] {
  const found: number[] = [];
  if (!before || !changed) {
    for (let i = 0; i < count; i++) if (findings(i).length > 0) found.push(i);
    return found;
  }
  const looked = new Set(changed);
  for (const i of before) if (!looked.has(i)) found.push(i);
  for (const i of looked) if (findings(i).length > 0) found.push(i);
  return found.sort((a, b) => a - b);
}

/** How the units of `earlier`'s model became `units`, when an incremental parse says so and the earlier findings are of those units. */
export function unitSplice(earlier: EarlierUnits, units: ChunkedList<Unit>): UnitSplice | null {
  const then = earlier.model.partnership.block?.units;
  return then && then.length === earlier.unitFindings.length ? spliceBetween(then, units) : null;
}

/**
 * What the unit checks found in each unit of an earlier result, by the unit: kept by place, so
 * opening a contract fills no table keyed by every unit; this map is made only when units were
 * added or removed.
 */
export function earlierUnitFindings(earlier: EarlierUnits): ReadonlyMap<Unit, readonly Diagnostic[]> | undefined {
  const units = earlier.model.partnership.block?.units;
  if (!units || units.length !== earlier.unitFindings.length) return undefined;
  const byUnit = new Map<Unit, readonly Diagnostic[]>();
  units.forEach((unit, i) => byUnit.set(unit, earlier.unitFindings.at(i)));
  return byUnit;
}

/**
 * The checks of single units, with one context for every unit of a file: what a unit's checks
 * report goes to its own list, made only when there is something to report. Each unit is given
 * to the checks of the families that look at its kind (`CheckFamily.unitKinds`).
 */
export function unitChecker(file: string, families: readonly CheckFamily[], fail: (name: string, error: unknown) => void): (unit: Unit) => readonly Diagnostic[] {
  let found: Diagnostic[] | undefined;
  const ctx = { file, emit: (d: Diagnostic) => (found ??= []).push(d) };
  const forKind = unitFamiliesByKind(families);
  return (unit) => {
    found = undefined;
    const unitFamilies = forKind(unit.node.kind);
    // By index: this runs for every unit as a contract opens, when a `for … of` loop still makes an object for each step.
    for (let f = 0; f < unitFamilies.length; f++) {
      const family = unitFamilies[f];
      try {
        family.unit(ctx, unit);
      } catch (error) {
        // The file's result is then incomplete and not kept: the unit is checked again next time.
        fail(family.name, error);
      }
    }
    // Read into a constant: the checks above may have reassigned it, which the compiler cannot see.
    const list = found as Diagnostic[] | undefined;
    return list ?? NOTHING;
  };
}

type UnitFamily = CheckFamily & { readonly unit: UnitCheck };

/** The families whose unit check looks at each kind of unit, found once for each kind a file has. */
function unitFamiliesByKind(families: readonly CheckFamily[]): (kind: UnitKind) => readonly UnitFamily[] {
  const withUnitCheck = families.filter((family): family is UnitFamily => family.unit !== undefined);
  const byKind = new Map<UnitKind, readonly UnitFamily[]>();
  return (kind) => {
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = withUnitCheck.filter((family) => !family.unitKinds || family.unitKinds.has(kind))));
    return list;
  };
}
