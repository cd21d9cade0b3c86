// P604: `endeavours` on a norm that is not an obligation. How hard a party must try qualifies a
// duty; a permission, a prohibition or a power has nothing to try at. The line depends on its
// norm's own block alone, so this is a check of single units.

import { report } from '../diagnostics/catalog';
import type { Endeavours } from '../syntax/ast';
import { type Owner, spanOf, type UnitCheck } from './context';

export const checkEndeavours: UnitCheck = (ctx, unit) => {
  const norm = unit.node;
  if (norm.kind !== 'Norm' || norm.keyword === 'obligation' || !norm.block) return;
  const owner: Owner = { file: ctx.file, unit };
  for (const item of norm.block.items) {
    if (item.kind !== 'Endeavours') continue;
    const keyword = { start: item.start, end: item.start + 'endeavours'.length };
    ctx.emit(report('P604', spanOf(owner, keyword), { keyword: norm.keyword, level: item.level.text }, {
      fixes: [{ title: 'Remove the `endeavours` line', edits: [{ ...spanOf(owner, lineOf(unit.text, item)), newText: '' }], preferred: true }],
    }));
  }
};

/** The statement with the blanks before it, and its whole line when it stands alone on it. */
function lineOf(text: string, item: Endeavours): { start: number; end: number } {
  let start = item.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = item.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  const alone = (start === 0 || text[start - 1] === '\n') && (text[end] === '\n' || text[end] === '\r');
  if (alone) return { start, end: end + (text.startsWith('\r\n', end) ? 2 : 1) };
  return { start, end: item.end };
}
