// Builds a file's namespaces: one for all top-level declarations of the partnership (parties,
// scopes, norms, KPIs, bodies together), and one per scope for its children. A name declared
// twice is P102 at the later declaration; references resolve to the first.

import { report } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Norm, Partnership, ScopeDecl } from '../syntax/ast';
import { docCommentBefore } from '../syntax/doc-comments';
import { lineNumberAt } from '../text/line-index';
import type { NormSymbol, PartnershipSymbol, ScopeSymbol } from './symbols';
import { kindNames } from './symbols';

export interface Declarations {
  readonly topLevel: Map<string, PartnershipSymbol>;
  /** Every declaration, duplicates included, in document order (scopes depth-first). */
  readonly all: PartnershipSymbol[];
}

export function declare(file: string, text: string, partnership: Partnership | null, diagnostics: Diagnostic[]): Declarations {
  const topLevel = new Map<string, PartnershipSymbol>();
  const all: PartnershipSymbol[] = [];
  if (!partnership?.block) return { topLevel, all };

  const add = (namespace: Map<string, PartnershipSymbol>, symbol: PartnershipSymbol, where: string): void => {
    all.push(symbol);
    const first = namespace.get(symbol.name);
    if (!first) {
      namespace.set(symbol.name, symbol);
      return;
    }
    diagnostics.push(
      report(
        'P102',
        { file, start: symbol.nameNode.start, end: symbol.nameNode.end },
        { name: symbol.name, kind: kindNames[first.kind], firstLine: lineNumberAt(text, first.nameNode.start), namespace: where },
        { related: [{ file, start: first.nameNode.start, end: first.nameNode.end, message: `First declaration of \`${symbol.name}\`` }] },
      ),
    );
  };
  const base = (node: Titled) => baseOf(file, text, node);

  const declareScope = (decl: ScopeDecl, parent: ScopeSymbol | null, namespace: Map<string, PartnershipSymbol>): void => {
    const symbol: ScopeSymbol = {
      kind: 'scope',
      ...base(decl),
      nameNode: decl.name,
      decl,
      parent,
      children: new Map(),
      path: parent ? `${parent.path}.${decl.name.text}` : decl.name.text,
      depth: parent ? parent.depth + 1 : 0,
    };
    add(namespace, symbol, parent ? `inside scope \`${parent.path}\`` : 'in a partnership');
    // Children of a duplicate are still declared (so their own errors show) but unreachable.
    for (const item of decl.block?.items ?? []) {
      if (item.kind === 'Scope') declareScope(item, symbol, symbol.children as Map<string, PartnershipSymbol>);
    }
  };

  // By index: a `for … of` loop makes an object for each step the first time it runs.
  const items = partnership.block.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    switch (item.kind) {
      case 'Party':
        add(topLevel, { kind: 'party', ...base(item), nameNode: item.name, decl: item }, 'in a partnership');
        break;
      case 'Scope':
        declareScope(item, null, topLevel);
        break;
      case 'Norm':
        add(topLevel, normSymbol(file, text, item), 'in a partnership');
        break;
      case 'Kpi':
        add(topLevel, { kind: 'kpi', ...base(item), nameNode: item.name, decl: item }, 'in a partnership');
        break;
      case 'Body':
        add(topLevel, { kind: 'body', ...base(item), nameNode: item.name, decl: item }, 'in a partnership');
        break;
    }
  }
  return { topLevel, all };
}

type Titled = { name: { text: string }; start: number; title: { value: string } | null };

function baseOf(file: string, text: string, node: Titled) {
  return { name: node.name.text, file, doc: docCommentBefore(text, node.start), title: node.title?.value };
}

/** A norm's symbol (also for a norm re-declared after its declaration was re-parsed). */
export function normSymbol(file: string, text: string, decl: Norm): NormSymbol {
  return { kind: 'norm', ...baseOf(file, text, decl), nameNode: decl.name, decl };
}
