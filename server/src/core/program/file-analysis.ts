// One file's references and meaning, unit by unit. A unit's resolution depends on the unit and
// on what the names it looked up declare; its meaning on the unit, its resolution and the term.
// So, given the file's earlier analysis, a unit the edit did not touch keeps its resolution
// while none of the names it looked up was declared by a unit the edit replaced, and keeps its
// meaning while its resolution and the term are the same.

import { declarationsOfUnit, duplicateDiagnostics, type Declarations } from '../binding/declare';
import type { PartnershipSymbol } from '../binding/symbols';
import { type NameScope, nameScope, resolveUnit, type UnitResolution, type VisiblePartnership } from '../binding/resolve';
import { Suggester } from '../binding/suggest';
import type { VisibleLookup } from '../binding/visible-lookup';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { type FileModel, termPeriod } from '../model/semantic';
import { calendarNamed, calendarOf, carriedFileModel, fileModel, termOf, unitMeaning, type UnitMeaning } from '../model/unit-meaning';
import { splicedFileModel } from '../model/spliced-model';
import type { TermContext } from '../model/norm-meaning';
import { firstPart, type Partnership, type QName, type Unit } from '../syntax/ast';
import type { ParsedDocument } from '../syntax/parse';
import { placeBefore, replacedPlaces, spliceBetween, stretchChange, unitStart, type UnitSplice } from '../syntax/unit-starts';
import { carryReaders, readersOf } from './name-readers';
import { earlierPlace, laterPlace } from '../values/splice';
import { ALL_TIME, type Period } from '../values/dates';
import { ChunkedList } from '../values/chunked-list';

/** What a file's analysis adds to its parse and declarations. */
export interface FileAnalysis {
  /** The names the file sees: its own partnership's, and those it imports. */
  readonly scope: NameScope | null;
  /** Each unit's resolution and meaning, by the unit's place in the partnership. */
  readonly resolutions: ChunkedList<UnitResolution>;
  readonly meanings: ChunkedList<UnitMeaning>;
  /** The places of the units whose resolution failed (P101, P103): they are resolved again each time. */
  readonly failedUnits: readonly number[];
  /**
   * The places whose resolution or meaning is not the earlier analysis's at the same place;
   * null when the two are not comparable place by place (units were added or removed).
   */
  readonly changedUnits: readonly number[] | null;
  /** The places whose unit the edit replaced; null when units were added or removed. */
  readonly replacedUnits: readonly number[] | null;
  /**
   * When units were added or removed by an incremental parse since the earlier analysis: how
   * (`splice`), and the places outside its stretch whose resolution or meaning is not the one
   * the same unit had. Null otherwise.
   */
  readonly splicedUnits: SplicedUnits | null;
  readonly model: FileModel | null;
  /**
   * What the file and the names it sees tell of it alone: syntax, declarations, references.
   * Those found inside a unit count their offsets from the unit's start.
   */
  readonly diagnostics: readonly Diagnostic[];
}

/** How the units and their analyses changed in an edit that added or removed units. */
export interface SplicedUnits {
  readonly splice: UnitSplice;
  /** Places (after the splice) outside its stretch whose resolution or meaning changed. */
  readonly changed: readonly number[];
}

/** What the analysis of a file starts from. */
export interface FileInput {
  readonly file: string;
  readonly parsed: ParsedDocument;
  readonly partnership: Partnership | null;
  readonly declarations: Declarations;
}

/**
 * `seesAsBefore`: every file `input` imports is the one `earlier` saw, so what its imports
 * declare has not changed.
 */
