// What one file adds to the facts that cross files, grouped by the declaration each concerns:
// the grants, opens and interfaces of each scope tree or scope, the norms of each party, and
// which declarations of each file its references name and its norms are measured by, the
// members of each group and the groups of each member, and where each body escalates. Worked
// out once per file analysis and kept by its identity. A file changed in a few units (or with a
// few units added or removed) takes the contributions of its previous analysis with those
// units' parts replaced, taken out or put in (`carried`), so every part the edit did not touch
// is the very same object, which lookups see as unchanged.

import { rootOf, type BodySymbol, type KpiSymbol, type PartnershipSymbol, type PartySymbol, type ScopeSymbol } from '../binding/symbols';
import type { Grant, InterfaceLink, NormModel, OpenScope, VariationModel } from '../model/semantic';
import type { SourceFile } from '../program/program';
import { escalations, memberships } from './memberships';
import { carriedSubjectNorms } from './subject-norms';
import { type ChangedUnit, changedUnits } from './changed-units';
import { knownPlaceIn } from '../syntax/unit-starts';

export interface Contributions {
  /** Grants with a valid period, by the root of their scope's tree. */
  readonly grants: ReadonlyMap<ScopeSymbol, readonly Grant[]>;
  /** `open` statements by the root of their scope's tree. */
  readonly opens: ReadonlyMap<ScopeSymbol, readonly OpenScope[]>;
  /** Interfaces by each of their two scopes. */
  readonly interfaces: ReadonlyMap<ScopeSymbol, readonly InterfaceLink[]>;
  /** Variations by the file of the partnership they vary. */
  readonly variations: ReadonlyMap<string, readonly VariationModel[]>;
  /** Norms by subject, in the order of the text. */
  readonly norms: ReadonlyMap<PartySymbol, readonly NormModel[]>;
  /** The declarations its references name, by the file that declares them. */
  readonly referenced: ReadonlyMap<string, ReadonlySet<PartnershipSymbol>>;
  /** The KPIs its norms are measured by, by the file that declares them. */
  readonly measured: ReadonlyMap<string, ReadonlySet<KpiSymbol>>;
  /** How many references name each declaration, and how many norms are measured by each KPI. */
  readonly referenceCounts: ReadonlyMap<PartnershipSymbol, number>;
  readonly measureCounts: ReadonlyMap<KpiSymbol, number>;
  /** The members of each group it declares, in the order written. */
  readonly members: ReadonlyMap<PartySymbol, readonly PartySymbol[]>;
  /** The groups it declares, by each of their members (who may be declared in another file). */
  readonly groups: ReadonlyMap<PartySymbol, readonly PartySymbol[]>;
  /** The body each of its bodies escalates to (a list of one). */
  readonly escalations: ReadonlyMap<BodySymbol, readonly BodySymbol[]>;
}

const contributionsOf = new WeakMap<SourceFile, Contributions>();

export function contributions(source: SourceFile): Contributions {
  let c = contributionsOf.get(source);
  if (!c) contributionsOf.set(source, (c = gather(source)));
  return c;
}

const declaringFilesOf = new WeakMap<Contributions, ReadonlySet<string>>();

/** The files whose declarations a file's contributions concern; worked out once per contributions. */
export function declaringFiles(c: Contributions): ReadonlySet<string> {
  let known = declaringFilesOf.get(c);
  if (!known) declaringFilesOf.set(c, (known = gatherDeclaringFiles(c)));
  return known;
}

function gatherDeclaringFiles(c: Contributions): Set<string> {
  const files = new Set<string>();
  for (const key of c.grants.keys()) files.add(key.file);
  for (const key of c.opens.keys()) files.add(key.file);
  for (const key of c.interfaces.keys()) files.add(key.file);
  for (const file of c.variations.keys()) files.add(file);
  for (const key of c.norms.keys()) files.add(key.file);
  for (const file of c.referenced.keys()) files.add(file);
  for (const file of c.measured.keys()) files.add(file);
  for (const key of c.members.keys()) files.add(key.file);
  for (const key of c.groups.keys()) files.add(key.file);
  for (const key of c.escalations.keys()) files.add(key.file);
  return files;
}

