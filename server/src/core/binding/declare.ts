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
import { placesOfKinds, spliceBetween, stretchChange } from '../syntax/unit-starts';
import { lineNumberAt } from '../text/line-index';
import { ChunkedList } from '../values/chunked-list';
import { LayeredMap } from '../values/layered-map';
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

/** Names looked up in one namespace. */
export interface NameTable {
  get(name: string): PartnershipSymbol | undefined;
  has(name: string): boolean;
  values(): IterableIterator<PartnershipSymbol>;
}

/**
 * A partnership's top-level names, each to the first unit that declares it. A file declared
 * afresh keeps each name as the place of its unit; an edit's changes sit in a layered map above
 * it (`values/layered-map.ts`), each name to its unit, or to null for a name no longer declared,
 * so an edit that adds, removes or renames a declaration costs the units it touched, not a new
 * index of every name. The whole is made afresh when the changes come to a fraction of the names.
 */
class NameIndex {
  constructor(
    private readonly file: string,
    /** The units `places` counts in, and their top-level declarations by place. */
    private readonly baseUnits: ChunkedList<Unit>,
    private readonly places: ReadonlyMap<string, number>,
    private readonly tops: readonly (PartnershipSymbol | null)[],
    private readonly changes: LayeredMap<string, Unit | null> = LayeredMap.of(new Map()),
    /** How many changes were made since the file was declared afresh (a name changed twice counts twice). */
    readonly changed = 0,
  ) {}

  get(name: string): PartnershipSymbol | undefined {
    const unit = this.changes.get(name);
    if (unit !== undefined) return unit === null ? undefined : declarationsOfUnit(this.file, unit).top!;
    const place = this.places.get(name);
    return place === undefined ? undefined : this.tops[place]!;
  }

  /** The place of `name`'s unit when `units` are the ones the index was made from and no edit changed it; undefined otherwise. */
  basePlace(name: string, units: ChunkedList<Unit>): number | undefined {
    return units === this.baseUnits && this.changed === 0 ? this.places.get(name) : undefined;
  }

  get size(): number {
    return this.places.size;
  }

  with(changes: ReadonlyMap<string, Unit | null>): NameIndex {
    if (changes.size === 0) return this;
    return new NameIndex(this.file, this.baseUnits, this.places, this.tops, this.changes.with(changes), this.changed + changes.size);
  }
}

/** A partnership's declarations: its index of top-level names, and every declaration through its units. */
export class Declarations {
  readonly topLevel: NameTable;

  constructor(
    private readonly file: string,
    private readonly units: ChunkedList<Unit>,
    private readonly index: NameIndex,
    readonly duplicates: readonly Duplicate[],
  ) {
    const top = (unit: Unit): PartnershipSymbol | null => declarationsOfUnit(file, unit).top;
    this.topLevel = {
      get: (name) => index.get(name),
      has: (name) => index.get(name) !== undefined,
      // In document order: each unit's declaration that is the first of its name.
      values: function* () {
        for (const unit of units) {
          const symbol = top(unit);
          if (symbol && index.get(symbol.name) === symbol) yield symbol;
        }
      },
    };
  }

  /** Every declaration, duplicates included, in document order (scopes depth-first). */
  get all(): readonly PartnershipSymbol[] {
    let all = everyDeclaration.get(this);
    if (!all) {
      all = [];
      for (const unit of this.units) for (const symbol of declarationsOfUnit(this.file, unit).all) all.push(symbol);
      everyDeclaration.set(this, all);
    }
    return all;
  }

  /** The declarations of some kinds, in document order, visiting only the units that hold them. */
  *ofKinds(kinds: readonly PartnershipSymbol['kind'][]): IterableIterator<PartnershipSymbol> {
    // The places of the units of those kinds, kept from edit to edit (syntax/unit-starts.ts).
    for (const place of placesOfKinds(this.units, kinds.map((k) => NODE_KIND[k]))) {
      for (const symbol of declarationsOfUnit(this.file, this.units.at(place)).all) if (kinds.includes(symbol.kind)) yield symbol;
    }
  }

