// Declared things. A symbol is its declaration: two declarations with equal names (in two
// files, or twice in one) are two symbols, and identity is object identity. A symbol's nodes
// hold offsets from the start of its unit; where the unit stands is the file's to say.

import type { Body, Charge, Event, Ident, Kpi, Norm, Party, ScopeDecl, Unit, Variation } from '../syntax/ast';

export type SymbolKind = 'party' | 'scope' | 'norm' | 'kpi' | 'body' | 'event' | 'charge' | 'variation';

interface SymbolBase {
  readonly name: string;
  readonly file: string;
  /** The unit that declares it: its nodes' offsets count from the unit's start. */
  readonly unit: Unit;
  readonly nameNode: Ident;
  readonly doc: string | undefined;
  readonly title: string | undefined;
}

export interface PartySymbol extends SymbolBase {
  readonly kind: 'party';
  readonly decl: Party;
}

export interface ScopeSymbol extends SymbolBase {
  readonly kind: 'scope';
  readonly decl: ScopeDecl;
  readonly parent: ScopeSymbol | null;
  /** Children by name; the first declaration of a name wins. */
  readonly children: ReadonlyMap<string, ScopeSymbol>;
  /** Dotted path from the top of its partnership, e.g. `ICT.Core`. */
  readonly path: string;
  readonly depth: number;
}

export interface NormSymbol extends SymbolBase {
  readonly kind: 'norm';
  readonly decl: Norm;
}

export interface KpiSymbol extends SymbolBase {
  readonly kind: 'kpi';
  readonly decl: Kpi;
}

export interface BodySymbol extends SymbolBase {
  readonly kind: 'body';
  readonly decl: Body;
}

export interface EventSymbol extends SymbolBase {
  readonly kind: 'event';
  readonly decl: Event;
}

export interface ChargeSymbol extends SymbolBase {
  readonly kind: 'charge';
  readonly decl: Charge;
}

export interface VariationSymbol extends SymbolBase {
  readonly kind: 'variation';
  readonly decl: Variation;
}

export type PartnershipSymbol =
  | PartySymbol | ScopeSymbol | NormSymbol | KpiSymbol | BodySymbol | EventSymbol | ChargeSymbol | VariationSymbol;

export const kindNames: Record<SymbolKind, string> = {
  party: 'party',
  scope: 'scope',
  norm: 'norm',
  kpi: 'KPI',
  body: 'body',
  event: 'event',
  charge: 'charge',
  variation: 'variation',
};

/**
 * What a reference may name: one kind of declaration, or one of a few. A deadline counts from
 * an event or an obligation; a variation ends a norm, a KPI, a charge or a body; it varies a
 * partnership (this one or one the file imports).
 */
export type ExpectedKind = SymbolKind | 'anchor' | 'endable' | 'partnership';

export const expectedKinds: Readonly<Record<ExpectedKind, readonly SymbolKind[]>> = {
  party: ['party'], scope: ['scope'], norm: ['norm'], kpi: ['kpi'], body: ['body'], event: ['event'], charge: ['charge'], variation: ['variation'],
  anchor: ['event', 'norm'],
  endable: ['norm', 'kpi', 'charge', 'body'],
  partnership: [],
};

export const expectedNames: Readonly<Record<ExpectedKind, string>> = {
  ...kindNames,
  anchor: 'event or obligation',
  endable: 'norm, KPI, charge or body',
  partnership: 'partnership',
};

/** Whether a declaration of `kind` is what a reference expecting `expected` may name. */
export function accepts(expected: ExpectedKind, kind: SymbolKind): boolean {
  return expected === kind || expectedKinds[expected].includes(kind);
}

/** True when `inner` is `outer` or lies inside it. */
export function isWithin(inner: ScopeSymbol, outer: ScopeSymbol): boolean {
  if (inner.depth < outer.depth) return false;
  let s: ScopeSymbol | null = inner;
  while (s && s.depth > outer.depth) s = s.parent;
  return s === outer;
}

export function rootOf(scope: ScopeSymbol): ScopeSymbol {
  let s = scope;
  while (s.parent) s = s.parent;
  return s;
}
