// What one file adds to the facts that cross files, grouped by the declaration each concerns:
// the grants, opens and interfaces of each scope tree or scope, the norms of each party, and
// which declarations of each file its references name and its norms are measured by. Worked
// out once per file analysis and kept by its identity.

import { rootOf, type KpiSymbol, type PartnershipSymbol, type PartySymbol, type ScopeSymbol } from '../binding/symbols';
import type { Grant, InterfaceLink, NormModel, OpenScope } from '../model/semantic';
import type { SourceFile } from '../program/program';

export interface Contributions {
  /** Grants with a valid period, by the root of their scope's tree. */
  readonly grants: ReadonlyMap<ScopeSymbol, readonly Grant[]>;
  /** `open` statements by the root of their scope's tree. */
  readonly opens: ReadonlyMap<ScopeSymbol, readonly OpenScope[]>;
  /** Interfaces by each of their two scopes. */
  readonly interfaces: ReadonlyMap<ScopeSymbol, readonly InterfaceLink[]>;
  /** Norms by subject, in the order of the text. */
  readonly norms: ReadonlyMap<PartySymbol, readonly NormModel[]>;
  /** The declarations its references name, by the file that declares them. */
  readonly referenced: ReadonlyMap<string, ReadonlySet<PartnershipSymbol>>;
  /** The KPIs its norms are measured by, by the file that declares them. */
  readonly measured: ReadonlyMap<string, ReadonlySet<KpiSymbol>>;
}

const contributionsOf = new WeakMap<SourceFile, Contributions>();

export function contributions(source: SourceFile): Contributions {
  let c = contributionsOf.get(source);
  if (!c) contributionsOf.set(source, (c = gather(source)));
  return c;
}

/** The files whose declarations a file's contributions concern. */
export function declaringFiles(c: Contributions): Set<string> {
  const files = new Set<string>();
  for (const key of c.grants.keys()) files.add(key.file);
  for (const key of c.opens.keys()) files.add(key.file);
  for (const key of c.interfaces.keys()) files.add(key.file);
  for (const key of c.norms.keys()) files.add(key.file);
  for (const file of c.referenced.keys()) files.add(file);
  for (const file of c.measured.keys()) files.add(file);
  return files;
}

function gather(source: SourceFile): Contributions {
  const grants = new Map<ScopeSymbol, Grant[]>();
  const opens = new Map<ScopeSymbol, OpenScope[]>();
  const interfaces = new Map<ScopeSymbol, InterfaceLink[]>();
  const norms = new Map<PartySymbol, NormModel[]>();
  const referenced = new Map<string, Set<PartnershipSymbol>>();
  const measured = new Map<string, Set<KpiSymbol>>();
  const model = source.model;
  if (model) {
    for (const g of model.grants) if (g.period !== null) push(grants, rootOf(g.scope), g);
    for (const o of model.opens) push(opens, rootOf(o.scope), o);
    for (const link of model.interfaces) for (const side of new Set([link.a, link.b])) push(interfaces, side, link);
    // By index: these loops visit every norm and reference of a contract as it opens.
    const all = model.norms;
    for (let i = 0; i < all.length; i++) {
      const norm = all[i];
      if (norm.subject) push(norms, norm.subject, norm);
      for (let k = 0; k < norm.kpis.length; k++) add(measured, norm.kpis[k].file, norm.kpis[k]);
    }
  }
  const resolutions = source.resolutions;
  for (let i = 0; i < resolutions.length; i++) {
    const references = resolutions[i].references;
    for (let r = 0; r < references.length; r++) {
      const target = references[r].target;
      if (target) add(referenced, target.file, target);
    }
  }
  return { grants, opens, interfaces, norms, referenced, measured };
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