function gather(source: SourceFile): Contributions {
  const norms = new Map<PartySymbol, NormModel[]>();
  const referenceCounts = new Map<PartnershipSymbol, number>();
  const measureCounts = new Map<KpiSymbol, number>();
  const model = source.model;
  // These loops visit every norm and reference of a contract as it opens: by index or
  // `forEach`, which make no iterator object for each step.
  model?.norms.forEach((norm) => {
    for (let j = 0; j < norm.subjects.length; j++) push(norms, norm.subjects[j], norm);
    count(measureCounts, norm.kpis, 1);
  });
  const resolutions = source.resolutions;
  for (let i = 0; i < resolutions.length; i++) countTargets(referenceCounts, resolutions.at(i).targets, 1);
  return {
    ...statements(source), ...memberships(source), escalations: escalations(source.model),
    norms, referenceCounts, measureCounts, referenced: byFile(referenceCounts), measured: byFile(measureCounts),
  };
}

/** Grants, opens and interfaces by scope, variations by the file they vary: a file has few of them. */
function statements(source: SourceFile): Pick<Contributions, 'grants' | 'opens' | 'interfaces' | 'variations'> {
  const grants = new Map<ScopeSymbol, Grant[]>();
  const opens = new Map<ScopeSymbol, OpenScope[]>();
  const interfaces = new Map<ScopeSymbol, InterfaceLink[]>();
  const variations = new Map<string, VariationModel[]>();
  const model = source.model;
  if (model) {
    for (const g of model.grants) if (g.period !== null) push(grants, rootOf(g.scope), g);
    for (const o of model.opens) push(opens, rootOf(o.scope), o);
    for (const link of model.interfaces) for (const side of new Set([link.a, link.b])) push(interfaces, side, link);
    for (const v of model.variations) if (v.variedFile !== null) push(variations, v.variedFile, v);
  }
  return { grants, opens, interfaces, variations };
}

/**
 * Carrying costs a little for each changed unit, gathering a little for every unit: beyond a
 * quarter of the units (or 64, in a small file), gathering afresh costs less. An edit to a
 * declaration many units name (a KPI's title, say) changes each of those units' meaning.
 */
const carryLimit = (units: number): number => Math.max(64, units >> 2);

/**
 * Gives `after` (a new analysis of the file `before` analysed) the contributions of `before`
 * with the parts of the units that changed replaced, when `before`'s are known.
 */
export function carryContributions(before: SourceFile, after: SourceFile): void {
  const earlier = contributionsOf.get(before);
  if (!earlier || contributionsOf.has(after) || !before.model || !after.model) return;
  const changes = changedUnits(before, after);
  if (!changes || changes.length > carryLimit(after.meanings.length)) return;
  const c = carried(earlier, after, changes);
  if (c) contributionsOf.set(after, c);
}

