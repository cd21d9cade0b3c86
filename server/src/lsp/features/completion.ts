// Completion that knows where the cursor is: the keywords valid in the enclosing block, names
// of the right kind (parties after `accountable`, KPIs after `measured-by`, scopes after
// `over`), roles after `as`, the children of a scope after `Scope.`, bands after `approves`.

import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionParams,
} from 'vscode-languageserver';
import type { PartnershipSymbol, SymbolKind } from '../../core/binding/symbols';
import { ROLES } from '../../core/checks/declarations';
import type { SourceFile } from '../../core/program/program';
import type { VisiblePartnership } from '../../core/binding/resolve';
import type { Block, Span } from '../../core/syntax/ast';
import { unitIndexAt } from '../../core/syntax/unit-starts';
import { keywordDocs } from '../keyword-docs';
import { type FeatureContext, sourceOf } from './context';

type Context = 'file' | 'partnership' | 'scope' | 'norm' | 'kpi' | 'body';

const KEYWORDS: Record<Context, readonly string[]> = {
  file: ['import', 'partnership'],
  partnership: ['term', 'source', 'party', 'scope', 'exclusive', 'open', 'interface', 'obligation', 'permission', 'prohibition', 'kpi', 'body'],
  scope: ['covers', 'scope'],
  norm: ['due', 'every', 'accountable', 'consulted', 'informed', 'scope', 'measured-by', 'otherwise', 'clause'],
  kpi: ['owner', 'scope', 'target', 'threshold', 'measured'],
  body: ['chair', 'members', 'approves'],
};

const SNIPPETS: Record<string, string> = {
  partnership: 'partnership ${1:Name} "${2:Title}" {\n\tterm ${3:2020-04-01} to ${4:2030-03-31}\n\t$0\n}',
  party: 'party ${1:Name} "${2:Full name}" as ${3|client,supplier,joint-venture,subcontractor,client-function,regulator,partner|}',
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
  const offset = ctx.positions.offset(source.file, params.position);
  const text = source.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  const names = (kind: SymbolKind): CompletionItem[] => visibleNames(source, kind);

  const member = /([A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*)\.[\w-]*$/.exec(prefix);
  if (member) return childrenOf(source, member[1]);

  const before = prefix.replace(/[\w-]*$/, '');
  const word = (re: RegExp): boolean => re.test(before);
  if (word(/\bas\s+$/)) return ROLES.map((r) => ({ label: r, kind: CompletionItemKind.EnumMember, documentation: keywordDocs[r] }));
  if (word(/\b(measured-by)\s+$/) || word(/\bmeasured-by\s+(?:[\w.-]+\s*,\s*)+$/)) return names('kpi');
  if (word(/\bmeasured\s+$/)) return ['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'every'].map((k) => keyword(k));
  if (word(/\b(target|threshold)\s+$/)) return ['>=', '<=', '>', '<', '='].map((op) => ({ label: op, kind: CompletionItemKind.Operator }));
  if (word(/\bapproves\s+[\w.-]+\s+$/)) return ['above', 'up to', 'from', 'any'].map((k) => keyword(k));
  if (word(/\b(over|except|open|interface|with|approves)\s+$/) || word(/\bexcept\s+(?:[\w.-]+\s*,\s*)+$/)) return names('scope');
  if (word(/^\s*scope\s+$/) && enclosing(source, offset) !== 'partnership' && enclosing(source, offset) !== 'scope') return names('scope');
  if (word(/\b(of|accountable|consulted|informed|owner|chair|members|exclusive)\s+$/) || word(/\b(of|consulted|informed|members)\s+(?:[\w.-]+\s*,\s*)+$/)) return names('party');
  if (word(/\b(must|may)\b.*\bto\s+$/)) return names('party');
  if (word(/^\s*[A-Za-z][\w.-]*\s+$/) && enclosing(source, offset) === 'norm') {
    return ['must', 'may', 'must not'].map((k) => keyword(k));
  }
  if (word(/^\s*$/) || word(/[{]\s*$/)) {
    const context = enclosing(source, offset);
    const items = KEYWORDS[context].map((k) => keyword(k, context === 'partnership' || context === 'file' ? SNIPPETS[k] : undefined));
    if (context === 'norm') items.push(...names('party'));
    return items;
  }
  return [];
}

function keyword(word: string, snippet?: string): CompletionItem {
  return {
    label: word,
    kind: snippet ? CompletionItemKind.Snippet : CompletionItemKind.Keyword,
    documentation: keywordDocs[word.split(' ')[0]] ?? keywordDocs[word],
    ...(snippet ? { insertText: snippet, insertTextFormat: InsertTextFormat.Snippet, detail: `${word} declaration` } : {}),
  };
}

const ITEM_KIND: Record<SymbolKind, CompletionItemKind> = {
  party: CompletionItemKind.Class,
  scope: CompletionItemKind.Module,
  norm: CompletionItemKind.Function,
  kpi: CompletionItemKind.Property,
  body: CompletionItemKind.Struct,
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
  for (const p of imported) add(`${p.name}.`, p.declarations.all.filter((s) => !(s.kind === 'scope' && s.parent === null) || true));
  return out;
}

/** After `X.`: the children of scope X, or the declarations of the partnership X. */
function childrenOf(source: SourceFile, qualifier: string): CompletionItem[] {
  const { own, imported } = seen(source);
  const parts = qualifier.split('.');
  let names: ReadonlyMap<string, PartnershipSymbol> | undefined = own?.declarations.topLevel;
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
  return source.scope ?? { own: null, imported: [] };
}

/** The kind of block the offset lies in. */
function enclosing(source: SourceFile, offset: number): Context {
  const p = source.partnership;
  if (!p?.block || offset <= p.block.start || (p.block.closed && offset >= p.block.end)) return 'file';
  let context: Context = 'partnership';
  // Offsets inside a unit count from its start.
  const index = unitIndexAt(p.block, offset);
  if (index < 0) return context;
  offset -= p.block.starts[index];
  let block: Block<Span & { kind: string }> = { kind: 'Block', items: [p.block.units[index].node], closed: true, start: -1, end: Infinity };
  for (;;) {
    const inner = block.items.find((i) => {
      const b = (i as { block?: Block<Span & { kind: string }> | null }).block;
      return b && offset > b.start && (b.closed ? offset < b.end : offset <= b.end);
    }) as (Span & { kind: string; block: Block<Span & { kind: string }> }) | undefined;
    if (!inner) return context;
    context = inner.kind === 'Scope' ? 'scope' : inner.kind === 'Norm' ? 'norm' : inner.kind === 'Kpi' ? 'kpi' : 'body';
    block = inner.block;
  }
}
