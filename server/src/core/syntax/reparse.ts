// Incremental parsing: when an edit lies inside one unit (a top-level declaration and the blank
// before it) of a document that parsed cleanly, only that unit is parsed again. Its nodes count
// their offsets from the unit's start, and so do every other unit's, so the new tree shares
// every other unit with the previous one and moves nothing: only the starts after the edit
// change. The result is kept only if the unit is clean too: a broken declaration (an unclosed
// block, say) can reach past its old end in a full parse. Anything else (an error anywhere, an
// edit across units or at their edges) is a full parse, so both paths give the same tree.

import { type ChangedRange, changedRange, fitsTexts } from '../text/changed-range';
import { detached } from '../text/detached';
import type { PartnershipBlock } from './ast';
import { lastBlock, withBlock } from './block-edit';
import { ChunkedList } from '../values/chunked-list';
import { isCleanUnit, parseDocument, type ParsedDocument, parseUnit } from './parse';
import { notePlace, noteSpliced, unitIndexAt } from './unit-starts';
import { type EditedTexts, reparseAcrossUnits, sameUnit } from './reparse-units';

export type { EditedTexts } from './reparse-units';

/**
 * `change`, when the editor said where the text changed, spares comparing the two texts; it must
 * cover every changed character (a wider stretch is fine). `texts`, the two texts as the editor
 * keeps them, spare reading either as a whole where only a stretch is parsed again.
 */
export function reparseDocument(previous: ParsedDocument, text: string, change?: ChangedRange, texts?: EditedTexts): ParsedDocument {
  const known = change && fitsTexts(change, previous.text, text) ? change : changedRange(previous.text, text);
  return incrementally(previous, text, known) ?? reparseAcrossUnits(previous, text, known, texts) ?? withPreviousUnits(previous, parseDocument(previous.file, text));
}

/**
 * A whole document parsed again (an edit across units, a unit added or removed, a document
 * with a syntax error somewhere) keeps the previous parse's unit wherever the new parse read a
 * unit of the same text as the same statement, before and after the stretch the edit changed:
 * a unit's nodes depend on its text alone, and whatever is derived from a unit is kept by its
 * identity, so typing a new declaration into a large contract analyses that declaration again
 * rather than every unit of the contract.
 */
function withPreviousUnits(previous: ParsedDocument, parsed: ParsedDocument): ParsedDocument {
  const now = lastBlock(parsed.ast);
  const earlier = lastBlock(previous.ast);
  if (!now || !earlier) return parsed;
  const before = earlier.block.units;
  const after = now.block.units;
  let head = 0;
  while (head < before.length && head < after.length && sameUnit(before.at(head), after.at(head))) head++;
  let tail = 0;
  const most = Math.min(before.length, after.length) - head;
  while (tail < most && sameUnit(before.at(before.length - 1 - tail), after.at(after.length - 1 - tail))) tail++;
  if (head + tail === 0) return parsed;
  const shift = before.length - after.length;
  const units = ChunkedList.made(after.length, (i) => (i < head ? before.at(i) : i >= after.length - tail ? before.at(i + shift) : after.at(i)));
  noteSpliced(before, units, head, before.length - head - tail, after.length - head - tail);
  return { ...parsed, ast: withBlock(parsed.ast, now, { ...now.block, units }, 0) };
}

function incrementally(previous: ParsedDocument, text: string, known: ChangedRange): ParsedDocument | null {
  const old = previous.text;
  if (previous.diagnostics.length > 0 || previous.ast.lexicalErrors.length > 0) return null;
  const last = lastBlock(previous.ast);
  if (!last) return null;
  const { block } = last;

  // The changed stretch: [from, oldTo) in the old text became [from, newTo) in the new one.
  const { from, oldTo } = known;
  const delta = text.length - old.length;

  const index = unitAround(block, from, oldTo);
  if (index < 0) return null;
  const start = block.starts.at(index);
  const before = block.units.at(index).text;
  // The unit's new text: its old text with the edit made in it, when the editor said what it
  // put there, so that a large document's new text is not read (and so copied) as a whole.
  const unitText = known.inserted !== undefined && known.inserted.length === known.newTo - from
    ? before.slice(0, from - start) + known.inserted + before.slice(oldTo - start)
    : detached(text.slice(start, start + before.length + delta));
  const unit = parseUnit(unitText);
  if (!unit || unit.node.kind !== block.units.at(index).node.kind || !isCleanUnit(text, unit, start)) return null;

  // The new lists share every chunk but the edited one with the old (values/chunked-list.ts).
  const units = block.units.replaced([index], () => unit);
  noteSpliced(block.units, units, index, 1, 1);
  const starts = block.starts.movedAfter(index, delta);
  // The new unit stands where the old one stood: its start is found without indexing the block.
  notePlace(unit, index);
  const ast = withBlock(previous.ast, last, { ...block, units, starts, end: block.end + delta }, delta);
  return { file: previous.file, text, ast, diagnostics: [] };
}

/**
 * The unit the stretch [from, to) of the old text lies strictly inside (an edit at a unit's
 * first character could join it to the statement before), or -1.
 */
function unitAround(block: PartnershipBlock, from: number, to: number): number {
  const index = unitIndexAt(block, from - 1);
  // The statement must end after the stretch: its last character stays its last.
  return index >= 0 && to < block.starts.at(index) + block.units.at(index).text.length ? index : -1;
}
