// P204: open work that plugs into exclusive work. A norm gives work W (its object scope) to Q;
// W is, or is inside, an open scope O; W or a scope containing it interfaces with a scope X
// covered by a grant to another party P on a day of the norm's period; and P has no norm
// (any modal) whose object or `scope` is O, W or a scope between them. Then nobody is bound
// to make the two sides fit, and the lawyer is warned.

import { isWithin, type PartySymbol, type ScopeSymbol } from '../binding/symbols';
import { report } from '../diagnostics/catalog';
import type { RelatedInformation } from '../diagnostics/diagnostic';
import { isCovered } from '../model/coverage';
import type { FileModel, InterfaceLink, NormModel, OpenScope } from '../model/semantic';
import { qnameText } from '../syntax/ast';
import { overlaps } from '../values/dates';
import { type CheckContext, describeGrant, describePeriod, related, spanOf } from './context';

export function checkInterfaces(ctx: CheckContext, model: FileModel): void {
  const opens = ctx.validOpens();
  const interfaces = interfacesByScope(ctx);
  if (opens.length === 0 || interfaces.size === 0) return;
  const norms = ctx.norms();

  for (const norm of model.norms) {
    if (!norm.line || !norm.subject || !norm.objectScope || !norm.period) continue;
    if (norm.modal !== 'must' && norm.modal !== 'may') continue;
    const work = norm.objectScope;
    const open = innermostOpen(work, opens);
    if (!open) continue;
    const finding = findUncoveredInterface(ctx, norm, work, open.scope, interfaces, norms);
    if (!finding) continue;
    const { link, exclusive, grant } = finding;
    const relatedInfo: RelatedInformation[] = [
      related(link.file, link.node, `The interface between ${qnameText(link.node.a)} and ${qnameText(link.node.b)}`),
      related(grant.file, grant.node, describeGrant(grant)),
      related(open.file, open.node, `${qnameText(open.node.scope)} is declared open here`),
    ];
    ctx.emit(report('P204', spanOf(norm.file, norm.line), {
      subject: qnameText(norm.line.subject),
      work: work.path,
      open: open.scope.path,
      exclusive: exclusive.path,
      holder: qnameText(grant.node.holder),
      when: describePeriod(grant.period),
    }, { related: relatedInfo }));
  }
}

function innermostOpen(work: ScopeSymbol, opens: readonly OpenScope[]): OpenScope | undefined {
  let best: OpenScope | undefined;
  for (const o of opens) if (isWithin(work, o.scope) && (!best || o.scope.depth > best.scope.depth)) best = o;
  return best;
}

/** Interfaces by each of their two scopes, built once per run. */
const interfaceIndex = new WeakMap<CheckContext, Map<ScopeSymbol, InterfaceLink[]>>();

function interfacesByScope(ctx: CheckContext): Map<ScopeSymbol, InterfaceLink[]> {
  let index = interfaceIndex.get(ctx);
  if (!index) {
    index = new Map();
    for (const link of ctx.models.flatMap((m) => m.interfaces)) {
      for (const side of new Set([link.a, link.b])) {
        const list = index.get(side) ?? [];
        list.push(link);
        index.set(side, list);
      }
    }
    interfaceIndex.set(ctx, index);
  }
  return index;
}

function findUncoveredInterface(
  ctx: CheckContext,
  norm: NormModel,
  work: ScopeSymbol,
  open: ScopeSymbol,
  interfaces: ReadonlyMap<ScopeSymbol, readonly InterfaceLink[]>,
  norms: readonly NormModel[],
) {
  // The interfaces of the work or of a scope containing it.
  const links = new Set<InterfaceLink>();
  for (let s: ScopeSymbol | null = work; s; s = s.parent) for (const link of interfaces.get(s) ?? []) links.add(link);
  for (const link of links) {
    for (const [near, far] of [[link.a, link.b], [link.b, link.a]] as const) {
      if (!isWithin(work, near)) continue;
      for (const grant of ctx.grantsNear(far)) {
        if (grant.holder === norm.subject || !grant.period || !overlaps(grant.period, norm.period!)) continue;
        if (!isCovered(far, grant)) continue;
        if (holderCoversWork(grant.holder, work, open, norms)) continue;
        return { link, exclusive: far, grant };
      }
    }
  }
  return undefined;
}

/** The scopes each party's norms name (object or `scope` line), built once per run. */
const scopesByParty = new WeakMap<readonly NormModel[], Map<PartySymbol, Set<ScopeSymbol>>>();

/** The holder has a norm on the open scope, the work, or a scope between them. */
function holderCoversWork(holder: PartySymbol, work: ScopeSymbol, open: ScopeSymbol, norms: readonly NormModel[]): boolean {
  let index = scopesByParty.get(norms);
  if (!index) {
    index = new Map();
    for (const n of norms) {
      if (!n.subject) continue;
      const set = index.get(n.subject) ?? new Set<ScopeSymbol>();
      if (n.objectScope) set.add(n.objectScope);
      if (n.scopeLine) set.add(n.scopeLine);
      index.set(n.subject, set);
    }
    scopesByParty.set(norms, index);
  }
  const named = index.get(holder);
  if (!named) return false;
  // Walk from the work up to the open scope: few steps, each a set lookup.
  for (let s: ScopeSymbol | null = work; s; s = s.parent) {
    if (named.has(s)) return true;
    if (s === open) break;
  }
  return false;
}
