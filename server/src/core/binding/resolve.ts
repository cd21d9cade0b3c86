// Resolves the references of a unit. A plain name is looked up in the partnership's own
// namespace; a qualified name walks scope children (`ICT.Core.Telephony`) and may start with
// the file's own partnership name or that of a directly imported file (`Catalogue.ICT.Core`).
// Unknown names are P101 with a suggestion and a quick fix; names of the wrong kind are P103.
// Each reference's first part is a name looked up in the file's own namespace, so the next
// analysis can keep a resolution while none of those names changed what it declares.

import { report } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { QName, Unit } from '../syntax/ast';
import { isDotted, qnameText } from '../syntax/ast';
import type { Declarations } from './declare';
import type { Candidate, Suggester } from './suggest';
import type { ExpectedKind, PartnershipSymbol } from './symbols';
import { accepts, expectedKinds, expectedNames, kindNames } from './symbols';
import { forEachReferenceOf } from './reference-visitor';
import { SUGGESTED_PARTNERSHIPS, type VisibleLookup, type VisiblePartnership } from './visible-lookup';

export type { VisiblePartnership } from './visible-lookup';

export interface Reference {
  /** The name as written; it counts its offsets from the start of the unit it is written in. */
  readonly node: QName;
  /** The declaration referred to, when it exists and has the expected kind (never for a partnership). */
  readonly target: PartnershipSymbol | null;
  /** What each part of the name resolved to (a partnership qualifier resolves to its file). */
  readonly parts: readonly (PartnershipSymbol | VisiblePartnership | null)[];
}

/**
 * The commonest reference, a plain name of the right kind declared in the file: its one part
 * is its target. The list of parts is made only when asked for (hover, rename), not for each
 * of a large contract's hundreds of thousands of names.
 */
class PlainNameReference implements Reference {
  constructor(
    readonly node: QName,
    readonly target: PartnershipSymbol,
  ) {}

  get parts(): readonly PartnershipSymbol[] {
    return [this.target];
  }
}

/** What a unit's references resolved to, and what the resolution read. */
export interface UnitResolution {
  /** The names written, in the order of the text. */
  readonly nodes: readonly QName[];
  /** What each of `nodes` names, by the same place, when it has the expected kind (never a partnership). */
  readonly targets: readonly (PartnershipSymbol | null)[];
  /**
   * Each reference whole, with what every part of its name resolved to: made when read (hover,
   * rename, colouring), not kept for each of a contract's hundreds of thousands of names.
   */
  readonly references: readonly Reference[];
  /** P101 and P103, with offsets from the unit's start. */
  readonly diagnostics: readonly Diagnostic[];
  /** True when a name did not resolve: its suggestion read every name, so nothing is kept. */
  readonly failed: boolean;
}

/**
 * A unit's resolution as two lists by place, the names and their targets, with the resolved
 * parts kept only for the names whose parts are not simply their target (a dotted or
 * qualified name, one that did not resolve, a partnership's).
 */
class Resolution implements UnitResolution {
  constructor(
    readonly nodes: readonly QName[],
    readonly targets: readonly (PartnershipSymbol | null)[],
    private readonly partsAt: ReadonlyMap<number, Reference['parts']> | null,
    readonly diagnostics: readonly Diagnostic[],
    readonly failed: boolean,
  ) {}

  get references(): readonly Reference[] {
    return this.nodes.map((node, i) => {
      const target = this.targets[i]!;
      const parts = this.partsAt?.get(i) ?? (isDotted(node) ? pathOf(target) : undefined);
      return parts ? { node, target, parts } : new PlainNameReference(node, target);
    });
  }
}

/**
 * What the parts of a name resolved to when the name is its target's path from the top of the
 * partnership (`ICT.Core.Telephony`): the scopes it passes through. Any other name (one
 * qualified by a partnership, one that did not resolve) keeps its parts.
 */
