// Builds a file's namespaces: one for all top-level declarations of the partnership (parties,
// scopes, norms, KPIs, bodies together), and one per scope for its children. A name declared
// twice is P102 at the later declaration; references resolve to the first.
//
// What one unit declares depends on the unit alone, so it is worked out once per unit and kept
// by the unit's identity: an edit re-declares only the unit it re-parsed.

import { report } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { UnitStart } from '../diagnostics/placement';
import type { Partnership, ScopeDecl, Unit } from '../syntax/ast';
import { docCommentBefore } from '../syntax/doc-comments';
import { lineNumberAt } from '../text/line-index';
import type { PartnershipSymbol, ScopeSymbol } from './symbols';
import { kindNames } from './symbols';

/** A second declaration of a name in the same namespace. */
interface Duplicate {
  readonly first: PartnershipSymbol;
  readonly again: PartnershipSymbol;
  /** Which namespace, in words: `in a partnership`, `inside scope \`ICT\``. */
  readonly namespace: string;
}

/** What one unit declares. */
export interface UnitDeclarations {
  /** The top-level declaration, if the unit is one. */
  readonly top: PartnershipSymbol | null;
  /** Its declarations in document order (a scope's nested scopes depth-first). */
  readonly all: readonly PartnershipSymbol[];
  /** Nested scopes declared twice inside one scope. */
  readonly duplicates: readonly Duplicate[];
}

export interface Declarations {
  readonly topLevel: ReadonlyMap<string, PartnershipSymbol>;
  /** Every declaration, duplicates included, in document order (scopes depth-first). */
  readonly all: readonly PartnershipSymbol[];
  readonly duplicates: readonly Duplicate[];
}

const NONE: readonly never[] = [];
const declaredBy = new WeakMap<Unit, { readonly file: string; readonly declarations: UnitDeclarations }>();

/** What `unit` of `file` declares; the same object for the same unit. */
export function declarationsOfUnit(file: string, unit: Unit): UnitDeclarations {
  const known = declaredBy.get(unit);
  if (known && known.file === file) return known.declarations;
  const declarations = declareUnit(file, unit);
  declaredBy.set(unit, { file, declarations });
  return declarations;
}

function declareUnit(file: string, unit: Unit): UnitDeclarations {
  const node = unit.node;
  const base = (decl: { name: { text: string }; start: number; title: { value: string } | null }) => ({
    name: decl.name.text,
    file,
    unit,
    doc: docCommentBefore(unit.text, decl.start, true),
    title: decl.title?.value,
  });
  switch (node.kind) {
    case 'Party': {
      const top: PartnershipSymbol = { kind: 'party', ...base(node), nameNode: node.name, decl: node };
      return { top, all: [top], duplicates: NONE };
    }
    case 'Norm': {
      const top: PartnershipSymbol = { kind: 'norm', ...base(node), nameNode: node.name, decl: node };
      return { top, all: [top], duplicates: NONE };
    }
    case 'Kpi': {
      const top: PartnershipSymbol = { kind: 'kpi', ...base(node), nameNode: node.name, decl: node };
      return { top, all: [top], duplicates: NONE };
    }
    case 'Body': {
      const top: PartnershipSymbol = { kind: 'body', ...base(node), nameNode: node.name, decl: node };
      return { top, all: [top], duplicates: NONE };
    }
    case 'Scope': {
      const all: PartnershipSymbol[] = [];
      const duplicates: Duplicate[] = [];
      const scope = (decl: ScopeDecl, parent: ScopeSymbol | null): ScopeSymbol => {
        const children = new Map<string, ScopeSymbol>();
        const symbol: ScopeSymbol = {
          kind: 'scope',
          ...base(decl),
          nameNode: decl.name,
          decl,
          parent,
          children,
          path: parent ? `${parent.path}.${decl.name.text}` : decl.name.text,
          depth: parent ? parent.depth + 1 : 0,
        };
        all.push(symbol);
        // Children of a duplicate are still declared (so their own errors show) but unreachable.
        for (const item of decl.block?.items ?? NONE) {
          if (item.kind !== 'Scope') continue;
          const child = scope(item, symbol);
          const first = children.get(child.name);
          if (first) duplicates.push({ first, again: child, namespace: `inside scope \`${symbol.path}\`` });
          else children.set(child.name, child);
        }
        return symbol;
      };
      return { top: scope(node, null), all, duplicates };
    }
    default:
      return { top: null, all: NONE, duplicates: NONE };
  }
}

/** The declarations of a file's partnership, from those of its units. */
export function declare(file: string, partnership: Partnership | null): Declarations {
  const topLevel = new Map<string, PartnershipSymbol>();
  const all: PartnershipSymbol[] = [];
  const duplicates: Duplicate[] = [];
  const units = partnership?.block?.units ?? NONE;
  // By index: a `for … of` loop makes an object for each step the first time it runs.
  for (let i = 0; i < units.length; i++) {
    const declared = declarationsOfUnit(file, units[i]);
    const top = declared.top;
    if (!top) continue;
    const first = topLevel.get(top.name);
    if (first) duplicates.push({ first, again: top, namespace: 'in a partnership' });
    else topLevel.set(top.name, top);
    if (declared.all.length === 1) all.push(top);
    else for (const symbol of declared.all) all.push(symbol);
    for (const d of declared.duplicates) duplicates.push(d);
  }
  return { topLevel, all, duplicates };
}

/** P102 for each name declared twice; its message names the line of the first declaration. */
export function duplicateDiagnostics(declarations: Declarations, text: string, startOf: UnitStart): Diagnostic[] {
  return declarations.duplicates.map(({ first, again, namespace }) => {
    const firstStart = startOf(first.file, first.unit) + first.nameNode.start;
    return report(
      'P102',
      { file: again.file, unit: again.unit, start: again.nameNode.start, end: again.nameNode.end },
      { name: again.name, kind: kindNames[first.kind], firstLine: lineNumberAt(text, firstStart), namespace },
      { related: [{ file: first.file, unit: first.unit, start: first.nameNode.start, end: first.nameNode.end, message: `First declaration of \`${again.name}\`` }] },
    );
  });
}
