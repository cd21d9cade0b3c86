// Incremental parsing: when an edit lies inside one top-level declaration of a document that
// parsed cleanly, only that declaration is parsed again and the nodes after it move by the
// edit's length. The result is kept only if it is clean too: a broken declaration (an unclosed
// block, say) can reach past its old end in a full parse. Anything else (an error anywhere, an
// edit across declarations or at their edges) is a full parse, so both paths give the same
// tree. The previous document's tree is reused in place: do not use it afterwards.

import { type ChangedRange, changedRange, fitsTexts } from '../text/changed-range';
import type { PartnershipItem } from './ast';
import { moveNode } from './move-nodes';
import { isCleanDeclaration, parseDocument, type ParsedDocument } from './parse';
import { type ParsedItem, parseTreeOnly } from './peggy-adapter';

/**
 * `change`, when the editor said where the text changed, spares comparing the two texts; it must
 * cover every changed character (a wider stretch is fine).
 */
export function reparseDocument(previous: ParsedDocument, text: string, change?: ChangedRange): ParsedDocument {
  return incrementally(previous, text, change) ?? parseDocument(previous.file, text);
}

function incrementally(previous: ParsedDocument, text: string, change: ChangedRange | undefined): ParsedDocument | null {
  const old = previous.text;
  if (previous.diagnostics.length > 0 || previous.ast.lexicalErrors.length > 0) return null;
  const partnership = previous.ast.items.find((i) => i.kind === 'Partnership');
  const items = partnership?.kind === 'Partnership' ? (partnership.block?.items as PartnershipItem[] | undefined) : undefined;
  if (!partnership || !items) return null;

  // The changed stretch: [from, oldTo) in the old text became [from, newTo) in the new one.
  const { from, oldTo } = change && fitsTexts(change, old, text) ? change : changedRange(old, text);
  const delta = text.length - old.length;

  const index = items.findIndex((item) => item.start < from && oldTo < item.end);
  if (index < 0) return null;
  const item = items[index];
  let result: ParsedItem;
  try {
    result = parseTreeOnly(text.slice(item.start, item.end + delta), 'PartnershipItemOnly');
  } catch {
    return null;
  }
  if (result.lexicalErrors.length > 0 || result.item.kind !== item.kind) return null;
  // Checked before anything moves, on the new text with the declaration's own offsets shifted in.
  moveNode(result.item, item.start);
  if (!isCleanDeclaration(text, result.item)) return null;

  for (let i = index + 1; i < items.length; i++) moveNode(items[i], delta);
  items[index] = result.item;
  (partnership as { end: number }).end += delta;
  (partnership.block as { end: number }).end += delta;
  (previous.ast as { end: number }).end = text.length;
  for (let i = previous.ast.items.indexOf(partnership) + 1; i < previous.ast.items.length; i++) moveNode(previous.ast.items[i], delta);

  return { file: previous.file, text, ast: previous.ast, diagnostics: [], change: { previous: new WeakRef(previous), before: item, after: result.item, delta } };
}