function carried(earlier: Contributions, after: SourceFile, changes: readonly ChangedUnit[]): Contributions | null {
  let statementsChanged = false;
  let bodiesChanged = false;
  let partiesChanged = false;
  const subjects = new Set<PartySymbol>();
  // What the changed units add to and take from the counts; most edits leave every count as it was.
  const referenceDeltas = new Map<PartnershipSymbol, number>();
  const measureDeltas = new Map<KpiSymbol, number>();
  for (const { then, now } of changes) {
    for (const state of [then, now]) {
      if (!state) continue;
      const m = state.meaning;
      if (m?.kind === 'grant' || m?.kind === 'open' || m?.kind === 'interface' || m?.kind === 'variation') statementsChanged = true;
      if (m?.kind === 'body') bodiesChanged = true;
      if (m?.kind === 'norm') for (const s of m.value.subjects) subjects.add(s);
      if (state.unit.node.kind === 'Party') partiesChanged = true;
    }
    if (then) countTargets(referenceDeltas, then.resolution.targets, -1);
    if (now) countTargets(referenceDeltas, now.resolution.targets, 1);
    if (then?.meaning?.kind === 'norm') count(measureDeltas, then.meaning.value.kpis, -1);
    if (now?.meaning?.kind === 'norm') count(measureDeltas, now.meaning.value.kpis, 1);
  }
  const referenceCounts = withDeltas(earlier.referenceCounts, referenceDeltas);
  const measureCounts = withDeltas(earlier.measureCounts, measureDeltas);
  // A subject's norms, in the order of the text: the changed norms put in and taken out, or gathered again.
  const norms = new Map(earlier.norms);
  const units = after.partnership?.block?.units;
  const placeOf = (norm: NormModel): number | undefined => (units ? knownPlaceIn(units, norm.unit) : undefined);
  for (const subject of subjects) {
    const list = carriedSubjectNorms(earlier.norms.get(subject), changes, subject, placeOf) ?? after.model!.norms.filter((n) => n.subjects.includes(subject));
    if (list.length > 0) norms.set(subject, list);
    else norms.delete(subject);
  }
  return {
    ...(statementsChanged ? statements(after) : { grants: earlier.grants, opens: earlier.opens, interfaces: earlier.interfaces, variations: earlier.variations }),
    ...(partiesChanged ? memberships(after) : { members: earlier.members, groups: earlier.groups }),
    escalations: bodiesChanged ? escalations(after.model) : earlier.escalations,
    norms,
    referenceCounts,
    measureCounts,
    referenced: referenceCounts === earlier.referenceCounts || sameKeys(referenceCounts, earlier.referenceCounts) ? earlier.referenced : byFile(referenceCounts),
    measured: measureCounts === earlier.measureCounts || sameKeys(measureCounts, earlier.measureCounts) ? earlier.measured : byFile(measureCounts),
  };
}

function countTargets(counts: Map<PartnershipSymbol, number>, targets: readonly (PartnershipSymbol | null)[], by: number): void {
  for (let r = 0; r < targets.length; r++) {
    const target = targets[r];
    if (target) bump(counts, target, by);
  }
}

function count<T>(counts: Map<T, number>, items: readonly T[], by: number): void {
  for (let k = 0; k < items.length; k++) bump(counts, items[k], by);
}

/** `counts` with `deltas` added; `counts` itself when every delta is nothing (most edits). */
function withDeltas<T>(counts: ReadonlyMap<T, number>, deltas: ReadonlyMap<T, number>): ReadonlyMap<T, number> {
  let out: Map<T, number> | undefined;
  for (const [item, delta] of deltas) {
    if (delta === 0) continue;
    out ??= new Map(counts);
    const now = (out.get(item) ?? 0) + delta;
    if (now > 0) out.set(item, now);
    else out.delete(item);
  }
  return out ?? counts;
}

/** Adds `by` to the count of `item`; a count of nothing is no entry (a delta may be below zero). */
function bump<T>(counts: Map<T, number>, item: T, by: number): void {
  const now = (counts.get(item) ?? 0) + by;
  if (now !== 0) counts.set(item, now);
  else counts.delete(item);
}

/** Whether two counts name the same things (how often does not matter to a set). */
function sameKeys<T>(a: ReadonlyMap<T, number>, b: ReadonlyMap<T, number>): boolean {
  if (a.size !== b.size) return false;
  for (const key of a.keys()) if (!b.has(key)) return false;
  return true;
}

/** The things counted, grouped by the file that declares them. */
function byFile<T extends { readonly file: string }>(counts: ReadonlyMap<T, number>): Map<string, Set<T>> {
  const out = new Map<string, Set<T>>();
  for (const item of counts.keys()) add(out, item.file, item);
  return out;
}

function push<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function add<K, T>(map: Map<K, Set<T>>, key: K, item: T): void {
  const set = map.get(key);
  if (set) set.add(item);
  else map.set(key, new Set([item]));
}