  /**
   * The place of the unit that declares `symbol` when it is the first top-level declaration of
   * its name, found through the index of names of a file declared afresh rather than by
   * searching or indexing the units; undefined otherwise (a nested scope, a second declaration
   * of a name, another file's symbol, a file whose edits changed the index).
   */
  placeOfTop(symbol: PartnershipSymbol): number | undefined {
    if (symbol.file !== this.file) return undefined;
    const place = this.index.basePlace(symbol.name, this.units);
    return place !== undefined && this.units.at(place) === symbol.unit ? place : undefined;
  }

  /** `placeOfTop` for the symbol `unit` declares first, when it was declared in this file. */
  placeOfUnit(unit: Unit): number | undefined {
    const top = declaredBy.get(unit)?.top;
    return top && top.unit === unit ? this.placeOfTop(top) : undefined;
  }

  /**
   * For `declare`: these declarations carried to `units`, which an incremental parse made from
   * this file's units, with the index of names changed by the units the edits removed and
   * added; null when a change touches a name declared twice (its first declaration may move),
   * or the units were not made that way.
   */
  carriedTo(file: string, units: ChunkedList<Unit>): Declarations | null {
    if (file !== this.file) return null;
    const splice = spliceBetween(this.units, units);
    if (!splice) return null;
    const { gone, added } = stretchChange(this.units, units, splice);
    const changes = new Map<string, Unit | null>();
    for (const unit of gone) {
      const declared = declarationsOfUnit(file, unit);
      if (declared.duplicates.length > 0) return null;
      const top = declared.top;
      if (!top) continue;
      if (this.index.get(top.name) !== top || this.duplicates.some((d) => d.first === top)) return null;
      changes.set(top.name, null);
    }
    for (const unit of added) {
      const declared = declarationsOfUnit(file, unit);
      if (declared.duplicates.length > 0) return null;
      const top = declared.top;
      if (!top) continue;
      const now = changes.has(top.name) ? changes.get(top.name) : this.index.get(top.name);
      if (now) return null;
      changes.set(top.name, unit);
    }
    // Many names changed since the file was declared afresh: declared afresh again.
    if (this.index.changed + changes.size > Math.max(64, this.index.size >> 3)) return null;
    return new Declarations(file, units, this.index.with(changes), this.duplicates);
  }
}

const NODE_KIND: Readonly<Record<PartnershipSymbol['kind'], string>> = {
  party: 'Party', scope: 'Scope', norm: 'Norm', kpi: 'Kpi', body: 'Body', event: 'Event', charge: 'Charge', variation: 'Variation',
};

/** The list of every declaration, made when first asked for. */
const everyDeclaration = new WeakMap<Declarations, PartnershipSymbol[]>();

const NONE: readonly never[] = [];
const declaredBy = new WeakMap<Unit, UnitDeclarations>();

/** What `unit` of `file` declares; the same object for the same unit. */
export function declarationsOfUnit(file: string, unit: Unit): UnitDeclarations {
  const known = declaredBy.get(unit);
  // A unit belongs to the file it was parsed from: its symbols name that file.
  if (known && (known.top === null || known.top.file === file)) return known;
  const declarations = declareUnit(file, unit);
  declaredBy.set(unit, declarations);
  return declarations;
}

/**
 * What a unit that declares one thing declares (every unit but a scope with nested scopes):
 * its list is made when read rather than kept for each of a contract's units.
 */
class OneDeclaration implements UnitDeclarations {
  constructor(readonly top: PartnershipSymbol) {}

  get all(): readonly PartnershipSymbol[] {
    return [this.top];
  }

  get duplicates(): readonly Duplicate[] {
    return NONE;
  }
}

const NO_CHILDREN: ReadonlyMap<string, ScopeSymbol> = new Map();

function hasNestedScope(decl: ScopeDecl): boolean {
  const items = decl.block?.items ?? NONE;
  for (let i = 0; i < items.length; i++) if (items[i].kind === 'Scope') return true;
  return false;
}

/** The documentation comment written above `decl` in its unit. */
const docOf = (unit: Unit, decl: { start: number }): string | undefined => docCommentBefore(unit.text, decl.start, true);