function pathOf(target: PartnershipSymbol): PartnershipSymbol[] {
  const path: PartnershipSymbol[] = [target];
  if (target.kind === 'scope') for (let s = target.parent; s; s = s.parent) path.unshift(s);
  return path;
}

function samePath(parts: Reference['parts'], target: PartnershipSymbol): boolean {
  let at: PartnershipSymbol | null = target;
  for (let i = parts.length - 1; i >= 0; i--) {
    if (parts[i] !== at) return false;
    at = at !== null && at.kind === 'scope' ? at.parent : null;
  }
  return at === null;
}

/** The partnerships a file sees by name: its own, and those it imports (nearest first). */
export interface NameScope {
  readonly own: VisiblePartnership;
  readonly imported: VisibleLookup;
}

/** A file's scope for one resolution of its units (see `TopLevelCache`). */
export function nameScope(own: VisiblePartnership, imported: VisibleLookup): NameScope & ResolvingScope {
  return { own, imported, topLevel: new Map() };
}

/**
 * The own partnership's top-level declarations by name, as looked up so far in one resolution
 * of a file (null: no such declaration). A contract names its few parties, scopes and KPIs
 * hundreds of thousands of times; its index of names holds every norm's name too, and a small
 * table of the names read is found in the processor's cache where the index is not.
 */
type TopLevelCache = Map<string, PartnershipSymbol | null>;

interface ResolvingScope {
  readonly topLevel: TopLevelCache;
}

const NONE: readonly never[] = [];
const NOTHING: UnitResolution = new Resolution(NONE, NONE, null, NONE, false);

/** What resolving one unit works with and finds: one object per unit, read by plain functions. */
interface UnitResolving {
  readonly file: string;
  readonly unit: Unit;
  readonly own: VisiblePartnership;
  readonly topLevel: TopLevelCache;
  readonly imported: VisibleLookup;
  readonly suggester: Suggester;
  /** The references noted so far, in the order of the text (`forEachReferenceOf` visits them so): `count` of each list. */
  readonly nodes: QName[];
  readonly targets: (PartnershipSymbol | null)[];
  count: number;
  partsAt: Map<number, Reference['parts']> | null;
  diagnostics: Diagnostic[] | undefined;
}

/** `suggester` answers the unknown names of the whole file, within its budget. */
export function resolveUnit(file: string, unit: Unit, scope: (NameScope & ResolvingScope) | null, suggester: Suggester): UnitResolution {
  if (!scope) return NOTHING;
  // The lists kept from unit to unit, unless a resolution is already using them.
  const shared = !scratchInUse;
  scratchInUse = true;
  const state: UnitResolving = {
    file, unit, own: scope.own, topLevel: scope.topLevel, imported: scope.imported, suggester,
    nodes: shared ? scratchNodes : [], targets: shared ? scratchTargets : [], count: 0, partsAt: null, diagnostics: undefined,
  };
  try {
    forEachReferenceOf(unit.node, (node, expected) => resolveReference(state, node, expected));
  } finally {
    if (shared) scratchInUse = false;
  }
  const { nodes, targets, count, partsAt, diagnostics } = state;
  if (count === 0) return NOTHING;
  // The unit keeps copies of its own length; the lists noted into serve the next unit.
  return new Resolution(nodes.slice(0, count), targets.slice(0, count), partsAt, diagnostics ?? NONE, diagnostics !== undefined);
}

/**
 * The references of the unit being resolved, noted from the start for each unit: a contract
 * resolves its units one after another as it opens, and lists grown afresh for each would be
 * made, grown and dropped hundreds of thousands of times.
 */
const scratchNodes: QName[] = [];
const scratchTargets: (PartnershipSymbol | null)[] = [];
let scratchInUse = false;

/** Notes a reference; `parts` when they may not be its target's path (see `pathOf`). */
function found(state: UnitResolving, node: QName, target: PartnershipSymbol | null, parts?: Reference['parts']): void {
  if (parts && !(target && samePath(parts, target))) (state.partsAt ??= new Map()).set(state.count, parts);
  state.nodes[state.count] = node;
  state.targets[state.count] = target;
  state.count++;
}

