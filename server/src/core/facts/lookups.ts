// The lookups checks make into every file checked together, each declared once: what it
// computes, from which files' contributions, and when two of its values are equal. A fact
// about a declaration can only come from files that see it, so each lookup reads the
// contributions of the files that contributed something about the declaring file's
// declarations; when those are the previous analysis's parts, the previous value stands.

import { rootOf, type BodySymbol, type ChargeSymbol, type KpiSymbol, type NormSymbol, type PartnershipSymbol, type PartySymbol, type ScopeSymbol } from '../binding/symbols';
import { grantsOverlappingOpen } from '../model/coverage';
import type { ChargeModel, Grant, InterfaceLink, NormModel, OpenScope, VariationModel } from '../model/semantic';
import type { UnitMeaning } from '../model/unit-meaning';
import { variedGrants } from '../model/varied';
import { applyVariations, NO_EFFECTS, returnsScopes, sameEffects, samePeriods, type VariationEffects } from '../model/variations';
import type { ModalValue } from '../syntax/ast';
import { placeOfUnit, type Program, type SourceFile } from '../program/program';
import { contributions, type Contributions, declaringFiles } from './contributions';
import { endedNormModels } from './ended-norms';
import { dutyIndex, type NamedWork, namedWork, scopesNamed, withModal } from './duty-index';
import { type Facts, type Lookup, type LookupReader, sameList, sameSet } from './engine';

/** A lookup into the files of one program. */
export type ProgramLookup<K, V> = Lookup<Program, K, V>;

const EMPTY: readonly never[] = [];
const NONE: ReadonlySet<never> = new Set();

/** For each declaring file, the files that contributed a fact about its declarations, in program order. */
const contributorIndex: ProgramLookup<null, ReadonlyMap<string, readonly SourceFile[]>> = {
  name: 'contributorIndex',
  compute(facts) {
    const index = new Map<string, SourceFile[]>();
    for (const source of facts.input.files.values()) {
      for (const file of declaringFiles(contributions(source))) {
        const list = index.get(file);
        if (list) list.push(source);
        else index.set(file, [source]);
      }
    }
    return index;
  },
  equals: (a, b) => a === b,
};

/**
 * Whether every fact about `file`'s declarations is as in the previous analysis: the files that
 * contributed to them are the very same, and every lookup keyed by its declarations reads only
 * their contributions.
 */
export function stableFile(facts: Facts<Program>, file: string): boolean {
  return facts.sameAsPrevious(contributorsOf, file);
}

const contributorsOf: ProgramLookup<string, readonly SourceFile[]> = {
  name: 'contributorsOf',
  compute: (facts, file) => facts.read(contributorIndex, null).get(file) ?? EMPTY,
  equals: sameList,
};

/**
 * A lookup whose value is gathered from one table of each contributor's contributions (the
 * key's entry in it). Its value is made from those tables alone: while each contributor's
 * table is the very one it was (a table is kept from edit to edit while no unit that adds to
 * it changes), every key's value stands (`Lookup.madeFrom`).
 */
function gathered<K, T>(name: string, declaringFile: (key: K) => string, table: (c: Contributions) => ReadonlyMap<K, readonly T[]>): ProgramLookup<K, readonly T[]> {
  const tablesOf = (facts: Facts<Program>, file: string): ReadonlyMap<K, readonly T[]>[] => facts.read(contributorsOf, file).map((s) => table(contributions(s)));
  const tables: ProgramLookup<string, readonly ReadonlyMap<K, readonly T[]>[]> = {
    name: `${name} tables`,
    fileOf: (file) => file,
    inputs: tablesOf,
    compute: tablesOf,
    equals: sameList,
  };
  return {
    name,
    fileOf: declaringFile,
    inputs: (facts, key) => facts.read(contributorsOf, declaringFile(key)).map((s) => table(contributions(s)).get(key)),
    compute(facts, key) {
      // One file's part is handed back as it is, so what is built from it is built once.
      let only: readonly T[] | undefined;
      let out: T[] | undefined;
      for (const source of facts.read(contributorsOf, declaringFile(key))) {
        const found = table(contributions(source)).get(key);
        if (!found) continue;
        if (out) out.push(...found);
        else if (only) out = [...only, ...found];
        else only = found;
      }
      return out ?? only ?? EMPTY;
    },
    equals: sameList,
    madeFrom: { lookup: tables, key: declaringFile },
  };
}

