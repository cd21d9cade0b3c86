// P204: open work that plugs into exclusive work. A norm gives work W (its object scope) to Q;
// W is, or is inside, an open scope O; W or a scope containing it interfaces with a scope X
// covered by a grant to another party P on a day of the norm's period; and P has no `must` or
// `may` norm whose object or `scope` is O, W or a scope between them and whose period shares a
// day with the norm's within the grant. Then nobody is bound to make the two sides fit, and the
// lawyer is warned. A member of a holder group counts as the holder, and a group's norm binds
// its members.

import { isWithin, type PartySymbol, type ScopeSymbol } from '../binding/symbols';
import { report } from '../diagnostics/catalog';
import type { RelatedInformation } from '../diagnostics/diagnostic';
import { grantsNear, interfacesOf, opensNear, scopesNamedBy } from '../facts/lookups';
import { workNamedOn, workOn } from '../facts/work-on-scope';
import { isCovered } from '../model/coverage';
import type { Grant, InterfaceLink, NormModel, OpenScope } from '../model/semantic';
import { namesText, qnameText } from '../syntax/ast';
import { overlaps, type Period } from '../values/dates';
import { type CheckContext, describeGrant, describePeriod, related, spanOf } from './context';
import { allGroups, allMembers, countsAsHolder } from './membership';

/** P204 for one norm that gives open work. */
export function checkNormInterfaces(ctx: CheckContext, norm: NormModel): void {
  if (!norm.line || norm.subjects.length === 0 || !norm.objectScope || !norm.period) return;
  if (norm.modal !== 'must' && norm.modal !== 'may') return;
  const work = norm.objectScope;
  const open = innermostOpen(work, opensNear(ctx, work));
  if (!open) return;
  const finding = findUncoveredInterface(ctx, norm, work, open.scope);
  if (!finding) return;
  const { link, exclusive, grant } = finding;
  const relatedInfo: RelatedInformation[] = [
    related(link, link.node, `The interface between ${qnameText(link.node.a)} and ${qnameText(link.node.b)}`),
    related(grant, grant.node, describeGrant(grant)),
    related(open, open.node, `${qnameText(open.node.scope)} is declared open here`),
  ];
  ctx.emit(report('P204', spanOf(norm, norm.line), {
    subject: namesText(norm.line.subjects),
    work: work.path,
    open: open.scope.path,
    exclusive: exclusive.path,
    holder: qnameText(grant.node.holder),
    when: describePeriod(grant.period),
  }, { related: relatedInfo }));
}

function innermostOpen(work: ScopeSymbol, opens: readonly OpenScope[]): OpenScope | undefined {
  let best: OpenScope | undefined;
  for (let i = 0; i < opens.length; i++) {
    const o = opens[i];
    if (isWithin(work, o.scope) && (!best || o.scope.depth > best.scope.depth)) best = o;
  }
  return best;
}

function findUncoveredInterface(ctx: CheckContext, norm: NormModel, work: ScopeSymbol, open: ScopeSymbol) {
  // The interfaces of the work or of a scope containing it (most work has none).
  let links: Set<InterfaceLink> | undefined;
  for (let s: ScopeSymbol | null = work; s; s = s.parent) {
    const ofScope = ctx.read(interfacesOf, s);
    for (let i = 0; i < ofScope.length; i++) (links ??= new Set()).add(ofScope[i]);
  }
  if (!links) return undefined;
  for (const link of links) {
    const found = againstGrantBeyond(ctx, norm, work, open, link.a, link.b) ?? againstGrantBeyond(ctx, norm, work, open, link.b, link.a);
    if (found) return { link, exclusive: found.far, grant: found.grant };
  }
  return undefined;
}

/** A grant over `far` that the work, inside `near`, reaches across the interface without its holder. */
function againstGrantBeyond(ctx: CheckContext, norm: NormModel, work: ScopeSymbol, open: ScopeSymbol, near: ScopeSymbol, far: ScopeSymbol): { far: ScopeSymbol; grant: Grant } | undefined {
  if (!isWithin(work, near)) return undefined;
  const grants = grantsNear(ctx, far);
  for (let i = 0; i < grants.length; i++) {
    const grant = grants[i];
    if (!grant.period || !overlaps(grant.period, norm.period!) || norm.subjects.some((s) => countsAsHolder(ctx, s, grant.holder))) continue;
    if (!isCovered(far, grant)) continue;
    if (holderBoundToWork(ctx, work, open, grant, norm.period!)) continue;
    return { far, grant };
  }
  return undefined;
}

/**
 * The holder (one of its members, or a group it belongs to) has a `must` or `may` norm on the
 * open scope, the work, or a scope between them, on a day of `period` within the grant.
 */
function holderBoundToWork(ctx: CheckContext, work: ScopeSymbol, open: ScopeSymbol, grant: Grant, period: Period): boolean {
  const within = { from: Math.max(grant.period!.from, period.from), to: Math.min(grant.period!.to, period.to) };
  const bound = (party: PartySymbol): boolean =>
    // Most parties name none of the scopes between: their set answers without their norms' periods.
    namesScopeBetween(work, open, ctx.read(scopesNamedBy, party)) && worksBetween(ctx, party, work, open, within);
  return bound(grant.holder) || allGroups(ctx, grant.holder).some(bound) || allMembers(ctx, grant.holder).some(bound);
}

/** Whether the party names work on the work, the open scope or a scope between, on a day of `within`. */
function worksBetween(ctx: CheckContext, party: PartySymbol, work: ScopeSymbol, open: ScopeSymbol, within: Period): boolean {
  for (let s: ScopeSymbol | null = work; s; s = s.parent) {
    const on = ctx.read(workNamedOn, workOn(party, s));
    for (let i = 0; i < on.length; i++) if (overlaps(on[i].period, within)) return true;
    if (s === open) break;
  }
  return false;
}

/** Some norm names the open scope, the work, or a scope between them. */
function namesScopeBetween(work: ScopeSymbol, open: ScopeSymbol, named: ReadonlySet<ScopeSymbol>): boolean {
  // Walk from the work up to the open scope: few steps, each a set lookup.
  for (let s: ScopeSymbol | null = work; s; s = s.parent) {
    if (named.has(s)) return true;
    if (s === open) break;
  }
  return false;
}