function resolveReference(state: UnitResolving, node: QName, expected: ExpectedKind): void {
  if (expected === 'partnership') {
    resolvePartnership(state, node);
    return;
  }
  // The common case, a name of the right kind declared here (a plain name, or a path through
  // the partnership's scopes), without making the name's parts or the failure's functions.
  const declared = ownPath(state, node.text, expected);
  if (declared) found(state, node, declared);
  else resolvePath(state, node, expected);
}

/**
 * A name `ownPath` does not find: read part by part through the partnerships and scopes it
 * names, and reported where it goes wrong. A function of its own: the functions it makes for
 * its reports share its variables, which the engine then keeps in an object made at every call,
 * and the common case above is made for every reference as a contract opens.
 */
function resolvePath(state: UnitResolving, node: QName, expected: ExpectedKind): void {
  const { file, unit, own } = state;
  // The names of the parts, read from the text; the parts' own spans are not needed here.
  const names = node.text.split('.');
  let named: VisiblePartnership | undefined;
  let current: PartnershipSymbol | undefined = topLevelNamed(state, names[0]);
  // What each part resolved to: the partnership that qualifies the name, then the path to
  // `current`, then nothing for the parts not reached. A name that resolved without a
  // qualifier is its target's path, and keeps none.
  const partsSoFar = (): (PartnershipSymbol | VisiblePartnership | null)[] => {
    const parts: (PartnershipSymbol | VisiblePartnership | null)[] = named ? [named] : [];
    if (current) parts.push(...pathOf(current));
    while (parts.length < names.length) parts.push(null);
    return parts;
  };
  const fail = (diagnostic: Diagnostic): void => {
    (state.diagnostics ??= []).push(diagnostic);
    found(state, node, null, partsSoFar());
  };
  const at = (): UnitSpan => ({ file, unit, start: node.start, end: node.end });
  let index = 1;
  if (!current) {
    named = qualifier(state, names[0]);
    if (!named) {
      fail(unknown(state, at(), node, expected, names[0], undefined, own, () => candidatesFor(expected, own, state.imported.nearest(SUGGESTED_PARTNERSHIPS))));
      return;
    }
    if (names.length === 1) {
      fail(report('P103', at(), { name: names[0], actual: 'partnership', expected: expectedNames[expected] }));
      return;
    }
    current = named.declarations.topLevel.get(names[1]);
    if (!current) {
      const partnership = named;
      const candidates = (): Candidate[] => acceptable(partnership.declarations, expected).map((s) => ({ text: `${partnership.name}.${s.name}`, title: s.title }));
      fail(unknown(state, at(), node, expected, names[1], partnership.name, partnership, candidates));
      return;
    }
    index = 2;
  }
  for (; index < names.length; index++) {
    const child: PartnershipSymbol | undefined = current.kind === 'scope' ? current.children.get(names[index]) : undefined;
    if (!child) {
      const parentText = names.slice(0, index).join('.');
      const parent = current;
      const siblings = (): Candidate[] => (parent.kind === 'scope' ? [...parent.children.values()] : []).map((s) => ({ text: `${parentText}.${s.name}`, title: s.title }));
      fail(unknown(state, at(), node, expected, names[index], parentText, parentText, siblings));
      return;
    }
    current = child;
  }
  if (!accepts(expected, current.kind)) {
    fail(report('P103', at(), { name: qnameText(node), actual: kindNames[current.kind], expected: expectedNames[expected] }));
    return;
  }
  found(state, node, current, named ? partsSoFar() : undefined);
}

/**
 * The declaration of the expected kind that `text` names as a path from the top of the file's
 * own partnership (`Core.Telephony`, or a plain name), read part by part from the text;
 * undefined for any other name, which the general path resolves or reports.
 */
