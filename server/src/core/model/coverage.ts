// What a grant covers, per the brief: a scope is covered by a grant when it is the granted
// scope or lies inside it, and is neither a carve-out nor inside one. Work overlaps a grant
// when it is covered or contains a covered scope.

import { isWithin, type ScopeSymbol } from '../binding/symbols';
import { overlaps } from '../values/dates';
import type { Grant, OpenScope } from './semantic';

export function isCovered(scope: ScopeSymbol, grant: Grant): boolean {
  return isWithin(scope, grant.scope) && !grant.carveOuts.some((c) => isWithin(scope, c));
}

/** The granted scope itself is always covered (carve-outs lie strictly inside it). */
export function workOverlapsGrant(work: ScopeSymbol, grant: Grant): boolean {
  return isWithin(grant.scope, work) || isCovered(work, grant);
}

/** Some scope is covered by both grants: the inner granted scope, unless the outer grant carves it out. */
export function grantsOverlapInScope(a: Grant, b: Grant): boolean {
  if (isWithin(b.scope, a.scope)) return isCovered(b.scope, a);
  if (isWithin(a.scope, b.scope)) return isCovered(a.scope, b);
  return false;
}

export function grantsConflict(a: Grant, b: Grant): boolean {
  return a.holder !== b.holder && a.period !== null && b.period !== null && overlaps(a.period, b.period) && grantsOverlapInScope(a, b);
}

/** Grants an `open` statement overlaps (P203); periods are not considered. */
export function grantsOverlappingOpen(open: OpenScope, grants: readonly Grant[]): Grant[] {
  return grants.filter((g) => g.period !== null && workOverlapsGrant(open.scope, g));
}