/** A lookup whose value is the union of one set of each contributor's contributions. */
function united<T>(name: string, part: (c: Contributions, file: string) => ReadonlySet<T> | undefined): ProgramLookup<string, ReadonlySet<T>> {
  return {
    name,
    fileOf: (file) => file,
    inputs: (facts, file) => facts.read(contributorsOf, file).map((s) => part(contributions(s), file)),
    compute(facts, file) {
      let out: Set<T> | undefined;
      for (const source of facts.read(contributorsOf, file)) {
        const found = part(contributions(source), file);
        if (found) for (const item of found) (out ??= new Set()).add(item);
      }
      return out ?? NONE;
    },
    equals: sameSet,
  };
}

/** Every grant with a valid period in the scope tree whose root is the key. */
const grantsInTree = gathered<ScopeSymbol, Grant>('grantsInTree', (root) => root.file, (c) => c.grants);

/** Every `open` statement in the scope tree whose root is the key. */
const opensInTree = gathered<ScopeSymbol, OpenScope>('opensInTree', (root) => root.file, (c) => c.opens);

/**
 * Every grant with a valid period in the scope tree whose root is the key, with its period as
 * varied by the variations of its partnership. Keyed by the root, not by each scope of the
 * tree, which would all have the same value: read it through `grantsNear`.
 */
const variedGrantsInTree: ProgramLookup<ScopeSymbol, readonly Grant[]> = {
  name: 'variedGrantsInTree',
  fileOf: (root) => root.file,
  compute(facts, root) {
    const grants = facts.read(grantsInTree, root);
    let varied: Grant[] | undefined;
    for (let i = 0; i < grants.length; i++) {
      const parts = variedGrants(grants[i], facts.read(variedPeriods, grants[i].file));
      if (!varied && parts.length === 1 && parts[0] === grants[i]) continue;
      varied ??= grants.slice(0, i);
      varied.push(...parts);
    }
    return varied ?? grants;
  },
  equals: sameList,
};

/** Every grant with a valid period whose scope lies in the same scope tree as `scope`, with its period as varied. */
export function grantsNear(reader: LookupReader<Program>, scope: ScopeSymbol): readonly Grant[] {
  return reader.read(variedGrantsInTree, rootOf(scope));
}

/** Every variation of the partnership of the key file, from every file checked together. */
export const variationsOf = gathered<string, VariationModel>('variationsOf', (file) => file, (c) => c.variations);

/**
 * What the variations of the key file's partnership do to it (model/variations.ts). Its inputs
 * are what the effects read: the term, grants, opens and charges, and of the norms only those
 * the variations end by name (every norm only when a variation returns a scope), so an edit
 * to another norm leaves the effects standing.
 */
export const variationEffects: ProgramLookup<string, VariationEffects> = {
  name: 'variationEffects',
  fileOf: (file) => file,
  inputs(facts, file) {
    const source = facts.input.files.get(file);
    const model = source?.model;
    const variations = facts.read(variationsOf, file);
    if (!source || !model || variations.length === 0) return [model ?? null, variations];
    // The list of variations itself: the same list while each variation is the same.
    const inputs: unknown[] = [model.term, model.grants, model.opens, model.charges, variations];
    if (returnsScopes(variations)) inputs.push(model.norms);
    else inputs.push(endedNormModels(model, variations, normModels(source)));
    return inputs;
  },
  compute(facts, file) {
    const source = facts.input.files.get(file);
    const variations = facts.read(variationsOf, file);
    return source?.model && variations.length > 0 ? applyVariations(source.model, variations, normModels(source)) : NO_EFFECTS;
  },
  equals: sameEffects,
};

/**
 * The variations' effects as the periods of the key file's partnership read them (what
 * `samePeriods` compares): the checks of periods read this, not `variationEffects`, so that an
 * edit to a variation that moves no day (its title, its clause) checks no norm again. Its value
 * may be an earlier analysis's effects, whose variations are not this one's: read only days
 * and the things ended from it, never which variation did it.
 */
