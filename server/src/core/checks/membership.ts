// Groups as the checks see them: a norm whose subject is a group binds each of its members (and
// the members of a group among them), and a member of a group that holds a grant counts as the
// holder. Membership may cross files, so it is read through the declared lookups; a group that
// lists itself, directly or through others, is walked once.

import type { PartySymbol } from '../binding/symbols';
import { groupsOf, membersOf } from '../facts/lookups';
import type { CheckContext } from './context';

type Reader = Pick<CheckContext, 'read'>;
/** One step from a party: to its members, or to its groups. */
type Step = typeof membersOf | typeof groupsOf;

const NONE: readonly PartySymbol[] = [];

/** Every party reachable from `start` by one step of `step`, `start` excluded, nearest first. */
function reachable(ctx: Reader, step: Step, start: PartySymbol): readonly PartySymbol[] {
  // Most parties are in no group and have no members: nothing is made for them, not even a
  // function to take the step (this runs for each party of each norm as a contract opens).
  const first = ctx.read(step, start);
  if (first.length === 0) return NONE;
  const seen = new Set<PartySymbol>([start]);
  const out: PartySymbol[] = [];
  for (let i = -1; i < out.length; i++) {
    for (const p of i < 0 ? first : ctx.read(step, out[i])) {
      if (seen.has(p)) continue;
      seen.add(p);
      out.push(p);
    }
  }
  return out;
}

/** The members of a group, and their members in turn; empty for a party that is not a group. */
export function allMembers(ctx: Reader, group: PartySymbol): readonly PartySymbol[] {
  return reachable(ctx, membersOf, group);
}

/** The groups a party belongs to, and the groups those belong to in turn. */
export function allGroups(ctx: Reader, party: PartySymbol): readonly PartySymbol[] {
  return reachable(ctx, groupsOf, party);
}

/** Whether `party` counts as `holder` of a grant: it is the holder or a member of the holder group. */
export function countsAsHolder(ctx: Reader, party: PartySymbol, holder: PartySymbol): boolean {
  return party === holder || allMembers(ctx, holder).includes(party);
}

/**
 * Whether work given to `subject` goes only to the holder: the subject counts as the holder,
 * or it is a group each of whose members does.
 */
export function givenOnlyToHolder(ctx: Reader, subject: PartySymbol, holder: PartySymbol): boolean {
  if (countsAsHolder(ctx, subject, holder)) return true;
  const members = ctx.read(membersOf, subject);
  return members.length > 0 && allMembers(ctx, subject).every((m) => countsAsHolder(ctx, m, holder) || ctx.read(membersOf, m).length > 0);
}
