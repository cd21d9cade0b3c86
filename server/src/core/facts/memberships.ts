// What one file says about who belongs to whom and where its bodies escalate: the members of
// each `group` it declares (resolved through its party units' references, so members may be
// declared in imported files) and each body's `escalates-to`. Contributions gather these;
// lookups (lookups.ts) answer them across files.

import { declarationsOfUnit } from '../binding/declare';
import type { UnitResolution } from '../binding/resolve';
import type { BodySymbol, PartySymbol } from '../binding/symbols';
import type { FileModel } from '../model/semantic';
import type { SourceFile } from '../program/program';
import type { Party } from '../syntax/ast';

/** The role that makes a party's `of` list its members rather than its parents. */
export const GROUP_ROLE = 'group';

/** The members of each group a file declares, and the same facts by member. */
export function memberships(source: SourceFile): {
  readonly members: ReadonlyMap<PartySymbol, readonly PartySymbol[]>;
  readonly groups: ReadonlyMap<PartySymbol, readonly PartySymbol[]>;
} {
  const members = new Map<PartySymbol, PartySymbol[]>();
  const groups = new Map<PartySymbol, PartySymbol[]>();
  const units = source.partnership?.block?.units;
  for (let i = 0; i < (units?.length ?? 0); i++) {
    const unit = units!.at(i);
    const node = unit.node;
    if (node.kind !== 'Party' || node.role?.text !== GROUP_ROLE) continue;
    const group = declarationsOfUnit(source.file, unit).top;
    if (group?.kind !== 'party') continue;
    const resolution = source.resolutions.at(i);
    const listed = resolution ? resolvedParents(node, resolution) : [];
    // A group listed among its own members adds nothing to it.
    const own = [...new Set(listed)].filter((m) => m !== group);
    if (own.length === 0) continue;
    members.set(group, own);
    for (const member of own) {
      const of = groups.get(member);
      if (of) of.push(group);
      else groups.set(member, [group]);
    }
  }
  return { members, groups };
}

/** The parties an `of` list names that resolved, in the order written. */
function resolvedParents(node: Party, resolution: UnitResolution): PartySymbol[] {
  const out: PartySymbol[] = [];
  for (let r = 0; r < resolution.nodes.length; r++) {
    const target = resolution.targets[r];
    if (target?.kind === 'party' && node.parents.includes(resolution.nodes[r])) out.push(target);
  }
  return out;
}

/** Where each body of a file escalates to. */
export function escalations(model: FileModel | null): ReadonlyMap<BodySymbol, readonly BodySymbol[]> {
  const out = new Map<BodySymbol, readonly BodySymbol[]>();
  for (const body of model?.bodies ?? []) if (body.escalation) out.set(body.symbol, [body.escalation.body]);
  return out;
}