function declareUnit(file: string, unit: Unit): UnitDeclarations {
  const node = unit.node;
  // Each symbol is written out whole, as one object literal: a contract declares thousands as
  // it opens, and a literal built by spreading a shared part costs a second object and a copy.
  // Plain functions rather than closures made for each unit, which every unit would allocate.
  switch (node.kind) {
    case 'Party':
      return new OneDeclaration({ kind: 'party', name: node.name.text, file, unit, doc: docOf(unit, node), title: node.title?.value, nameNode: node.name, decl: node });
    case 'Norm':
      return new OneDeclaration({ kind: 'norm', name: node.name.text, file, unit, doc: docOf(unit, node), title: node.title?.value, nameNode: node.name, decl: node });
    case 'Kpi':
      return new OneDeclaration({ kind: 'kpi', name: node.name.text, file, unit, doc: docOf(unit, node), title: node.title?.value, nameNode: node.name, decl: node });
    case 'Body':
      return new OneDeclaration({ kind: 'body', name: node.name.text, file, unit, doc: docOf(unit, node), title: node.title?.value, nameNode: node.name, decl: node });
    case 'Event':
      return new OneDeclaration({ kind: 'event', name: node.name.text, file, unit, doc: docOf(unit, node), title: node.title?.value, nameNode: node.name, decl: node });
    case 'Charge':
      return new OneDeclaration({ kind: 'charge', name: node.name.text, file, unit, doc: docOf(unit, node), title: node.title?.value, nameNode: node.name, decl: node });
    case 'Variation':
      return new OneDeclaration({ kind: 'variation', name: node.name.text, file, unit, doc: docOf(unit, node), title: node.title?.value, nameNode: node.name, decl: node });
    case 'Scope': {
      const all: PartnershipSymbol[] = [];
      const duplicates: Duplicate[] = [];
      const scope = (decl: ScopeDecl, parent: ScopeSymbol | null): ScopeSymbol => {
        // Most scopes are leaves: they share one empty map rather than each holding its own.
        const children: Map<string, ScopeSymbol> | null = hasNestedScope(decl) ? new Map<string, ScopeSymbol>() : null;
        const symbol: ScopeSymbol = {
          kind: 'scope',
          name: decl.name.text,
          file,
          unit,
          doc: docOf(unit, decl),
          title: decl.title?.value,
          nameNode: decl.name,
          decl,
          parent,
          children: children ?? NO_CHILDREN,
          path: parent ? `${parent.path}.${decl.name.text}` : decl.name.text,
          depth: parent ? parent.depth + 1 : 0,
        };
        all.push(symbol);
        // Children of a duplicate are still declared (so their own errors show) but unreachable.
        if (children) {
          for (const item of decl.block?.items ?? NONE) {
            if (item.kind !== 'Scope') continue;
            const child = scope(item, symbol);
            const first = children.get(child.name);
            if (first) duplicates.push({ first, again: child, namespace: `inside scope \`${symbol.path}\`` });
            else children.set(child.name, child);
          }
        }
        return symbol;
      };
      return { top: scope(node, null), all, duplicates };
    }
    default:
      return { top: null, all: NONE, duplicates: NONE };
  }
}

/**
 * The declarations of a file's partnership, from those of its units. With the declarations of
 * the file's previous parse, the index of names is carried over the units the edits changed
 * (`Declarations.carriedTo`) when it can be.
 */
export function declare(file: string, partnership: Partnership | null, previous?: Declarations): Declarations {
  const units = partnership?.block?.units ?? ChunkedList.empty<Unit>();
  const carried = previous?.carriedTo(file, units);
  if (carried) return carried;
  const places = new Map<string, number>();
  const duplicates: Duplicate[] = [];
  const tops = new Array<PartnershipSymbol | null>(units.length);
  // By index: a `for … of` loop makes an object for each step the first time it runs.
  for (let i = 0; i < units.length; i++) {
    const declared = declarationsOfUnit(file, units.at(i));
    const top = declared.top;
    tops[i] = top;
    if (!top) continue;
    const first = places.get(top.name);
    if (first !== undefined) duplicates.push({ first: tops[first]!, again: top, namespace: 'in a partnership' });
    else places.set(top.name, i);
    for (let d = 0; d < declared.duplicates.length; d++) duplicates.push(declared.duplicates[d]);
  }
  return new Declarations(file, units, new NameIndex(file, units, places, tops), duplicates);
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
