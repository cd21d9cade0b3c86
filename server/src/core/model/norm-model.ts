// A norm's meaning as the analysis keeps it. A large contract keeps one for each
// of its hundreds of thousands of norms, and another for each a variation changes, so what
// its own lines say in so many words and few readers ask (its quoted object, its clause, notes
// and consequence, its endeavours and notice) is read from them when asked rather than copied
// into every record. The record keeps what took resolving or working out, and the words every
// check reads (keyword, modal, verb).

import type { EventSymbol, KpiSymbol, NormSymbol, PartySymbol, ScopeSymbol } from '../binding/symbols';
import type { Anchor, Due, Duration, Every, From, ModalValue, Norm, NormItem, NormKeyword, NormLine, DateLit, Quantity, Unit, Until } from '../syntax/ast';
import type { Period } from '../values/dates';
import { notesIn } from './notes';

/** A norm's deadline as written and what it counts from. */
export interface Deadline {
  readonly node: Due;
  readonly form: 'date' | 'within' | 'before-expiry';
  /** What a `within` deadline counts from: an event, an obligation (the day it is done) or the term's first day. */
  readonly anchor: EventSymbol | NormSymbol | Anchor | null;
  /** The day of a fixed deadline (`due <date>`, `… before expiry`, `within … of start`), as written; null otherwise. */
  readonly day: number | null;
}

/** What a norm's lines say in so many words: read from them, never given. */
type ReadFromLines = 'keyword' | 'modal' | 'verb' | 'objectText' | 'due' | 'endeavours' | 'notice' | 'otherwise' | 'clause' | 'notes';

/** What a norm's meaning is made from: every field of `NormModel` that its lines do not say alone. */
export type NormFacts = Omit<NormModel, ReadFromLines | 'withPeriod'>;

const NO_ITEMS: readonly NormItem[] = [];

export class NormModel {
  readonly file: string;
  /** The unit it is written in: its nodes count their offsets from the unit's start. */
  readonly unit: Unit;
  readonly symbol: NormSymbol;
  readonly node: Norm;
  readonly keyword: NormKeyword;
  readonly line: NormLine | null;
  readonly modal: ModalValue | null;
  readonly verb: string | null;
  /** The subjects that resolved, in the order written; several act together. */
  readonly subjects: readonly PartySymbol[];
  /** The work itself, when the object is a scope reference. */
  readonly objectScope: ScopeSymbol | null;
  readonly beneficiaries: readonly PartySymbol[];
  readonly scopeLine: ScopeSymbol | null;
  readonly accountable: PartySymbol | null;
  readonly consulted: readonly PartySymbol[];
  readonly informed: readonly PartySymbol[];
  readonly kpis: readonly KpiSymbol[];
  /** The first `due` line, whatever its form. */
  readonly deadline: Deadline | null;
  readonly every: Every | null;
  readonly from: From | null;
  readonly until: Until | null;
  /**
   * Whether a `due`, `from` or `until` line is given a second time (a syntax error): the meaning
   * reads the first of each, while the checks of dates judge every date written.
   */
  readonly repeatsDateLine: boolean;
  /** The events of its `when` lines that resolved. */
  readonly when: readonly EventSymbol[];
  /** Whether it applies only on events: `when`, a `from` that names an event, or a deadline counted from an event or an obligation. */
  readonly triggered: boolean;
  readonly amount: Quantity | null;
  /** The days the norm applies, as written (before any variation); null when one of its dates is impossible. */
  readonly period: Period | null;
  /** What of the period follows the term's last day as varied: nothing, its end, or the whole of a deadline counted back from expiry. */
  readonly followsExpiry: 'none' | 'end' | 'deadline';

  // Every field set in one order, so that every record has the same shape. `period`: the days
  // it applies, when not those of `f` (a varied copy).
  constructor(f: NormFacts, period: Period | null = f.period) {
    this.file = f.file;
    this.unit = f.unit;
    this.symbol = f.symbol;
    this.node = f.node;
    this.keyword = f.node.keyword;
    this.line = f.line;
    this.modal = f.line?.modal.value ?? null;
    this.verb = f.line?.verb.text ?? null;
    this.subjects = f.subjects;
    this.objectScope = f.objectScope;
    this.beneficiaries = f.beneficiaries;
    this.scopeLine = f.scopeLine;
    this.accountable = f.accountable;
    this.consulted = f.consulted;
    this.informed = f.informed;
    this.kpis = f.kpis;
    this.deadline = f.deadline;
    this.every = f.every;
    this.from = f.from;
    this.until = f.until;
    this.repeatsDateLine = f.repeatsDateLine;
    this.when = f.when;
    this.triggered = f.triggered;
    this.amount = f.amount;
    this.period = period;
    this.followsExpiry = f.followsExpiry;
  }

  /** The same norm over other days: what a variation makes of it. */
  withPeriod(period: Period | null): NormModel {
    return new NormModel(this, period);
  }

  /** The description, when the object is quoted. */
  get objectText(): string | null {
    return this.line && this.line.object.kind === 'String' ? this.line.object.value : null;
  }

  /** The date of a `due <date>` deadline. */
  get due(): DateLit | null {
    return this.deadline?.node.date ?? null;
  }

  get endeavours(): string | null {
    const line = this.first('Endeavours');
    return line ? line.level.text : null;
  }

  get notice(): Duration | null {
    return this.first('Notice')?.duration ?? null;
  }

  get otherwise(): string | null {
    return this.first('Otherwise')?.text.value ?? null;
  }

  get clause(): string | null {
    return this.first('Clause')?.text.value ?? null;
  }

  /** Its `note` lines, in order. */
  get notes(): readonly string[] {
    return notesIn(this.node.block?.items ?? NO_ITEMS);
  }

  /** The first line of a kind, as the meaning reads it: a line given twice is P-reported and its second ignored. */
  private first<K extends NormItem['kind']>(kind: K): Extract<NormItem, { kind: K }> | undefined {
    const items = this.node.block?.items ?? NO_ITEMS;
    for (let i = 0; i < items.length; i++) if (items[i].kind === kind) return items[i] as Extract<NormItem, { kind: K }>;
    return undefined;
  }
}