function ownPath(state: UnitResolving, text: string, expected: ExpectedKind): PartnershipSymbol | undefined {
  let end = text.indexOf('.');
  let current = topLevelNamed(state, end < 0 ? text : text.slice(0, end));
  while (current && end >= 0) {
    if (current.kind !== 'scope') return undefined;
    const start = end + 1;
    end = text.indexOf('.', start);
    current = current.children.get(end < 0 ? text.slice(start) : text.slice(start, end));
  }
  return current && accepts(expected, current.kind) ? current : undefined;
}

function topLevelNamed(state: UnitResolving, name: string): PartnershipSymbol | undefined {
  let symbol = state.topLevel.get(name);
  if (symbol === undefined) state.topLevel.set(name, (symbol = state.own.declarations.topLevel.get(name) ?? null));
  return symbol ?? undefined;
}

/** The file's own partnership or one it imports, by name. */
function qualifier(state: UnitResolving, name: string): VisiblePartnership | undefined {
  return name === state.own.name ? state.own : state.imported.find(name);
}

function unknown(state: UnitResolving, at: UnitSpan, node: QName, expected: ExpectedKind, name: string, inside: string | undefined, place: unknown, candidates: () => readonly Candidate[]): Diagnostic {
  return unknownName(at, node, expected, name, inside, state.suggester.closest(name, place, expected, candidates));
}

/** `varies <partnership>`: the file's own partnership or one it imports, by its one-part name. */
function resolvePartnership(state: UnitResolving, node: QName): void {
  const { file, unit, own, imported } = state;
  const at = { file, unit, start: node.start, end: node.end };
  const plain = !isDotted(node);
  const named = plain ? qualifier(state, node.text) : undefined;
  if (named) {
    found(state, node, null, [named]);
    return;
  }
  const diagnostic = plain
    ? unknown(state, at, node, 'partnership', node.text, undefined, 'partnerships', () => [own, ...imported.nearest(SUGGESTED_PARTNERSHIPS)].map((p) => ({ text: p.name, title: undefined })))
    : report('P103', at, { name: qnameText(node), actual: 'declaration', expected: 'partnership' });
  (state.diagnostics ??= []).push(diagnostic);
  found(state, node, null, node.text.split('.').map(() => null));
}

type UnitSpan = { file: string; unit: Unit; start: number; end: number };

function unknownName(at: UnitSpan, node: QName, expected: ExpectedKind, name: string, inside: string | undefined, best: Candidate | undefined): Diagnostic {
  const suggestion = best ? '`' + best.text + '`' + (best.title ? ` (${best.title})` : '') : undefined;
  return report(
    'P101',
    at,
    { name: inside ? name : qnameText(node), expected: expectedNames[expected], inside, suggestion },
    best ? { fixes: [{ title: `Change to \`${best.text}\``, edits: [{ ...at, newText: best.text }], preferred: true }] } : {},
  );
}

/** Names of the expected kind a person could mean: local ones, then imported ones qualified. */
function candidatesFor(expected: ExpectedKind, own: VisiblePartnership, imported: readonly VisiblePartnership[]): Candidate[] {
  const out: Candidate[] = [];
  for (const s of acceptable(own.declarations, expected)) out.push({ text: s.name, title: s.title });
  for (const p of imported) {
    for (const s of acceptable(p.declarations, expected)) out.push({ text: `${p.name}.${s.name}`, title: s.title });
  }
  return out;
}

/**
 * The partnership's own declarations (the first of each name) that a reference expecting
 * `expected` may name, in the order of the text: found among the units of those kinds, so that
 * a name being typed into a large contract is not compared with every norm to suggest a party.
 */
function acceptable(declarations: Declarations, expected: ExpectedKind): PartnershipSymbol[] {
  const out: PartnershipSymbol[] = [];
  for (const s of declarations.ofKinds(expectedKinds[expected])) if (declarations.topLevel.get(s.name) === s) out.push(s);
  return out;
}
