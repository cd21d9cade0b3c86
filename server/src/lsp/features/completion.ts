// Completion that knows where the cursor is (`cursorContext` of core/services/locate.ts): the
// keywords valid in the enclosing block, names of the right kind (parties after `accountable`
// or `pays`, KPIs after `measured-by`, scopes after `over`, events after `when`, events and
// obligations after `due within … of`, charges after `credit … of`, bodies after
// `escalates-to`, partnerships after `varies`), roles after `as`, the children of a scope after
// `Scope.`, bands after `approves <scope>`, and the closed words of a line (`within`,
// `expiry`, endeavours levels, calendars, units). The words come from the vocabulary.

import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionParams,
} from 'vscode-languageserver';
import { accepts, expectedKinds, type ExpectedKind, type PartnershipSymbol, type SymbolKind } from '../../core/binding/symbols';
import type { NameTable } from '../../core/binding/declare';
import type { VisiblePartnership } from '../../core/binding/resolve';
import { SUGGESTED_PARTNERSHIPS } from '../../core/binding/visible-lookup';
import { declarationsOfUnit } from '../../core/binding/declare';
import { unitIndexAt } from '../../core/syntax/unit-starts';
import { BANDS, type BlockContext, COMPARATORS, FREQUENCIES, KEYWORD_DOCS, MODALS, ROLES, STATEMENT_KEYWORDS } from '../../core/language/vocabulary';
import type { SourceFile } from '../../core/program/program';
import { cursorContext } from '../../core/services/locate';
import { AMOUNT_LINE_SNIPPET, BEFORE_EXPIRY_SNIPPET, DECLARATION_SNIPPETS, TERM_TO_SNIPPET } from './completion-snippets';
import { type FeatureContext, sourceOf } from './context';

export function handleCompletion(ctx: FeatureContext, params: CompletionParams): CompletionItem[] {
  const source = sourceOf(ctx, params.textDocument.uri);
  if (!source) return [];
  const offset = ctx.positions.offset(source.file, params.position);
  const at = cursorContext(source, offset);
  const slot = at.slot;
  switch (slot.kind) {
    case 'statement':
      return statements(source, at.block);
    case 'reference': {
      // A deadline counted from its own obligation, or a body escalating to itself, is a circle (P305, P503).
      const own = slot.expects === 'anchor' || slot.expects === 'body' ? enclosingDeclaration(source, offset) : null;
      return [...visibleNames(source, slot.expects, own), ...(slot.words ?? []).map((w) => keyword(w))];
    }
    case 'member':
      return childrenOf(source, slot.qualifier);
    case 'role':
      return ROLES.map((r) => ({ label: r, kind: CompletionItemKind.EnumMember, documentation: KEYWORD_DOCS[r] }));
    case 'modal':
      return MODALS.map((k) => keyword(k));
    case 'frequency':
      return [...FREQUENCIES, 'every'].map((k) => keyword(k));
    case 'comparator':
      return COMPARATORS.map((op) => ({ label: op, kind: CompletionItemKind.Operator }));
    case 'band':
      return BANDS.map((k) => keyword(k));
    case 'deadline':
      return [keyword('within'), snippet(BEFORE_EXPIRY_SNIPPET, 'a deadline counted back from the term\'s last day')];
    case 'words':
      return slot.words.map((w) => keyword(w));
    case 'none':
      return [];
  }
}

/** The statements of a block: its keywords (declarations as snippets), and the lines that start otherwise. */
function statements(source: SourceFile, block: BlockContext): CompletionItem[] {
  const withSnippets = block === 'partnership' || block === 'file';
  const items = STATEMENT_KEYWORDS[block].map((k) => keyword(k, withSnippets ? DECLARATION_SNIPPETS[k] : undefined));
  switch (block) {
    case 'norm':
      // A norm's own line starts with its party.
      items.push(...visibleNames(source, 'party'));
      break;
    case 'charge':
      // A `pays` line starts with the payer; an amount line with its money.
      items.push(...visibleNames(source, 'party'), snippet(AMOUNT_LINE_SNIPPET, 'an amount of the charge'));
      break;
    case 'variation':
      items.push(snippet(TERM_TO_SNIPPET, 'the new last day of the term'));
      break;
  }
  return items;
}

function snippet(s: { readonly label: string; readonly insertText: string }, detail: string): CompletionItem {
  return { label: s.label, kind: CompletionItemKind.Snippet, insertText: s.insertText, insertTextFormat: InsertTextFormat.Snippet, detail };
}