export function analyseFile(
  input: FileInput,
  visible: { readonly own: VisiblePartnership | null; readonly imported: VisibleLookup },
  earlier?: FileInput & FileAnalysis,
  seesAsBefore = false,
): FileAnalysis {
  const { file, parsed, partnership, declarations } = input;
  const scope = visible.own ? nameScope(visible.own, visible.imported) : null;
  const suggester = new Suggester();
  const units = partnership?.block?.units ?? ChunkedList.empty<Unit>();
  const term = termPeriod(partnership ? (termOf(partnership)?.node ?? null) : null);
  const calendar = calendarNamed(partnership ? calendarOf(partnership) : null);
  const termContext: TermContext = { bounds: term ?? ALL_TIME, calendar };
  const reusable = earlier && seesAsBefore && earlier.scope?.own.name === scope?.own.name ? earlierPlaces(earlier, units) : undefined;
  const sameBounds = earlier !== undefined && samePeriod(earlier.model?.term ?? null, term) && (earlier.model?.calendar ?? calendar) === calendar;

  // One unit's analysis, handed to `put`: kept from its earlier place when nothing it read changed.
  const analyse = (i: number, put: (resolution: UnitResolution, meaning: UnitMeaning) => void): void => {
    const unit = units.at(i);
    const place = reusable ? reusable.placeOf(i) : -1;
    const before = place >= 0 ? earlier!.resolutions.at(place) : undefined;
    const resolution = before && !before.failed && !readsAny(before.nodes, reusable!.changedNames) ? before : resolveUnit(file, unit, scope, suggester);
    put(resolution, before === resolution && sameBounds ? earlier!.meanings.at(place) : unitMeaning({ file, unit, symbol: declarationsOfUnit(file, unit).top, resolution, term: termContext }));
  };

  let resolutions: ChunkedList<UnitResolution>;
  let meanings: ChunkedList<UnitMeaning>;
  // The places looked at; null when every unit was.
  let visited: readonly number[] | null;
  let splicedUnits: SplicedUnits | null = null;
  if (reusable?.splice && sameBounds) {
    // The units of the stretch the edits re-parsed, those whose names did not resolve, and
    // those that read a name declared anew (an edit inside a norm declares its name anew) are
    // looked at; every other unit keeps what it had at its earlier place, and the lists share
    // their other chunks with the earlier ones.
    const { at, removed, inserted } = reusable.splice;
    const before = earlier!.partnership!.block!.units;
    const outside = new Set<number>();
    for (const p of earlier!.failedUnits) {
      const now = laterPlace(reusable.splice, p);
      if (now >= 0) outside.add(now);
    }
    if (reusable.changedNames.size > 0) {
      for (const p of readersOf(earlier!.resolutions, before, reusable.changedNames, units, reusable.gone!)) if (p < at || p >= at + inserted) outside.add(p);
    }
    const others = [...outside].sort((a, b) => a - b);
    const stretchResolutions = new Array<UnitResolution>(inserted);
    const stretchMeanings = new Array<UnitMeaning>(inserted);
    for (let k = 0; k < inserted; k++) {
      analyse(at + k, (resolution, meaning) => {
        stretchResolutions[k] = resolution;
        stretchMeanings[k] = meaning;
      });
    }
    const madeResolutions = new Array<UnitResolution>(others.length);
    const madeMeanings = new Array<UnitMeaning>(others.length);
    for (let k = 0; k < others.length; k++) {
      analyse(others[k], (resolution, meaning) => {
        madeResolutions[k] = resolution;
        madeMeanings[k] = meaning;
      });
    }
    resolutions = earlier!.resolutions.spliced(at, removed, stretchResolutions).replaced(others, (_i, k) => madeResolutions[k]);
    meanings = earlier!.meanings.spliced(at, removed, stretchMeanings).replaced(others, (_i, k) => madeMeanings[k]);
    const stretch = Array.from({ length: inserted }, (_, k) => at + k);
    visited = [...others.filter((p) => p < at), ...stretch, ...others.filter((p) => p >= at + inserted)];
    carryReaders(earlier!.resolutions, before, resolutions, units, reusable.splice, others);
    const changed = others.filter((p) => {
      const q = earlierPlace(reusable.splice!, p);
      return resolutions.at(p) !== earlier!.resolutions.at(q) || meanings.at(p) !== earlier!.meanings.at(q);
    });
    splicedUnits = { splice: reusable.splice, changed };
  } else {
    // A chunk at a time, so that no list as long as the contract is made only to be copied.
    const resolutionList = ChunkedList.builder<UnitResolution>();
    const meaningList = ChunkedList.builder<UnitMeaning>();
    const put = (resolution: UnitResolution, meaning: UnitMeaning): void => {
      resolutionList.push(resolution);
      meaningList.push(meaning);
    };
    for (let i = 0; i < units.length; i++) analyse(i, put);
    resolutions = resolutionList.finish();
    meanings = meaningList.finish();
    visited = null;
  }
  const failedUnits = placesWhere(visited, units.length, (i) => resolutions.at(i).failed);
  const comparable = earlier !== undefined && earlier.resolutions.length === units.length;
  const changedUnits = comparable ? placesWhere(visited, units.length, (i) => resolutions.at(i) !== earlier.resolutions.at(i) || meanings.at(i) !== earlier.meanings.at(i)) : null;
  let found: Diagnostic[] | undefined;
  for (const i of failedUnits) (found ??= []).push(...resolutions.at(i).diagnostics);

  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  if (declarations.duplicates.length > 0 && partnership?.block) {
    const block = partnership.block;
    diagnostics.push(...duplicateDiagnostics(declarations, parsed.text, (_file, unit) => unitStart(block, unit)!));
  }
  if (found) diagnostics.push(...found);
  // The earlier model with the changed meanings replaced, when each kept its kind; else gathered.
  // A replaced unit without a meaning (a note, say) may still change what the model gathers.
  const replacedUnits = reusable?.differing ?? (comparable ? replacedPlaces(earlier.partnership?.block?.units ?? ChunkedList.empty(), units) : null);
  const touched = changedUnits && replacedUnits ? [...new Set([...changedUnits, ...replacedUnits])] : null;
  let carried: FileModel | null = null;
  if (partnership && earlier?.model && touched) {
    carried = carriedFileModel(earlier.model, earlier.meanings, partnership, meanings, touched);
    // A unit replaced by one of another kind (a half-typed line becoming a norm): the stretch
    // of replaced units spliced over the same number of units.
    const replaced = replacedUnits ?? [];
    if (!carried && replaced.length > 0) {
      // The places are in order.
      const at = replaced[0];
      const count = replaced[replaced.length - 1] + 1 - at;
      const outside = changedUnits!.filter((p) => p < at || p >= at + count);
      carried = splicedFileModel(earlier.model, earlier.meanings, partnership, meanings, { at, removed: count, inserted: count }, outside);
    }
  } else if (partnership && earlier?.model && splicedUnits) {
    carried = splicedFileModel(earlier.model, earlier.meanings, partnership, meanings, splicedUnits.splice, splicedUnits.changed);
  }
  const model = carried ?? (partnership ? fileModel(file, partnership, meanings) : null);
  // The analysis keeps the scope without the names read through it, a table that only this resolution fills.
  return { scope: scope && { own: scope.own, imported: scope.imported }, resolutions, meanings, failedUnits, changedUnits, replacedUnits: reusable?.differing ?? null, splicedUnits, model, diagnostics };
}

