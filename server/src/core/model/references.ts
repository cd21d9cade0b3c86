// What a unit's references name, read in the order they are written: how a unit's meaning
// finds the declarations its lines name.

import type { Reference } from '../binding/resolve';
import type { PartnershipSymbol, SymbolKind } from '../binding/symbols';
import type { QName } from '../syntax/ast';

export type TargetOf = <K extends SymbolKind>(q: QName | null, kind: K) => Extract<PartnershipSymbol, { kind: K }> | null;
/**
 * Adds what each of `qs` names, when of the expected kind, to `into`, which is made only when
 * there is something to add: most norms consult, inform and are measured by few or none.
 */
export type TargetsOf = <K extends SymbolKind>(
  into: Extract<PartnershipSymbol, { kind: K }>[] | undefined,
  qs: readonly QName[],
  kind: K,
) => Extract<PartnershipSymbol, { kind: K }>[] | undefined;


/**
 * What a unit's references name, when of the expected kind. The references are read in the
 * order they are written, which is the order they are kept in, so the next one is nearly
 * always the one asked for.
 */
export function lookups(references: readonly Reference[]): { target: TargetOf; targets: TargetsOf } {
  let next = 0;
  const referenceAt = (q: QName): Reference | undefined => {
    if (next < references.length && references[next].node === q) return references[next++];
    const at = references.findIndex((r) => r.node === q);
    if (at >= 0) next = at + 1;
    return at >= 0 ? references[at] : undefined;
  };
  const target: TargetOf = <K extends SymbolKind>(q: QName | null, kind: K) => {
    if (!q) return null;
    const t = referenceAt(q)?.target;
    return t && t.kind === kind ? (t as Extract<PartnershipSymbol, { kind: K }>) : null;
  };
  const targets: TargetsOf = <K extends SymbolKind>(into: Extract<PartnershipSymbol, { kind: K }>[] | undefined, qs: readonly QName[], kind: K) => {
    for (let i = 0; i < qs.length; i++) {
      const t = target(qs[i], kind);
      // A list begun with its first item holds one: an empty one given an item makes room for 17.
      if (t) {
        if (into) into.push(t);
        else into = [t];
      }
    }
    return into;
  };
  return { target, targets };
}

