// P801 a variation that does not say when it takes effect, P802 a change that matches nothing
// in force, P803 a variation that takes effect after the term it varies ended. What a
// variation does is worked out once per varied partnership (the lookup `variationEffects`),
// since the variations of one partnership may stand in several files.

import { report } from '../diagnostics/catalog';
import { variationEffects } from '../facts/lookups';
import type { FileModel } from '../model/semantic';
import type { Unit } from '../syntax/ast';
import { formatDay } from '../values/dates';
import type { CheckContext, UnitCheck } from './context';
import { related, spanOf } from './context';

/** P801: at the variation's name, when it has neither `agreed` nor `effective`. */
export const checkVariationDates: UnitCheck = (ctx, unit: Unit) => {
  const node = unit.node;
  if (node.kind !== 'Variation') return;
  const lines = node.block?.items ?? [];
  if (lines.some((l) => l.kind === 'Agreed' || l.kind === 'Effective')) return;
  ctx.emit(report('P801', { file: ctx.file, unit, start: node.name.start, end: node.name.end }, { name: node.name.text }));
};

/** P802 and P803 for the variations written in this file, whichever partnership they vary. */
export function checkVariations(ctx: CheckContext, model: FileModel): void {
  for (const v of model.variations) {
    if (v.variedFile === null || v.effectiveDay === null) continue;
    const effects = ctx.read(variationEffects, v.variedFile);
    const termEnd = effects.late.get(v);
    const when = v.effective ?? v.agreed!;
    if (termEnd !== undefined) {
      ctx.emit(report('P803', spanOf(v, when), {
        name: v.symbol.name, day: when.text, partnership: v.variedName ?? model.partnership.name.text, termEnd: formatDay(termEnd),
      }, v.variedFile === model.file && model.termNode ? { related: [related({ file: model.file, unit: model.termUnit }, model.termNode, 'The partnership\'s term')] } : {}));
      continue;
    }
    for (const change of v.changes) {
      if (!effects.unmatched.has(change.node)) continue;
      const keyword = change.kind === 'returns' ? 'returns' : 'ends';
      ctx.emit(report('P802', spanOf(v, { start: change.node.start, end: change.node.start + keyword.length }), {
        change: '`' + v.unit.text.slice(change.node.start, change.node.end) + '`',
        day: when.text,
      }));
    }
  }
}