/** The places among `visited` (every place below `count` when null) that pass `test`, in order. */
function placesWhere(visited: readonly number[] | null, count: number, test: (place: number) => boolean): number[] {
  if (visited) return visited.filter(test);
  const found: number[] = [];
  for (let i = 0; i < count; i++) if (test(i)) found.push(i);
  return found;
}

/** Where each unit stood in the earlier analysis, and the names whose declaration changed since. */
interface EarlierPlaces {
  placeOf(index: number): number;
  readonly changedNames: ReadonlySet<string>;
  /** How the edits changed the units, when an incremental parse says so, and the units it removed for good. */
  readonly splice?: UnitSplice;
  readonly gone?: ReadonlySet<Unit>;
  /** When the units stand place for place, the places whose unit was replaced. */
  readonly differing?: readonly number[];
}

function earlierPlaces(earlier: FileInput & FileAnalysis, units: ChunkedList<Unit>): EarlierPlaces | undefined {
  const before = earlier.partnership?.block?.units;
  if (!before || earlier.resolutions.length !== before.length) return undefined;
  // A name whose declaration changed may change what a reference resolves to. References
  // name parties, scopes, KPIs, norms (a deadline's anchor, `ends`), bodies, events and
  // charges, never a variation: a variation declared anew under the same name changes no
  // resolution that succeeded (one that failed is never kept), so only its presence counts.
  const changedNames = new Set<string>();
  const splice = spliceBetween(before, units);
  if (splice) {
    const { gone, added } = stretchChange(before, units, splice);
    const variationsGone = new Set<string>();
    for (const unit of gone) {
      const top = declarationsOfUnit(earlier.file, unit).top;
      if (top && !referable(top)) variationsGone.add(top.name);
      else if (top) changedNames.add(top.name);
    }
    for (const unit of added) {
      const top = declarationsOfUnit(earlier.file, unit).top;
      if (top && !referable(top) && variationsGone.delete(top.name)) continue;
      if (top) changedNames.add(top.name);
    }
    for (const name of variationsGone) changedNames.add(name);
    const placeOf = (i: number): number => placeBefore(before, units, splice, i);
    if (splice.inserted !== splice.removed) return { placeOf, changedNames, splice, gone };
    const differing: number[] = [];
    for (let i = splice.at; i < splice.at + splice.inserted; i++) if (units.at(i) !== before.at(i)) differing.push(i);
    return { placeOf, changedNames, splice, gone, differing };
  }
  const compare = (then: Unit | undefined, now: Unit | undefined): void => {
    const a = then ? declarationsOfUnit(earlier.file, then).top : null;
    const b = now ? declarationsOfUnit(earlier.file, now).top : null;
    if (a && b && a.name === b.name && !referable(a) && !referable(b)) return;
    if (a) changedNames.add(a.name);
    if (b) changedNames.add(b.name);
  };
  if (before.length === units.length) {
    // Units replaced place by place (a parse from the start, say): compared place by place.
    const differing = replacedPlaces(before, units)!;
    for (const i of differing) compare(before.at(i), units.at(i));
    return { placeOf: (i) => (units.at(i) === before.at(i) ? i : -1), changedNames, differing };
  }
  const placeOfUnit = new Map<Unit, number>();
  before.forEach((unit, i) => placeOfUnit.set(unit, i));
  const now = new Set(units);
  for (const unit of units) if (!placeOfUnit.has(unit)) compare(undefined, unit);
  for (const unit of before) if (!now.has(unit)) compare(unit, undefined);
  return { placeOf: (i) => placeOfUnit.get(units.at(i)) ?? -1, changedNames };
}

function referable(symbol: PartnershipSymbol): boolean {
  return symbol.kind !== 'variation';
}

/** Whether a reference's first part, the name it looked up in the file's namespace, is one of `changed`. */
function readsAny(nodes: readonly QName[], changed: ReadonlySet<string>): boolean {
  if (changed.size === 0) return false;
  for (let i = 0; i < nodes.length; i++) if (changed.has(firstPart(nodes[i]))) return true;
  return false;
}

function samePeriod(a: Period | null, b: Period | null): boolean {
  return a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to);
}
