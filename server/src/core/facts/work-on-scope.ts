// The work a party names on one scope: what P204 asks of the holder of a grant, scope by scope
// along the way from the work to the open scope. Read by scope rather than as the party's
// whole list (`workNamedBy`), so that a norm that starts or stops naming work on one scope
// (a declaration being typed, say) checks again only the norms that asked about that scope;
// a party may have tens of thousands of norms, each of which asks about a few scopes.

import type { PartySymbol, ScopeSymbol } from '../binding/symbols';
import type { NamedWork } from './duty-index';
import { type ProgramLookup, workNamedBy } from './lookups';

/** A party and a scope, one object for each pair, so that a lookup's table finds it again. */
export interface WorkOn {
  readonly party: PartySymbol;
  readonly scope: ScopeSymbol;
}

const keys = new WeakMap<PartySymbol, WeakMap<ScopeSymbol, WorkOn>>();

export function workOn(party: PartySymbol, scope: ScopeSymbol): WorkOn {
  let byScope = keys.get(party);
  if (!byScope) keys.set(party, (byScope = new WeakMap()));
  let key = byScope.get(scope);
  if (!key) byScope.set(scope, (key = { party, scope }));
  return key;
}

const NONE: readonly NamedWork[] = [];

/** A party's named work by scope, made once for each list of it. */
const byScopeOf = new WeakMap<readonly NamedWork[], ReadonlyMap<ScopeSymbol, readonly NamedWork[]>>();

function byScope(named: readonly NamedWork[]): ReadonlyMap<ScopeSymbol, readonly NamedWork[]> {
  let index = byScopeOf.get(named);
  if (!index) {
    const built = new Map<ScopeSymbol, NamedWork[]>();
    for (let i = 0; i < named.length; i++) {
      const list = built.get(named[i].scope);
      if (list) list.push(named[i]);
      else built.set(named[i].scope, [named[i]]);
    }
    byScopeOf.set(named, (index = built));
  }
  return index;
}

/** The work the key's party names on the key's scope, with the periods it names it for. */
export const workNamedOn: ProgramLookup<WorkOn, readonly NamedWork[]> = {
  name: 'workNamedOn',
  fileOf: (key) => key.party.file,
  compute: (facts, key) => byScope(facts.read(workNamedBy, key.party)).get(key.scope) ?? NONE,
  equals: (a, b) => a === b || (a.length === b.length && a.every((w, i) => w.period.from === b[i].period.from && w.period.to === b[i].period.to)),
};