function keyword(word: string, snippet?: string): CompletionItem {
  return {
    label: word,
    kind: snippet ? CompletionItemKind.Snippet : CompletionItemKind.Keyword,
    documentation: KEYWORD_DOCS[word] ?? KEYWORD_DOCS[word.split(' ')[0]],
    ...(snippet ? { insertText: snippet, insertTextFormat: InsertTextFormat.Snippet, detail: `${word} declaration` } : {}),
  };
}

const ITEM_KIND: Record<SymbolKind, CompletionItemKind> = {
  party: CompletionItemKind.Class,
  scope: CompletionItemKind.Module,
  norm: CompletionItemKind.Function,
  kpi: CompletionItemKind.Property,
  body: CompletionItemKind.Struct,
  event: CompletionItemKind.Event,
  charge: CompletionItemKind.Value,
  variation: CompletionItemKind.Operator,
};

function item(label: string, s: PartnershipSymbol): CompletionItem {
  return { label, kind: ITEM_KIND[s.kind], detail: s.title, documentation: s.doc };
}

/** The top-level declaration of the file whose text holds the offset, if any. */
function enclosingDeclaration(source: SourceFile, offset: number): PartnershipSymbol | null {
  const block = source.partnership?.block;
  if (!block || block.units.length === 0) return null;
  const i = unitIndexAt(block, offset);
  const unit = block.units.at(i);
  const rel = offset - block.starts.at(i);
  if (rel < unit.node.start || rel > unit.node.end) return null;
  return declarationsOfUnit(source.file, unit).all.find((s) => s.kind !== 'scope' || !s.parent) ?? null;
}

/**
 * Names a reference here could use: own names plain, imported ones qualified; partnerships by
 * their names. What a deadline counts from is offered as events and obligations, the norms
 * that are done.
 */
function visibleNames(source: SourceFile, expected: ExpectedKind, exclude: PartnershipSymbol | null = null): CompletionItem[] {
  const { own, imported } = seen(source);
  const out: CompletionItem[] = [];
  if (expected === 'partnership') {
    for (const p of [own, ...imported]) if (p) out.push({ label: p.name, kind: CompletionItemKind.Module });
    return out;
  }
  const wanted = (s: PartnershipSymbol): boolean => s !== exclude && accepts(expected, s.kind) && (expected !== 'anchor' || s.kind !== 'norm' || s.decl.keyword === 'obligation');
  const add = (prefix: string, symbols: Iterable<PartnershipSymbol>): void => {
    for (const s of symbols) {
      if (!wanted(s)) continue;
      const name = s.kind === 'scope' ? s.path : s.name;
      out.push(item(prefix + name, s));
    }
  };
  // Only the units of the kinds wanted are visited: a contract's parties are a few units among thousands of norms.
  const kinds = expectedKinds[expected];
  if (own) add('', own.declarations.ofKinds(kinds));
  // Imported names are qualified by their partnership, nested scopes by their whole path, as own ones are.
  for (const p of imported) add(`${p.name}.`, p.declarations.ofKinds(kinds));
  return out;
}

/** After `X.`: the children of scope X, or the declarations of the partnership X. */
function childrenOf(source: SourceFile, qualifier: string): CompletionItem[] {
  const { own, imported } = seen(source);
  const parts = qualifier.split('.');
  let names: NameTable | undefined = own?.declarations.topLevel;
  let current: PartnershipSymbol | undefined = names?.get(parts[0]);
  let i = 1;
  if (!current) {
    const p = [own, ...imported].find((v) => v?.name === parts[0]);
    if (!p) return [];
    names = p.declarations.topLevel;
    if (parts.length === 1) return [...names.values()].map((s) => item(s.name, s));
    current = names.get(parts[1]);
    i = 2;
  }
  for (; current && i < parts.length; i++) current = current.kind === 'scope' ? current.children.get(parts[i]) : undefined;
  if (!current || current.kind !== 'scope') return [];
  return [...current.children.values()].map((s) => item(s.name, s));
}

/** The partnerships a file sees by name. */
function seen(source: SourceFile): { own: VisiblePartnership | null; imported: readonly VisiblePartnership[] } {
  return source.scope ? { own: source.scope.own, imported: source.scope.imported.nearest(SUGGESTED_PARTNERSHIPS) } : { own: null, imported: [] };
}