export const variedPeriods: ProgramLookup<string, VariationEffects> = {
  name: 'variedPeriods',
  fileOf: (file) => file,
  inputs: (facts, file) => facts.read(variationEffects, file),
  compute: (facts, file) => facts.read(variationEffects, file),
  equals: samePeriods,
};

/**
 * What the unit that declares `symbol` means, found at its place in the file's units: the
 * place its unit was last known at, which an edit elsewhere leaves as it was; else, for a
 * declaration that is the first of its name (nearly every one), through the file's index of
 * names, so that asking about a few symbols as a file opens does not index all its units.
 */
function meaningOf(source: SourceFile, symbol: PartnershipSymbol): UnitMeaning {
  const place = symbol.file === source.file ? placeOfUnit(source, symbol.unit) : undefined;
  return place === undefined ? null : source.meanings.at(place);
}

/** The model of a norm of the file, found at the place of the unit that declares it. */
function normModels(source: SourceFile): (symbol: NormSymbol) => NormModel | undefined {
  return (symbol) => {
    const meaning = meaningOf(source, symbol);
    return meaning?.kind === 'norm' && meaning.value.symbol === symbol ? meaning.value : undefined;
  };
}

/**
 * `open` statements in the scope tree whose root is the key that are not themselves in error
 * (P203). Keyed by the root, as `variedGrantsInTree`: read it through `opensNear`.
 */
const validOpensInTree: ProgramLookup<ScopeSymbol, readonly OpenScope[]> = {
  name: 'validOpensInTree',
  fileOf: (root) => root.file,
  compute(facts, root) {
    const grants = facts.read(variedGrantsInTree, root);
    return facts.read(opensInTree, root).filter((o) => grantsOverlappingOpen(o, grants).length === 0);
  },
  equals: sameList,
};

/** `open` statements in the same scope tree as `scope` that are not themselves in error (P203). */
export function opensNear(reader: LookupReader<Program>, scope: ScopeSymbol): readonly OpenScope[] {
  return reader.read(validOpensInTree, rootOf(scope));
}

/** Interfaces with the key on either side. */
export const interfacesOf = gathered<ScopeSymbol, InterfaceLink>('interfacesOf', (scope) => scope.file, (c) => c.interfaces);

/** Every norm whose subject is the key. */
export const normsOf = gathered<PartySymbol, NormModel>('normsOf', (party) => party.file, (c) => c.norms);

/**
 * The scopes that norms whose subject is the key name, as their object or `scope` line. An
 * edit that leaves a norm's scopes as they were leaves this as it was, unlike `normsOf`.
 */
export const scopesNamedBy: ProgramLookup<PartySymbol, ReadonlySet<ScopeSymbol>> = {
  name: 'scopesNamedBy',
  fileOf: (party) => party.file,
  // Each contributor's set, kept with its list of the party's norms and carried when an edit
  // leaves the scopes its norms name as they were.
  inputs: (facts, party) => namedParts(facts, party),
  compute(facts, party) {
    const parts = namedParts(facts, party);
    if (parts.length === 1) return parts[0];
    const named = new Set<ScopeSymbol>();
    for (const part of parts) for (const scope of part) named.add(scope);
    return named;
  },
  equals: sameSet,
};

function namedParts(facts: Facts<Program>, party: PartySymbol): ReadonlySet<ScopeSymbol>[] {
  const parts: ReadonlySet<ScopeSymbol>[] = [];
  for (const source of facts.read(contributorsOf, party.file)) {
    const norms = contributions(source).norms.get(party);
    if (norms) parts.push(scopesNamed(norms));
  }
  return parts;
}

/**
 * The work that `must` and `may` norms whose subject is the key name, with their periods (P204
 * asks whether the holder of a grant is bound to work on a day). An edit that leaves these as
 * they were leaves the value as it was.
 */
export const workNamedBy: ProgramLookup<PartySymbol, readonly NamedWork[]> = {
  name: 'workNamedBy',
  fileOf: (party) => party.file,
  // The work of the party's norms is carried from edit to edit while each edited norm names
  // the work it named, so its value then stands without being compared.
  inputs: (facts, party) => namedWork(facts.read(normsOf, party)),
  compute: (facts, party) => namedWork(facts.read(normsOf, party)),
  equals: (a, b) => a === b || (a.length === b.length && a.every((w, i) => w.scope === b[i].scope && w.period.from === b[i].period.from && w.period.to === b[i].period.to)),
};

