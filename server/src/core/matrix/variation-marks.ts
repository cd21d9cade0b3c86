// What the variations of a partnership did to the rows of its matrix: the term's end as varied
// and, for each grant, open statement, norm, KPI, charge or body a variation ended, the last
// day it applies and the variation. Variations apply in order of effect, as the brief reads
// them; one without a date (P801) or taking effect after the term as it stood (P803) changes
// nothing. The checks' own reading of variations (the varied periods) is their concern; this
// is what the matrix shows.

import type { Analysis } from '../analysis/analysis';
import type { BodySymbol, ChargeSymbol, KpiSymbol, NormSymbol } from '../binding/symbols';
import type { Grant, OpenScope, VariationModel } from '../model/semantic';
import { formatDay } from '../values/dates';
import type { RowChange } from '../../../../shared/out/matrix';

/** Something a variation may end. */
export type Endable = Grant | OpenScope | NormSymbol | KpiSymbol | ChargeSymbol | BodySymbol;

export interface VariationMarks {
  /** The term's last day as varied; null without a valid term. */
  readonly termEnd: number | null;
  /** Each move of the term's end, in order of effect. */
  readonly termChanges: readonly RowChange[];
  /** What was ended, with its last day and the variation that ended it (the first that did). */
  readonly ended: ReadonlyMap<Endable, RowChange>;
  /** The variations in order of effect, each with why it changes nothing (empty when it does change). */
  readonly order: readonly { readonly variation: VariationModel; readonly status: string }[];
}

/**
 * The marks on the rows of `file`'s partnership of every variation of it in the files checked
 * together, read from what the checks worked out (`Analysis.variationEffects`), so the matrix
 * and the diagnostics always agree.
 */
export function variationMarks(program: Analysis, file: string): VariationMarks {
  const model = program.files.get(file)?.model ?? null;
  const effects = program.variationEffects(file);
  const ended = new Map<Endable, RowChange>();
  for (const [thing, ending] of effects.ended) ended.set(thing, { kind: 'ended', day: formatDay(ending.day), by: ending.by.symbol.name });
  const termChanges: RowChange[] = effects.termMoves.map((m) => ({ kind: m.extended ? 'extended' : 'shortened', day: formatDay(m.day), by: m.by.symbol.name }));
  const all = program.models().flatMap((m) => m.variations).filter((v) => v.variedFile === file);
  // In order of effect, as the checks apply them; the undated last (the sort keeps the files' order).
  const order = all
    .sort((a, b) => (a.effectiveDay ?? Infinity) - (b.effectiveDay ?? Infinity) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((variation) => {
      const late = effects.late.get(variation);
      const status = variation.effectiveDay === null
        ? 'changes nothing: it has no date it takes effect on (P801)'
        : late !== undefined ? `changes nothing: it takes effect after the term ended on ${formatDay(late)} (P803)` : '';
      return { variation, status };
    });
  return { termEnd: effects.termEnd ?? model?.term?.to ?? null, termChanges, ended, order };
}

/**
 * The marks a row shows: the variation that ended it, else every move of the term's end when
 * the row follows the term's end (a grant without `to`, a norm running to expiry).
 */
export function marksOf(marks: VariationMarks, thing: Endable, followsTerm: boolean): readonly RowChange[] {
  const ended = marks.ended.get(thing);
  if (ended) return [ended];
  return followsTerm ? marks.termChanges : [];
}
