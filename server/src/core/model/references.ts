// What a unit's references name, read in the order they are written: how a unit's meaning
// finds the declarations its lines name.

import type { Reference } from '../binding/resolve';
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

  constructor(private readonly references: readonly Reference[]) {}

  /** What `q` names, when it is of `kind`. */
  target<K extends SymbolKind>(q: QName | null, kind: K): SymbolOf<K> | null {
    if (!q) return null;
    const t = this.referenceAt(q)?.target;
    return t && t.kind === kind ? (t as SymbolOf<K>) : null;
  }

  /**
   * Adds what each of `qs` names, when of the expected kind, to `into`, which is made only when
   * there is something to add: most norms consult, inform and are measured by few or none.
   */
  targets<K extends SymbolKind>(into: SymbolOf<K>[] | undefined, qs: readonly QName[], kind: K): SymbolOf<K>[] | undefined {
    for (let i = 0; i < qs.length; i++) {
      const t = this.target(qs[i], kind);
      // A list begun with its first item holds one: an empty one given an item makes room for 17.
      if (t) {
        if (into) into.push(t);
        else into = [t];
      }
    }
    return into;
  }

  private referenceAt(q: QName): Reference | undefined {
    const references = this.references;
    if (this.next < references.length && references[this.next].node === q) return references[this.next++];
    const at = references.findIndex((r) => r.node === q);
    if (at >= 0) this.next = at + 1;
    return at >= 0 ? references[at] : undefined;
  }
}