/**
 * A duty as one modal binds it: what a party must (or must not, may, can) do, by verb and
 * object (a scope, or a quoted object's key). P602 asks a `must` norm for the `must not` norms
 * of its duty, and the other way round.
 */
export interface Duty {
  readonly party: PartySymbol;
  readonly verb: string;
  readonly object: ScopeSymbol | string;
  readonly modal: ModalValue;
}

const duties = new WeakMap<PartySymbol, Map<string, Map<ScopeSymbol | string, Partial<Record<ModalValue, Duty>>>>>();

/** The key of a duty: the same object for equal duties, so that lookups find it again. */
export function dutyKey(party: PartySymbol, verb: string, object: ScopeSymbol | string, modal: ModalValue): Duty {
  let byVerb = duties.get(party);
  if (!byVerb) duties.set(party, (byVerb = new Map()));
  let byObject = byVerb.get(verb);
  if (!byObject) byVerb.set(verb, (byObject = new Map()));
  let byModal = byObject.get(object);
  if (!byModal) byObject.set(object, (byModal = {}));
  return (byModal[modal] ??= { party, verb, object, modal });
}

/** The norms of the duty's party, verb and object, whatever their modal. */
function dutyList(facts: Facts<Program>, duty: Duty): readonly NormModel[] | undefined {
  return dutyIndex(facts.read(normsOf, duty.party)).get(duty.verb)?.get(duty.object);
}

/**
 * The norms whose subject is the duty's party, with its verb, object (see `dutyObject`) and
 * modal. Keyed by the modal too, so that an edit to a `must` norm leaves the value for `must
 * not` as it was, and the norms that read only that are not checked again.
 */
export const normsWithDuty: ProgramLookup<Duty, readonly NormModel[]> = {
  name: 'normsWithDuty',
  fileOf: (duty) => duty.party.file,
  // The duty's own list: a party's index of duties is carried from edit to edit, so a duty an
  // edit did not touch keeps its very list, and its value stands without being computed.
  inputs: (facts, duty) => dutyList(facts, duty) ?? EMPTY,
  compute: (facts, duty) => withModal(dutyList(facts, duty) ?? EMPTY, duty.modal),
  // The party's index of duties is made from its norms, and kept while they are the same list.
  madeFrom: { lookup: normsOf, key: (duty) => duty.party },
  equals: sameList,
};

/** The declarations of the key file that some reference names. */
export const referenced = united<PartnershipSymbol>('referenced', (c, file) => c.referenced.get(file));

/** The KPIs of the key file that some norm is measured by. */
export const measured = united<KpiSymbol>('measured', (c, file) => c.measured.get(file));

/**
 * The model of a charge, read from the file that declares it: what a credit that names the
 * charge needs of it (whether it has a fixed charge, its amounts). Null while the charge has no
 * model (its file has none). Compared by identity: a charge's model is kept while its unit is.
 */
export const chargeModelOf: ProgramLookup<ChargeSymbol, ChargeModel | null> = {
  name: 'chargeModelOf',
  // The file's list of charges is the same list while no charge's meaning changed (an edit
  // elsewhere keeps it, model/unit-meaning.ts): its charges' models are then the same too.
  inputs: (facts, charge) => facts.input.files.get(charge.file)?.model?.charges ?? null,
  compute(facts, charge) {
    // Found at the place of its unit, not among every charge of the file: each credit's
    // charge is read again after each edit.
    const source = facts.input.files.get(charge.file);
    const meaning = source?.model ? meaningOf(source, charge) : null;
    return meaning?.kind === 'charge' && meaning.value.symbol === charge ? meaning.value : null;
  },
  equals: (a, b) => a === b,
};

/** The members a group's `of` list names (its own, not its members' members); empty for any other party. */
export const membersOf = gathered<PartySymbol, PartySymbol>('membersOf', (group) => group.file, (c) => c.members);

/** The groups whose `of` list names the key (directly). */
export const groupsOf = gathered<PartySymbol, PartySymbol>('groupsOf', (party) => party.file, (c) => c.groups);

/** The body the key escalates to: a list of one, or empty. */
export const escalationOf = gathered<BodySymbol, BodySymbol>('escalationOf', (body) => body.file, (c) => c.escalations);
