// The outline of a document (partnership, then its declarations, scopes nested, a charge's
// amounts and a variation's changes under it, in words) and the workspace symbol search across
// every contract.

import {
  SymbolKind,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type SymbolInformation,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver';
import type { PartnershipSymbol, ScopeSymbol } from '../../core/binding/symbols';
import type { SourceFile } from '../../core/program/program';
import { describeAmount, describeChange, describeDate } from '../../core/services/describe';
import { declarationSpans } from '../../core/services/locate';
import { type FeatureContext, sourceOf } from './context';

const KIND: Record<PartnershipSymbol['kind'], SymbolKind> = {
  party: SymbolKind.Class,
  scope: SymbolKind.Namespace,
  norm: SymbolKind.Function,
  kpi: SymbolKind.Property,
  body: SymbolKind.Struct,
  event: SymbolKind.Event,
  charge: SymbolKind.Constant,
  variation: SymbolKind.Operator,
};

function detail(s: PartnershipSymbol): string {
  if (s.kind === 'party') return [s.title, s.decl.role?.text].filter(Boolean).join(' · ');
  if (s.kind === 'norm') return [s.decl.keyword, s.title].filter(Boolean).join(' · ');
  if (s.kind === 'event' && s.decl.clause) return `${s.title ?? ''} · clause ${s.decl.clause.value}`;
  return s.title ?? '';
}

/** A line of a declaration shown under it in the outline: its words and where it stands (offsets into the text). */
interface OutlineLine {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly span: { readonly start: number; readonly end: number };
}

/** A charge's amount lines, and a variation's changes, in words; nothing for other declarations. */
function linesOf(ctx: FeatureContext, source: SourceFile, s: PartnershipSymbol): OutlineLine[] {
  const base = ctx.program.startOf(source.file, s.unit);
  const at = (node: { start: number; end: number }) => ({ start: base + node.start, end: base + node.end });
  if (s.kind === 'charge') {
    return (s.decl.block?.items ?? []).flatMap((i) => (i.kind === 'AmountLine' ? [{ name: describeAmount(i), kind: SymbolKind.Number, span: at(i) }] : []));
  }
  if (s.kind !== 'variation') return [];
  const variation = source.model?.variations.find((v) => v.symbol === s);
  if (!variation) return [];
  const term = (s.decl.block?.items ?? []).flatMap((i) => (i.kind === 'TermTo' ? [{ name: `the term ends on ${describeDate(i.date)}`, kind: SymbolKind.Event, span: at(i) }] : []));
  const changes = variation.changes.map((c) => ({ name: describeChange(c), kind: SymbolKind.Event, span: at(c.node) }));
  return [...term, ...changes].sort((a, b) => a.span.start - b.span.start);
}

export function handleDocumentSymbols(ctx: FeatureContext, params: DocumentSymbolParams): DocumentSymbol[] {
  const source = sourceOf(ctx, params.textDocument.uri);
  const p = source?.partnership;
  if (!source || !p) return [];
  const range = (node: { start: number; end: number }) => ctx.positions.range(source.file, node.start, node.end);
  const symbol = (s: PartnershipSymbol): DocumentSymbol => ({
    name: s.name,
    detail: detail(s),
    kind: KIND[s.kind],
    range: range(declarationSpans(ctx.program, s).declaration),
    selectionRange: range(declarationSpans(ctx.program, s).name),
    children: s.kind === 'scope'
      ? childScopes(source, s).map(symbol)
      : linesOf(ctx, source, s).map((l) => ({ name: l.name, kind: l.kind, range: range(l.span), selectionRange: range(l.span), children: [] })),
  });
  const top = source.declarations.all.filter((s) => s.kind !== 'scope' || !s.parent);
  return [{
    name: p.name.text,
    detail: p.title?.value ?? '',
    kind: SymbolKind.Module,
    range: range(p),
    selectionRange: range(p.name),
    children: top.map(symbol),
  }];
}

function childScopes(source: SourceFile, scope: ScopeSymbol): ScopeSymbol[] {
  return source.declarations.all.filter((s): s is ScopeSymbol => s.kind === 'scope' && s.parent === scope);
}

export function handleWorkspaceSymbols(ctx: FeatureContext, params: WorkspaceSymbolParams): SymbolInformation[] {
  const query = params.query.toLowerCase();
  const matches = (text: string): boolean => text.toLowerCase().includes(query);
  const out: SymbolInformation[] = [];
  const range = (file: string, span: { start: number; end: number }) => ctx.positions.range(file, span.start, span.end);
  for (const source of ctx.program.files.values()) {
    const partnership = source.partnership?.name.text;
    for (const s of source.declarations.all) {
      const name = s.kind === 'scope' ? s.path : s.name;
      if (!matches(name) && !matches(s.title ?? '')) continue;
      out.push({
        name,
        kind: KIND[s.kind],
        containerName: partnership,
        location: { uri: ctx.ids.uriOf(source.file), range: range(source.file, declarationSpans(ctx.program, s).name) },
      });
    }
  }
  return out.slice(0, 500);
}
