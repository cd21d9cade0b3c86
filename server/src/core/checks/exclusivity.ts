// P201 overlapping grants (a group and its members are different holders), P202 work given
// against a grant, P203 open scopes inside a grant, P205 carve-outs outside the granted scope.
// Grants, opens and norms come from every file checked together; each diagnostic lands in the
// file of the statement it points at.

import { report } from '../diagnostics/catalog';
import { nameCounterparts, relatedCounterparts } from '../diagnostics/counterparts';
import type { RelatedInformation } from '../diagnostics/diagnostic';
import { grantsConflict, grantsOverlappingOpen, workOverlapsGrant } from '../model/coverage';
import type { FileModel, Grant, NormModel } from '../model/semantic';
import { namesText, qnameText, type QName } from '../syntax/ast';
import { isWithin } from '../binding/symbols';
import { grantsNear } from '../facts/lookups';
import { ALL_TIME, firstSharedDay, formatDay, overlaps } from '../values/dates';
import { type CheckContext, describeGrant, describePeriod, related, spanOf } from './context';
import { givenOnlyToHolder } from './membership';

export function checkExclusivity(ctx: CheckContext, model: FileModel): void {
  checkCarveOuts(ctx, model);
  checkOverlappingGrants(ctx, model);
  checkOpenScopes(ctx, model);
}

function grantRelated(g: Grant): RelatedInformation {
  return related(g, g.node, describeGrant(g));
}

function checkCarveOuts(ctx: CheckContext, model: FileModel): void {
  for (const g of model.grants) {
    const stray = g.strayCarveOuts[0];
    if (!stray) continue;
    ctx.emit(report('P205', spanOf(g, g.node), { carveOut: qnameText(stray.node), scope: qnameText(g.node.scope) }, {
      related: g.strayCarveOuts.map((s) => related(s.scope, s.scope.nameNode, `\`${s.scope.path}\` is declared here`)),
    }));
  }
}

function checkOverlappingGrants(ctx: CheckContext, model: FileModel): void {
  for (const g of model.grants) {
    const others = grantsNear(ctx, g.scope).filter((o) => o !== g && grantsConflict(g, o));
    if (others.length === 0) continue;
    ctx.emit(report('P201', spanOf(g, g.node), {
      grant: `This grant to ${qnameText(g.node.holder)} over ${qnameText(g.node.scope)} ${describePeriod(g.period)}`,
      others: nameCounterparts(others, (o) => `${qnameText(o.node.holder)}'s grant over ${qnameText(o.node.scope)} ${describePeriod(o.period)}`),
      count: others.length,
    }, { related: relatedCounterparts(others, grantRelated) }));
  }
}

/** P202 for one norm: the work it gives to a party against another's grant. */
export function checkWorkAgainstGrants(ctx: CheckContext, norm: NormModel): void {
  if (!norm.line || !norm.objectScope || norm.subjects.length === 0 || !norm.period) return;
  if (norm.modal !== 'must' && norm.modal !== 'may') return;
  const work = norm.objectScope;
  const period = norm.period;
  // The list is made only when a grant is against the norm: most norms have none, and this runs for each.
  const near = grantsNear(ctx, work);
  let against: Grant[] | undefined;
  for (let i = 0; i < near.length; i++) {
    const g = near[i];
    // Reported unless every subject is the holder (or a member of the holder group): a joint
    // duty gives the work to each of them, and a group's to each of its members.
    if (g.period !== null && overlaps(g.period, period) && workOverlapsGrant(work, g) && !norm.subjects.every((s) => givenOnlyToHolder(ctx, s, g.holder))) (against ??= []).push(g);
  }
  if (!against) return;
  const first = against[0];
  // Without a term, a grant and a norm without dates share every day: there is no first one.
  const shared = firstSharedDay(first.period!, period);
  const bounded = shared > ALL_TIME.from;
  const when = norm.every
    ? (bounded ? `from ${formatDay(shared)}` : 'at all times')
    : norm.due
      ? `on ${norm.due.text}`
      : (bounded ? `during the term, including ${formatDay(shared)}` : 'at all times');
  ctx.emit(report('P202', spanOf(norm, norm.line), {
    grant: describeGrant(first),
    normKind: norm.node.keyword,
    work: qnameText(norm.line.object as QName),
    contains: work !== first.scope && isWithin(first.scope, work),
    subject: namesText(norm.line.subjects),
    when,
    more: against.length - 1,
  }, { related: relatedCounterparts(against, grantRelated) }));
}

function checkOpenScopes(ctx: CheckContext, model: FileModel): void {
  for (const open of model.opens) {
    const grants = grantsOverlappingOpen(open, grantsNear(ctx, open.scope));
    if (grants.length === 0) continue;
    ctx.emit(report('P203', spanOf(open, open.node), {
      scope: qnameText(open.node.scope),
      grants: nameCounterparts(grants, (g) => `${qnameText(g.node.holder)}'s exclusive grant over ${qnameText(g.node.scope)}`),
    }, { related: relatedCounterparts(grants, grantRelated) }));
  }
}
