// What the names of results rows stand for: declarations of the partnerships checked together,
// by their plain name, or qualified (`ServiceBirmingham.Availability`) where several
// partnerships declare it. R002 for a name nothing declares (with the closest name as a quick
// fix) or one several declare and the row leaves unqualified; R003 for a name of the wrong kind.

import type { EventSymbol, KpiSymbol, NormSymbol, PartnershipSymbol } from '../binding/symbols';
import { kindNames } from '../binding/symbols';
import { CandidateIndex } from '../binding/suggest';
import { report } from '../diagnostics/catalog';
import type { Diagnostic, Fix } from '../diagnostics/diagnostic';
import type { ResultRow, RowKind } from './results-file';

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
  private readonly fitting = new Map<RowKind, readonly Declared[]>();
  /** `declared`: every top-level declaration of each partnership checked together. */
  constructor(declared: readonly Declared[]) {
    for (const d of declared) {
      const list = this.byName.get(d.symbol.name);
      if (list) list.push(d);
      else this.byName.set(d.symbol.name, [d]);
    }
    for (const kind of ['event', 'done', 'result', 'waiver'] as const) {
      const fitting = declared.filter((d) => this.fits(kind, d.symbol));
      this.fitting.set(kind, fitting);
    }
  }

  /** What `row` names, or the diagnostic that says why it names nothing usable. */
  resolve(row: ResultRow, file: string): RowTarget | Diagnostic {
    const at = { file, ...row.cells.name };
    const dot = row.name.indexOf('.');
    const qualifier = dot > 0 ? row.name.slice(0, dot) : null;
    const plain = dot > 0 ? row.name.slice(dot + 1) : row.name;
    const all = this.byName.get(plain) ?? [];
    const candidates = qualifier ? all.filter((d) => d.partnership === qualifier) : all;
    const fitting = candidates.filter((d) => this.fits(row.kind, d.symbol));
    if (fitting.length === 1) return targetOf(fitting[0]);
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

  private fits(kind: RowKind, symbol: PartnershipSymbol): boolean {
    const obligation = symbol.kind === 'norm' && symbol.decl.keyword === 'obligation';
    switch (kind) {
      case 'event': return symbol.kind === 'event';
      case 'done': return obligation;
      case 'result': return symbol.kind === 'kpi';
      case 'waiver': return symbol.kind === 'kpi' || obligation;
    }
  }

  private kindOf(symbol: PartnershipSymbol): string {
    return symbol.kind === 'norm' ? symbol.decl.keyword : kindNames[symbol.kind];
  }
}

function targetOf(d: Declared): RowTarget {
  const s = d.symbol;
  if (s.kind === 'event') return { kind: 'event', partnership: d.partnership, symbol: s };
  if (s.kind === 'kpi') return { kind: 'kpi', partnership: d.partnership, symbol: s };
  if (s.kind === 'norm') return { kind: 'obligation', partnership: d.partnership, symbol: s };
  throw new Error(`a ${s.kind} cannot be a row's target`);
}
