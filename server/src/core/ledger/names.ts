// What the names of results rows stand for: declarations of the partnerships checked together,
// by their plain name, or qualified (`ServiceBirmingham.Availability`) where several
// partnerships declare it. R002 for a name nothing declares (with the closest name as a quick
// fix) or one several declare and the row leaves unqualified; R003 for a name of the wrong kind.

import type { EventSymbol, KpiSymbol, NormSymbol, PartnershipSymbol } from '../binding/symbols';
import { kindNames } from '../binding/symbols';
import { CandidateIndex } from '../binding/suggest';
import { report } from '../diagnostics/catalog';
import type { Diagnostic, Fix } from '../diagnostics/diagnostic';
import { ROW_KINDS, type ResultRow, type RowKind } from './results-file';

/** A declaration as the ledger sees it, with the partnership that declares it. */
export interface Declared {
  readonly partnership: string;
  readonly symbol: PartnershipSymbol;
}

/** What a row names, once resolved. */
export type RowTarget =
  | { readonly kind: 'event'; readonly partnership: string; readonly symbol: EventSymbol }
  | { readonly kind: 'obligation'; readonly partnership: string; readonly symbol: NormSymbol }
  | { readonly kind: 'kpi'; readonly partnership: string; readonly symbol: KpiSymbol };

const EXPECTED: Readonly<Record<RowKind, string>> = { event: 'event', done: 'obligation', result: 'KPI', waiver: 'KPI or obligation' };

export class LedgerNames {
  private readonly byName = new Map<string, Declared[]>();
  private readonly index: Map<RowKind, CandidateIndex> = new Map();
  private readonly fitting = new Map<RowKind, Declared[]>();
  /** By kind of row, the declarations it may name by their names. */
  private readonly fittingByName = new Map<RowKind, Map<string, Declared[]>>();
  /** What a row naming each declaration resolves to: one object however many rows name it. */
  private readonly targets = new Map<PartnershipSymbol, RowTarget>();

  /** `declared`: every top-level declaration of each partnership checked together. */
  constructor(declared: readonly Declared[]) {
    for (const kind of ROW_KINDS) {
      this.fitting.set(kind, []);
      this.fittingByName.set(kind, new Map());
    }
    for (const d of declared) {
      push(this.byName, d.symbol.name, d);
      const kinds = rowKindsOf(d.symbol);
      for (const kind of kinds) {
        this.fitting.get(kind)!.push(d);
        push(this.fittingByName.get(kind)!, d.symbol.name, d);
      }
    }
  }

  /** What `row` names, or the diagnostic that says why it names nothing usable. */
  resolve(row: ResultRow, file: string): RowTarget | Diagnostic {
    const dot = row.name.indexOf('.');
    const qualifier = dot > 0 ? row.name.slice(0, dot) : null;
    const plain = dot > 0 ? row.name.slice(dot + 1) : row.name;
    const fittingAll = this.fittingByName.get(row.kind)?.get(plain) ?? NONE;
    const fitting = qualifier ? fittingAll.filter((d) => d.partnership === qualifier) : fittingAll;
    if (fitting.length === 1) return this.targetOf(fitting[0]);
    const at = { file, ...row.cells.name };
    const all = this.byName.get(plain) ?? [];
    const candidates = qualifier ? all.filter((d) => d.partnership === qualifier) : all;
    if (fitting.length > 1) {
      const partnerships = [...new Set(fitting.map((d) => d.partnership))].sort();
      const fixes: Fix[] = partnerships.map((p) => ({ title: `Write \`${p}.${plain}\``, edits: [{ ...at, newText: `${p}.${plain}` }] }));
      return report('R002', at, { name: row.name, expected: EXPECTED[row.kind], partnerships }, { fixes });
    }
    if (candidates.length > 0) {
      const symbol = candidates[0].symbol;
      return report('R003', at, { name: row.name, actual: this.kindOf(symbol), row: row.kind, expected: EXPECTED[row.kind] });
    }
    if (row.name === '') return report('R002', at, { name: row.name, expected: EXPECTED[row.kind] });
    const suggestion = this.indexOf(row.kind).closest(plain, { spent: 0 })?.text;
    const fixes: Fix[] = suggestion ? [{ title: `Change to \`${suggestion}\``, edits: [{ ...at, newText: suggestion }], preferred: true }] : [];
    return report('R002', at, { name: row.name, expected: EXPECTED[row.kind], ...(suggestion ? { suggestion } : {}) }, { fixes });
  }

  /** The index of names for "did you mean", built the first time a row names nothing. */
  private indexOf(kind: RowKind): CandidateIndex {
    let index = this.index.get(kind);
    if (!index) this.index.set(kind, (index = new CandidateIndex(this.candidates(kind).map((d) => ({ text: d.symbol.name, title: d.symbol.title })))));
    return index;
  }

  /** The declarations a row of `kind` may name. */
  candidates(kind: RowKind): readonly Declared[] {
    return this.fitting.get(kind) ?? [];
  }

  /** The declarations a name stands for, whatever the row (qualified or plain). */
  declarationsNamed(name: string): readonly Declared[] {
    const dot = name.indexOf('.');
    const all = this.byName.get(dot > 0 ? name.slice(dot + 1) : name) ?? [];
    return dot > 0 ? all.filter((d) => d.partnership === name.slice(0, dot)) : all;
  }

  /** How a row writes the name of `d`: qualified only where several partnerships declare the name. */
  writtenName(d: Declared): string {
    const declaring = new Set((this.byName.get(d.symbol.name) ?? []).map((x) => x.partnership));
    return declaring.size > 1 ? `${d.partnership}.${d.symbol.name}` : d.symbol.name;
  }

  private targetOf(d: Declared): RowTarget {
    let target = this.targets.get(d.symbol);
    if (!target) this.targets.set(d.symbol, (target = targetOf(d)));
    return target;
  }

  private kindOf(symbol: PartnershipSymbol): string {
    return symbol.kind === 'norm' ? symbol.decl.keyword : kindNames[symbol.kind];
  }
}

const NONE: readonly Declared[] = [];

/** The kinds of row that may name a declaration: an event's, an obligation's (done, waiver), a KPI's (result, waiver). */
function rowKindsOf(symbol: PartnershipSymbol): readonly RowKind[] {
  if (symbol.kind === 'event') return ['event'];
  if (symbol.kind === 'kpi') return ['result', 'waiver'];
  if (symbol.kind === 'norm' && symbol.decl.keyword === 'obligation') return ['done', 'waiver'];
  return NO_KINDS;
}

const NO_KINDS: readonly RowKind[] = [];

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function targetOf(d: Declared): RowTarget {
  const s = d.symbol;
  if (s.kind === 'event') return { kind: 'event', partnership: d.partnership, symbol: s };
  if (s.kind === 'kpi') return { kind: 'kpi', partnership: d.partnership, symbol: s };
  if (s.kind === 'norm') return { kind: 'obligation', partnership: d.partnership, symbol: s };
  throw new Error(`a ${s.kind} cannot be a row's target`);
}
