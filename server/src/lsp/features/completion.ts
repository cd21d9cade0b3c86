// Completion that knows where the cursor is (`cursorContext` of core/services/locate.ts): the
// keywords valid in the enclosing block, names of the right kind (parties after `accountable`,
// KPIs after `measured-by`, scopes after `over`), roles after `as`, the children of a scope
// after `Scope.`, bands after `approves <scope>`. The words come from the vocabulary.

import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionParams,
} from 'vscode-languageserver';
import type { PartnershipSymbol, SymbolKind } from '../../core/binding/symbols';
import type { NameTable } from '../../core/binding/declare';
import type { VisiblePartnership } from '../../core/binding/resolve';
import { SUGGESTED_PARTNERSHIPS } from '../../core/binding/visible-lookup';
import { BANDS, COMPARATORS, FREQUENCIES, KEYWORD_DOCS, MODALS, ROLES, STATEMENT_KEYWORDS } from '../../core/language/vocabulary';
import type { SourceFile } from '../../core/program/program';
import { cursorContext } from '../../core/services/locate';
import { type FeatureContext, sourceOf } from './context';

const SNIPPETS: Readonly<Record<string, string>> = {
  partnership: 'partnership ${1:Name} "${2:Title}" {\n\tterm ${3:2020-04-01} to ${4:2030-03-31}\n\t$0\n}',
  party: `party \${1:Name} "\${2:Full name}" as \${3|${ROLES.join(',')}|}`,
  scope: 'scope ${1:Name} "${2:Title}"',
  exclusive: 'exclusive ${1:Holder} over ${2:Scope}',
  obligation: 'obligation ${1:Name} "${2:Title}" {\n\t${3:Party} must ${4:deliver} ${5:Scope}\n\tdue ${6:2025-01-01}\n}',
  permission: 'permission ${1:Name} "${2:Title}" {\n\t${3:Party} may ${4:procure} ${5:Scope}\n}',
  prohibition: 'prohibition ${1:Name} "${2:Title}" {\n\t${3:Party} must not ${4:disclose} "${5:what}"\n}',
  kpi: 'kpi ${1:Name} "${2:Title}" {\n\towner ${3:Party}\n\ttarget >= ${4:99}%\n\tmeasured ${5|monthly,quarterly,yearly|}\n}',
  body: 'body ${1:Name} "${2:Title}" {\n\tchair ${3:Party}\n\tmembers ${4:Party}\n}',
  term: 'term ${1:2020-04-01} to ${2:2030-03-31}',
};

export function handleCompletion(ctx: FeatureContext, params: CompletionParams): CompletionItem[] {
  const source = sourceOf(ctx, params.textDocument.uri);
  if (!source) return [];
  const at = cursorContext(source, ctx.positions.offset(source.file, params.position));
  const slot = at.slot;
  switch (slot.kind) {
    case 'statement': {
      const withSnippets = at.block === 'partnership' || at.block === 'file';
      const items = STATEMENT_KEYWORDS[at.block].map((k) => keyword(k, withSnippets ? SNIPPETS[k] : undefined));
      // A norm's own line starts with its party.
      if (at.block === 'norm') items.push(...visibleNames(source, 'party'));
      return items;
    }
    case 'reference':
      return visibleNames(source, slot.expects);
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
    case 'none':
      return [];
  }
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

/** Names of a kind a reference here could use: own names plain, imported ones qualified. */
function visibleNames(source: SourceFile, kind: SymbolKind): CompletionItem[] {
  const { own, imported } = seen(source);
  const out: CompletionItem[] = [];
  const add = (prefix: string, symbols: Iterable<PartnershipSymbol>): void => {
    for (const s of symbols) {
      if (s.kind !== kind) continue;
      const name = s.kind === 'scope' ? s.path : s.name;
      out.push(item(prefix + name, s));
    }
  };
  if (own) add('', own.declarations.all);
  // Imported names are qualified by their partnership, nested scopes by their whole path, as own ones are.
  for (const p of imported) add(`${p.name}.`, p.declarations.all);
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
