// What the variations of a partnership did to the rows of its matrix: the term's end as varied
// and, for each grant, open statement, norm, KPI, charge or body a variation ended, the last
// day it applies and the variation. Variations apply in order of effect, as the brief reads
// them; one without a date (P801) or taking effect after the term as it stood (P803) changes
// nothing. The checks' own reading of variations (the varied periods) is their concern; this
// is what the matrix shows.

import type { BodySymbol, ChargeSymbol, KpiSymbol, NormSymbol, ScopeSymbol } from '../binding/symbols';
import type { FileModel, Grant, OpenScope, VariationModel } from '../model/semantic';
import { validEndDay } from '../model/semantic';
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

const isWithin = (scope: ScopeSymbol, outer: ScopeSymbol): boolean => {
  for (let s: ScopeSymbol | null = scope; s; s = s.parent) if (s === outer) return true;
  return false;
};

/**
 * The marks of `variations` (those of any file checked together) on `model`'s partnership:
 * only the ones that vary it (`variedFile === model.file`) count. Sorted by the day they take
 * effect, then by file (the sort keeps a file's own order), so the same files always give the
 * same order.
 */
export function variationMarks(model: FileModel, variations: readonly VariationModel[]): VariationMarks {
  const own = variations
    .filter((v) => v.variedFile === model.file)
    .sort((a, b) => (a.effectiveDay ?? Infinity) - (b.effectiveDay ?? Infinity) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  let termEnd = model.term?.to ?? null;
  const termChanges: RowChange[] = [];
  const ended = new Map<Endable, RowChange>();
  const order: { variation: VariationModel; status: string }[] = [];
  const end = (thing: Endable, change: RowChange): void => {
    if (!ended.has(thing)) ended.set(thing, change);
  };
  for (const v of own) {
    const day = v.effectiveDay;
    if (day === null) {
      order.push({ variation: v, status: 'changes nothing: it has no date it takes effect on (P801)' });
      continue;
    }
    if (termEnd !== null && day > termEnd) {
      order.push({ variation: v, status: `changes nothing: it takes effect after the term ended on ${formatDay(termEnd)} (P803)` });
      continue;
    }
    order.push({ variation: v, status: '' });
    const by = v.symbol.name;
    const newEnd = validEndDay(v.termTo);
    if (newEnd !== null && termEnd !== null && newEnd !== termEnd) {
      termChanges.push({ kind: newEnd > termEnd ? 'extended' : 'shortened', day: formatDay(newEnd), by });
      termEnd = newEnd;
    }
    const mark: RowChange = { kind: 'ended', day: formatDay(day - 1), by };
    for (const change of v.changes) {
      switch (change.kind) {
        case 'ends-exclusive':
          for (const g of model.grants) if (g.holder === change.holder && g.scope === change.scope) end(g, mark);
          break;
        case 'ends-open':
          for (const o of model.opens) if (o.scope === change.scope) end(o, mark);
          break;
        case 'ends':
          end(change.target, mark);
          break;
        case 'returns':
          for (const g of model.grants) if (isWithin(g.scope, change.scope)) end(g, mark);
          for (const o of model.opens) if (isWithin(o.scope, change.scope)) end(o, mark);
          for (const n of model.norms) {
            const work = n.objectScope ?? n.scopeLine;
            if (work && isWithin(work, change.scope)) end(n.symbol, mark);
          }
          break;
      }
    }
  }
  return { termEnd, termChanges, ended, order };
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
