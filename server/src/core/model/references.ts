// What a unit's references name, read in the order they are written: how a unit's meaning
// finds the declarations its lines name.

import type { UnitResolution } from '../binding/resolve';
import type { PartnershipSymbol, SymbolKind } from '../binding/symbols';
import type { QName } from '../syntax/ast';

type SymbolOf<K extends SymbolKind> = Extract<PartnershipSymbol, { kind: K }>;

/**
 * What a unit's references name, when of the expected kind. The references are read in the
 * order they are written, which is the order they are kept in, so the next one is nearly
 * always the one asked for. One object per unit, with its methods on its class: a contract's
 * every unit is given one as it opens.
 */
export class ReferenceReader {
  private next = 0;

  constructor(private readonly resolution: Pick<UnitResolution, 'nodes' | 'targets'>) {}

  /** What `q` names, when it is of `kind`. */
  target<K extends SymbolKind>(q: QName | null, kind: K): SymbolOf<K> | null {
    if (!q) return null;
    const t = this.targetOf(q);
    return t && t.kind === kind ? (t as SymbolOf<K>) : null;
  }

  /**
   * `into` with what each of `qs` names, when of the expected kind, added. A list of one
   * declaration is the one list of it alone that every unit naming only it shares (most norms
   * have one subject, one beneficiary, one KPI); a list is copied before anything is added.
   */
  targets<K extends SymbolKind>(into: readonly SymbolOf<K>[] | undefined, qs: readonly QName[], kind: K): readonly SymbolOf<K>[] | undefined {
    let out = into;
    let own = false;
    for (let i = 0; i < qs.length; i++) {
      const t = this.target(qs[i], kind);
      if (!t) continue;
      if (out === undefined) out = alone(t);
      else {
        if (!own) {
          out = out.slice();
          own = true;
        }
        (out as SymbolOf<K>[]).push(t);
      }
    }
    return out;
  }

  private targetOf(q: QName): PartnershipSymbol | null {
    const { nodes, targets } = this.resolution;
    if (this.next < nodes.length && nodes[this.next] === q) return targets[this.next++];
    const at = nodes.indexOf(q);
    if (at < 0) return null;
    this.next = at + 1;
    return targets[at];
  }
}

/** The list of each declaration alone, made once and shared. */
const lists = new WeakMap<PartnershipSymbol, readonly PartnershipSymbol[]>();

function alone<T extends PartnershipSymbol>(symbol: T): readonly T[] {
  let list = lists.get(symbol);
  if (!list) lists.set(symbol, (list = Object.freeze([symbol])));
  return list as readonly T[];
}
