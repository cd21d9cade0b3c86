// One partnership worked out with the rows of the results files: each obligation's occurrences
// and which rows completed or waived them, each KPI's periods judged. What one declaration
// comes to depends only on its model and the rows it reads; with the previous working-out of
// the same partnership, a declaration whose model is the same object and whose rows are the
// same row objects (results-reread.ts, rows.ts) keeps what it came to, so typing a row in a
// results file works out again only the declarations that row names.

import type { ChargeSymbol, EventSymbol, KpiSymbol, NormSymbol, PartnershipSymbol } from '../binding/symbols';
import type { KpiModel, NormModel } from '../model/semantic';
import type { VariationEffects } from '../model/variations';
import type { Unit } from '../syntax/ast';
import type { Period } from '../values/dates';
import { fixedAmounts, type FixedAmount } from './charge-amounts';
import { type DuplicateResult, judgePeriods, type MeasuredPeriod, type MeasuredRow } from './kpi-periods';
import { type Dated, NO_OCCURRENCES, type Occurrences, occurrencesOf } from './occurrences';
import type { LedgerPartnership, PartnershipRows } from './rows';

export interface LedgerSource extends LedgerPartnership {
  /** The path shown for its file. */
  readonly displayFile: string;
  /** The last day of what a variation ended (a KPI, say). */
  readonly endedOn: (symbol: PartnershipSymbol) => number | undefined;
  /** 1-based line of a declaration's name. */
  readonly lineOf: (symbol: PartnershipSymbol) => number;
  /** 1-based line of an offset into a unit of any file checked together. */
  readonly lineAt: (file: string, unit: Unit, offset: number) => number;
  /** The path shown for any file (a variation's, a results file's). */
  readonly displayPath: (file: string) => string;
  /** What the variations of it did: the variations applied and each move of the term's end. */
  readonly effects: VariationEffects;
}

/** What one obligation read: the rows it was worked out from, and the completions of the obligations it counts from. */
interface ObligationReads {
  readonly done: readonly Dated[];
  readonly waivers: readonly Dated[];
  readonly events: ReadonlyMap<EventSymbol, readonly Dated[]>;
  readonly completions: ReadonlyMap<NormSymbol, readonly number[]>;
}

export interface EvaluatedObligation {
  readonly norm: NormModel;
  readonly occurrences: Occurrences;
  readonly unused: readonly Dated[];
  readonly reads: ObligationReads;
}

export interface EvaluatedKpi {
  readonly symbol: KpiSymbol;
  /** Its periods, each judged when this is first read. */
  readonly periods: readonly MeasuredPeriod[];
  /** Its periods, not judged: what the calendar reads. */
  readonly spans: readonly Period[];
  readonly duplicates: readonly DuplicateResult[];
  readonly reads: { readonly model: KpiModel; readonly lastDay: number; readonly results: readonly MeasuredRow[]; readonly waivers: readonly Dated[] };
}

/** One partnership worked out on one day: the engine's own view, before it becomes JSON. */
export interface Evaluated {
  readonly source: LedgerSource;
  readonly obligations: readonly EvaluatedObligation[];
  readonly kpis: readonly EvaluatedKpi[];
}

/** What an earlier working-out of the same partnership, with every row counted, offers to reuse. */
export type Reusable = Evaluated | undefined;

export const NO_ROWS: PartnershipRows = { events: new Map(), done: new Map(), results: new Map(), waivers: new Map() };
const NONE: readonly never[] = [];

export function evaluatePartnership(source: LedgerSource, rows: PartnershipRows, on: number | null, previous?: Reusable): Evaluated {
  const { model, term } = source;
  const calendar = model.calendar;
  const events = model.norms.length > 0 ? new Map(source.declared.filter((s) => s.kind === 'event').map((s) => [s.name, s])) : new Map();
  const before = new Map(previous?.obligations.map((o) => [o.norm.symbol, o]));
  const done = new Map<NormSymbol, EvaluatedObligation>();
  const visiting = new Set<NormSymbol>();
  const normOf = new Map(model.norms.map((n) => [n.symbol, n]));
  const eventRows = (e: EventSymbol): readonly Dated[] => rows.events.get(e) ?? NONE;
  const completionsOf = (other: NormSymbol): readonly number[] => {
    const n = normOf.get(other);
    return n ? work(n).occurrences.completionDays() : NONE;
  };
  const work = (norm: NormModel): EvaluatedObligation => {
    const known = done.get(norm.symbol);
    if (known) return known;
    if (visiting.has(norm.symbol)) return { norm, occurrences: NO_OCCURRENCES, unused: [], reads: { done: NONE, waivers: NONE, events: new Map(), completions: new Map() } }; // a circle (P305): nothing arises
    visiting.add(norm.symbol);
    const ownDone = rows.done.get(norm.symbol) ?? NONE;
    const ownWaivers = rows.waivers.get(norm.symbol) ?? NONE;
    const old = before.get(norm.symbol);
    let result: EvaluatedObligation;
    if (old && old.norm === norm && sameList(old.reads.done, ownDone) && sameList(old.reads.waivers, ownWaivers)
      && [...old.reads.events].every(([e, list]) => sameList(list, eventRows(e)))
      && [...old.reads.completions].every(([n, list]) => sameList(list, completionsOf(n)))) {
      result = old;
    } else {
      const readEvents = new Map<EventSymbol, readonly Dated[]>();
      const readCompletions = new Map<NormSymbol, readonly number[]>();
      const worked = occurrencesOf(norm, {
        term, calendar,
        events: (e) => {
          const list = eventRows(e);
          readEvents.set(e, list);
          return list;
        },
        eventNamed: (name) => events.get(name),
        completions: (other) => {
          const list = completionsOf(other);
          readCompletions.set(other, list);
          return list;
        },
        done: ownDone,
        waivers: ownWaivers,
      });
      result = { norm, ...worked, reads: { done: ownDone, waivers: ownWaivers, events: readEvents, completions: readCompletions } };
    }
    visiting.delete(norm.symbol);
    done.set(norm.symbol, result);
    return result;
  };
  const obligations = model.norms.filter((n) => n.keyword === 'obligation').map(work);
  const amounts = new Map<ChargeSymbol, FixedAmount[]>();
  const chargeAmounts = (charge: ChargeSymbol): FixedAmount[] => {
    let list = amounts.get(charge);
    if (!list) {
      const c = model.charges.find((x) => x.symbol === charge);
      amounts.set(charge, (list = c ? fixedAmounts(c, term) : []));
    }
    return list;
  };
  const kpisBefore = new Map(previous?.kpis.map((k) => [k.symbol, k]));
  const kpis = model.kpis.map((kpi): EvaluatedKpi => {
    const lastDay = Math.min(term.to, source.endedOn(kpi.symbol) ?? Infinity);
    const results = rows.results.get(kpi.symbol) ?? NONE;
    const waivers = rows.waivers.get(kpi.symbol) ?? NONE;
    const old = kpisBefore.get(kpi.symbol);
    if (old && old.reads.model === kpi && old.reads.lastDay === lastDay && sameList(old.reads.results, results) && sameList(old.reads.waivers, waivers)) return old;
    const judged = judgePeriods(kpi, { term, lastDay, calendar, results, waivers, chargeAmounts }, on);
    return {
      symbol: kpi.symbol, spans: judged.spans, duplicates: judged.duplicates, reads: { model: kpi, lastDay, results, waivers },
      get periods(): readonly MeasuredPeriod[] {
        return judged.periods;
      },
    };
  });
  return { source, obligations, kpis };
}

/** The same rows (the same objects) in the same order. */
function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
