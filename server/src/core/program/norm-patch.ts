// Typing inside a norm is the most common edit to a large contract. When only one norm's
// declaration was re-parsed (see reparse.ts), its name is unchanged and nothing refers to norms
// by name, the file's analysis is patched instead of redone: the norm gets a new symbol, its
// references are resolved again, its meaning is worked out again, and the file's other
// diagnostics move with the text. Everything else is the previous analysis, reused in place
// (like the parse tree, the previous analysis of this file must not be used afterwards).
// The random-edit test of incremental analysis compares the result with a full analysis.

import { normSymbol } from '../binding/declare';
import type { PartnershipSymbol } from '../binding/symbols';
import { forEachReferenceIn, type Reference, resolveReferences, type VisiblePartnership } from '../binding/resolve';
import { type Diagnostic, movedWithText } from '../diagnostics/diagnostic';
import { withNormReplaced } from '../model/semantic';
import type { QName } from '../syntax/ast';
import type { ParsedDocument } from '../syntax/parse';
import { firstStartingFrom } from '../text/in-text-order';
import type { ImportLink, SourceFile } from './program';

/** The previous analysis of the file, patched for `parsed`; null when it cannot be. */
export function patchNormEdit(
  before: SourceFile,
  parsed: ParsedDocument,
  imports: readonly ImportLink[],
  visible: (source: SourceFile) => { own: VisiblePartnership | null; imported: VisiblePartnership[] },
): SourceFile | null {
  const change = parsed.change;
  if (!change || change.previous.deref() !== before.parsed) return null;
  const { before: old, after } = change;
  if (old.kind !== 'Norm' || after.kind !== 'Norm' || old.name.text !== after.name.text) return null;
  const partnership = before.partnership;
  const oldSymbol = before.symbolOf.get(old);
  if (!partnership || !before.model || oldSymbol?.kind !== 'norm') return null;
  // A second declaration of the name (P102) quotes line numbers an edit may move: redo it all.
  if (before.declarations.topLevel.get(oldSymbol.name) !== oldSymbol || before.diagnostics.some((d) => d.code === 'P102')) return null;
  const index = placeOf(before.model.norms, (n) => n.node, old);
  const declared = placeOf(before.declarations.all, (s) => s.decl, old);
  let count = 0;
  let first: QName | undefined;
  forEachReferenceIn([old], (q) => {
    first ??= q;
    count++;
  });
  const referenced = before.references.placeOf(old.start, count, first);
  if (index < 0 || declared < 0 || referenced < 0) return null;

  const { file, declarations, symbolOf, references } = before;
  const symbol = normSymbol(file, parsed.text, after);
  declarations.topLevel.set(symbol.name, symbol);
  declarations.all[declared] = symbol;
  symbolOf.delete(old);
  symbolOf.set(after, symbol);

  // The file's other diagnostics (unresolved references) stay, moved with the text.
  const diagnostics: Diagnostic[] = [];
  for (const d of before.diagnostics) {
    if (d.file === file && d.start >= old.start && d.start < old.end) continue;
    diagnostics.push(movedWithText(d, file, old.end, change.delta));
  }
  const source: SourceFile = { ...before, text: parsed.text, parsed, imports, diagnostics, model: null };
  const { own, imported } = visible(source);
  const added = resolveReferences(file, partnership, own, imported, diagnostics, [after]);
  const removed = references.replace(referenced, count, added);
  const model = withNormReplaced(before.model, index, after, symbol, references);
  const namedBefore = named(removed);
  const namedAfter = named(added);
  const patch = { previous: new WeakRef(before.model), source: new WeakRef(before), index, from: old.end, delta: change.delta, namedBefore, namedAfter };
  return { ...source, model, patch };
}

/** The declarations some references name. */
function named(references: readonly Reference[]): PartnershipSymbol[] {
  const targets: PartnershipSymbol[] = [];
  for (const reference of references) if (reference.target) targets.push(reference.target);
  return targets;
}

/**
 * Where the declaration `decl` is in a list kept in the order of the text, or -1. The list is
 * halved by offset first (a large contract has tens of thousands of norms); a list out of order
 * around the edit is searched from end to end.
 */
function placeOf<T>(list: readonly T[], declOf: (item: T) => { readonly start: number }, decl: { readonly start: number }): number {
  const low = firstStartingFrom(list, (item) => declOf(item).start, decl.start);
  if (low < list.length && declOf(list[low]) === decl) return low;
  return list.findIndex((item) => declOf(item) === decl);
}
