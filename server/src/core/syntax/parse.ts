// The parse driver: runs the generated parser and turns every broken statement into exactly
// one P001 with a message a person can act on. The grammar recovers at statement keywords
// (junk nodes); here each junk stretch is re-parsed with its context's probe rule to find the
// furthest point the parser understood and what it expected there.

import { report } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { type BlockContext, STATEMENT_KEYWORDS } from '../language/vocabulary';
import type { Block, FileNode, Import, Junk, Partnership, Span, Unit } from './ast';
import { ChunkedList } from '../values/chunked-list';
import { ChunkedOffsets } from '../values/chunked-offsets';
import { type MissingPart, missingParts, missingPartsInUnit } from './missing-parts';
import { type Expectation, GeneratedSyntaxError, type GrammarFile, type ParsedUnits, parseTreeOnly, parseWithExpectations, type StartRuleNames } from './peggy-adapter';
import { quoteToken, tokenAt, tokenBefore } from './tokens';

export interface ParsedDocument {
  readonly file: string;
  readonly text: string;
  readonly ast: FileNode;
  readonly diagnostics: readonly Diagnostic[];
}

const probeRule: Record<Junk['context'], StartRuleNames> = {
  file: 'FileProbe',
  partnership: 'PartnershipProbe',
  scope: 'ScopeProbe',
  norm: 'NormProbe',
  kpi: 'KpiProbe',
  body: 'BodyProbe',
  charge: 'ChargeProbe',
  variation: 'VariationProbe',
};

/** What may start a statement in each context, for "found X here" messages. */
const keywordsOf = (context: BlockContext): string => STATEMENT_KEYWORDS[context].map((k) => `\`${k}\``).join(', ');
const contextLines: Record<Junk['context'], string> = {
  file: '`import` or `partnership`',
  partnership: `a declaration or statement (${keywordsOf('partnership')}) or \`}\``,
  scope: '`covers`, a nested `scope` or `}`',
  norm: `a line of the norm (\`<party> must …\`, ${keywordsOf('norm')}) or \`}\``,
  kpi: `a line of the KPI (${keywordsOf('kpi')}) or \`}\``,
  body: `a line of the body (${keywordsOf('body')}) or \`}\``,
  charge: `a line of the charge (\`<party> pays <party>\`, an amount such as \`£1m per year\`, ${keywordsOf('charge')}) or \`}\``,
  variation: `a change of the variation (${keywordsOf('variation')}, \`term to\`) or \`}\``,
};

export function parseDocument(file: string, text: string): ParsedDocument {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    // Binary data: one clear message rather than one per stretch of noise.
    const message = 'This file contains binary data (a NUL byte), so it is not a `.partnership` text file.';
    return { file, text, ast: emptyFile(text), diagnostics: [report('P001', { file, start: nul, end: nul + 1 }, { text: message })] };
  }
  let ast: GrammarFile;
  try {
    ast = parseTreeOnly(text, 'File');
  } catch (error) {
    // Only a parse that failed on the text needs the furthest failure: it is parsed again to
    // record it. Anything else (nesting too deep) would fail the same way twice.
    if (!(error instanceof GeneratedSyntaxError)) return { file, text, ast: emptyFile(text), diagnostics: [unparsable(file, text, error)] };
    try {
      ast = parseWithExpectations(text, 'File');
    } catch (again) {
      return { file, text, ast: emptyFile(text), diagnostics: [unparsable(file, text, again)] };
    }
  }
  return finishParse(file, text, inChunks(ast));
}

/** The tree with its partnership's units and their starts kept in chunks (see `PartnershipBlock`). */
function inChunks(ast: GrammarFile): FileNode {
  const items = ast.items.map((item) => {
    if (item.kind !== 'Partnership' || !item.block) return item as Import | Junk | Partnership;
    const { units, starts } = item.block;
    return { ...item, block: { ...item.block, units: ChunkedList.of(units), starts: ChunkedOffsets.of(starts) } };
  });
  return { ...ast, items };
}

/** Turns a tree's junk, lexical errors and missing parts into P001s. */
function finishParse(file: string, text: string, ast: FileNode): ParsedDocument {
  const diagnostics = lexicalDiagnostics(file, ast.lexicalErrors);
  const junk = findJunk(file, text, ast.lexicalErrors, (visit) => {
    if (ast.mayHaveJunk) forEachList(ast, visit);
  });
  diagnostics.push(...junk.diagnostics);
  const finished = junk.broken.size > 0 ? withJunk(ast, junk.broken) : ast;
  diagnostics.push(...reportable(file, missingParts(finished, text), junk.follows, ast.lexicalErrors));
  return { file, text, ast: finished, diagnostics: onePerPosition(diagnostics) };
}

/**
 * What `finishParse` finds in a stretch of a partnership's units parsed on their own (see
 * `parseUnits`), each unit starting at `starts[i]` in `text`: their P001s, and the units with
 * each broken statement replaced by its junk. `text` may be a window of the document that holds
 * the stretch and the unit after it, offsets counting from the window's start; `lineNumber`
 * then numbers the document's lines for messages. The statements before and after the stretch
 * are the caller's to keep apart from it.
 */
export function finishUnits(
  file: string,
  text: string,
  units: readonly Unit[],
  starts: readonly number[],
  lexicalErrors: FileNode['lexicalErrors'],
  lineNumber?: (offset: number) => number,
): { readonly units: readonly Unit[]; readonly diagnostics: readonly Diagnostic[] } {
  const junk = findJunk(file, text, lexicalErrors, (visit) => forEachUnitList(units.map((u) => u.node), (i) => starts[i], visit));
  const finished = junk.broken.size > 0 ? units.map((u) => withJunkUnit(u, junk.broken)) : units;
  const missing = finished.flatMap((unit, i) => missingPartsInUnit(unit, starts[i], text, lineNumber));
  return { units: finished, diagnostics: onePerPosition([...lexicalDiagnostics(file, lexicalErrors), ...junk.diagnostics, ...reportable(file, missing, junk.follows, lexicalErrors)]) };
}

/** An unclosed string or comment: where it starts, and what closes one. */
function lexicalDiagnostics(file: string, lexicalErrors: FileNode['lexicalErrors']): Diagnostic[] {
  return lexicalErrors.map((e) => {
    const message =
      e.kind === 'string'
        ? 'This string is not closed: a string ends with `"` on the same line.'
        : 'This comment is not closed: a block comment ends with `*/`.';
    return report('P001', { file, start: e.start, end: e.kind === 'string' ? e.end : e.start + 2 }, { text: message });
  });
}

/** Each broken statement's P001, the statements followed by junk, and those the junk after them breaks. */
function findJunk(file: string, text: string, lexicalErrors: FileNode['lexicalErrors'], lists: (visit: ListVisitor) => void): { readonly diagnostics: Diagnostic[]; readonly follows: ReadonlySet<Span>; readonly broken: ReadonlyMap<Item, Junk> } {
  const diagnostics: Diagnostic[] = [];
  const follows = new Set<Span>();
  const broken = new Map<Item, Junk>();
  lists((items, baseOf) => {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.kind !== 'Junk') continue;
      const base = baseOf(i);
      const junk: Junk = { kind: 'Junk', context: (item as Junk).context, start: base + item.start, end: base + item.end };
      const before = i > 0 && items[i - 1].kind !== 'Junk' ? items[i - 1] : null;
      if (before) follows.add(before);
      const previous = before ? { start: baseOf(i - 1) + before.start, end: baseOf(i - 1) + before.end } : null;
      const ownStatement = startsStatement(text, junk);
      if (before && !DECLARATIONS.has(before.kind) && !ownStatement && isTail(text, previous!, junk)) {
        // The junk is the broken tail of the statement before it (`… to` with no party):
        // that statement is broken too and takes part in no other check. A stretch on a line
        // of its own is a broken line, and leaves the line before it whole.
        broken.set(before, { kind: 'Junk', context: junk.context, start: before.start, end: before.end });
      }
      const diagnostic = junkDiagnostic(file, text, junk, previous, ownStatement);
      // An unterminated string on the same line already explains this stretch.
      if (lexicalErrors.some((e) => e.start >= junk.start && e.start < junk.end && sameLine(text, e.start, diagnostic.start))) continue;
      diagnostics.push(diagnostic);
    }
  });
  return { diagnostics, follows, broken };
}

/** The missing parts worth a P001: not one a following junk stretch or a lexical error in its header explains better. */
function reportable(file: string, missing: Iterable<MissingPart>, junkFollows: ReadonlySet<Span>, lexicalErrors: FileNode['lexicalErrors']): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of missing) {
    if (m.trailing && junkFollows.has(m.node)) continue;
    if (lexicalErrors.some((e) => e.start >= m.headerStart && e.start < m.headerEnd)) continue;
    out.push(report('P001', { file, start: m.at.start, end: m.at.end }, { text: m.message }));
  }
  return out;
}

/** The tree with each statement in `broken` replaced by its junk; untouched parts are shared. */
function withJunk(ast: FileNode, broken: ReadonlyMap<Item, Junk>): FileNode {
  const items = ast.items.map((top) => {
    if (top.kind !== 'Partnership' || !top.block) return withJunkItem(top, broken);
    const units = ChunkedList.of(top.block.units.map((u) => withJunkUnit(u, broken)));
    return { ...top, block: { ...top.block, units } };
  });
  return { ...ast, items };
}

function withJunkUnit(unit: Unit, broken: ReadonlyMap<Item, Junk>): Unit {
  const node = withJunkItem(unit.node, broken);
  return node === unit.node ? unit : { kind: 'Unit', text: unit.text, node };
}

function withJunkItem<T extends Item>(node: T, broken: ReadonlyMap<Item, Junk>): T {
  type Blocked = Item & { readonly block?: Block<Item> | null };
  const replaced = broken.get(node);
  if (replaced) return replaced as unknown as T;
  const block = (node as Blocked).block;
  if (!block || node.kind === 'Partnership') return node;
  const items = block.items.map((i) => withJunkItem(i, broken));
  return items.every((x, i) => x === block.items[i]) ? node : { ...node, block: { ...block, items } };
}

/** One unit parsed on its own from its text (see `UnitOnly` in the grammar); null unless it is one whole statement without lexical errors. */
export function parseUnit(text: string): Unit | null {
  try {
    const { node, lexicalErrors } = parseTreeOnly(text, 'UnitOnly');
    return lexicalErrors.length === 0 ? { kind: 'Unit', text, node } : null;
  } catch (error) {
    // Not one statement: the caller parses the whole document instead. Anything else is a fault.
    if (error instanceof GeneratedSyntaxError || error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * A stretch of a partnership's units parsed on their own (see `UnitsOnly` in the grammar), each
 * with where it starts in the stretch, and the strings and comments left open in it; null
 * unless the stretch is whole units. `closed`: the stretch is the block's last units and the
 * `}` that closes the block (`UnitsThenClose`).
 */
export function parseUnits(text: string, closed = false): ParsedUnits | null {
  try {
    return parseTreeOnly(text, closed ? 'UnitsThenClose' : 'UnitsOnly');
  } catch (error) {
    // Not whole units (a stray `}`, say): the caller parses the whole document instead.
    if (error instanceof GeneratedSyntaxError || error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * Whether a unit re-parsed on its own, in a document that had no syntax error, leaves it
 * without one: the declaration has no broken statement and no missing part. Nothing else can
 * have changed, so this stands for the whole document's check. `start` is where the unit
 * starts in `text`, the document's new text.
 */
export function isCleanUnit(text: string, unit: Unit, start: number): boolean {
  return !unitHasJunk(unit) && missingPartsInUnit(unit, start, text).length === 0;
}

/** Whether a broken statement stands anywhere in a unit: the unit's own, or inside its blocks. */
export function unitHasJunk(unit: Unit): boolean {
  const junkIn = (item: Item): boolean => {
    const block = (item as { block?: Block<Item> | null }).block;
    return item.kind === 'Junk' || (!!block && block.items.some(junkIn));
  };
  return junkIn(unit.node);
}

/** Declarations stay declared when something after their name is broken. */
const DECLARATIONS = new Set(['Partnership', 'Party', 'Scope', 'Norm', 'Kpi', 'Body', 'Event', 'Charge', 'Variation']);

/** Whether one of its context's statements begins where the junk begins. */
function startsStatement(text: string, junk: Junk): boolean {
  try {
    parseWithExpectations(text.slice(junk.start, junk.end), 'StartsStatement', junk.context);
    return true;
  } catch (error) {
    if (error instanceof GeneratedSyntaxError) return false;
    throw error;
  }
}

/**
 * Several missing `}` at the end of a file, or a missing part next to a broken statement, can
 * point at the same token: one message there is enough, the innermost (reported last).
 */
function onePerPosition(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const byStart = new Map<number, Diagnostic>();
  for (const d of diagnostics) byStart.set(d.start, d);
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

type Item = Span & { readonly kind: string };

type ListVisitor = (items: readonly Item[], baseOf: (i: number) => number) => void;

/** Calls `visit` with every list of statements in the file, the file's own included, with where each item counts its offsets from. */
function forEachList(ast: FileNode, visit: ListVisitor): void {
  visit(ast.items, () => 0);
  for (const item of ast.items) {
    if (item.kind !== 'Partnership' || !item.block) continue;
    const { units, starts } = item.block;
    forEachUnitList(units.map((u) => u.node), (i) => starts.at(i), visit);
  }
}

/** The same for a list of units' statements, the `i`th starting at `startOf(i)`: the list, then each statement's blocks. */
function forEachUnitList(nodes: readonly Item[], startOf: (i: number) => number, visit: ListVisitor): void {
  const walkBlock = (block: Block<Item> | null, base: number): void => {
    if (!block) return;
    visit(block.items, () => base);
    for (const item of block.items) {
      const nested = (item as { block?: Block<Item> | null }).block;
      if (nested) walkBlock(nested, base);
    }
  };
  visit(nodes, startOf);
  nodes.forEach((node, i) => walkBlock((node as { block?: Block<Item> | null }).block ?? null, startOf(i)));
}

function probe(text: string, from: number, to: number, context: Junk['context']): { offset: number; expected: readonly Expectation[] } | null {
  try {
    parseWithExpectations(text.slice(from, to), probeRule[context]);
    return null;
  } catch (error) {
    if (error instanceof GeneratedSyntaxError) return { offset: from + error.location.start.offset, expected: error.expected ?? [] };
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function junkDiagnostic(file: string, text: string, junk: Junk, previous: Span | null, ownStatement: boolean): Diagnostic {
  const from = previous ? previous.start : junk.start;
  const failure = probe(text, from, junk.end, junk.context);
  // When the junk starts no statement, the parser may still have read it as the start of one
  // (a name taken for a norm's party); then the junk's first word is the unexpected one. On a
  // line of its own it is the start of one, and the parser's furthest failure stands.
  const alone = !ownStatement && previous !== null && failure !== null && isTail(text, previous, junk) ? probe(text, junk.start, junk.end, junk.context) : null;
  const readAsFreshStart = alone !== null && alone.offset === failure!.offset && sameExpectations(alone.expected, failure!.expected);
  const atStart = !failure || failure.offset <= junk.start || readAsFreshStart;
  const offset = atStart ? junk.start : failure!.offset;
  const found = tokenAt(text, offset);
  const at = found ? { start: found.start, end: found.end } : { start: text.length, end: text.length };
  let message: string;
  if (atStart) {
    message = `Expected ${contextLines[junk.context]}, found ${quoteToken(found)}.`;
  } else {
    const after = tokenBefore(text, at.start, from);
    message =
      `Expected ${describeExpected(failure!.expected, junk.context)}` +
      (after ? ` after ${quoteToken(after)}` : '') +
      `, found ${quoteToken(found)}.`;
  }
  return report('P001', { file, ...at }, { text: message });
}

function sameExpectations(a: readonly Expectation[], b: readonly Expectation[]): boolean {
  const key = (list: readonly Expectation[]): string => [...new Set(list.map((e) => JSON.stringify(e)))].sort().join('|');
  return key(a) === key(b);
}

function describeExpected(expected: readonly Expectation[], context: Junk['context']): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  let end = false;
  for (const e of expected) {
    let text: string;
    switch (e.type) {
      case 'literal':
        text = '`' + e.text + '`';
        break;
      case 'other':
        text = e.description;
        break;
      case 'end':
        end = true;
        continue;
      case 'any':
        text = 'more text';
        break;
      default:
        text = 'a ' + ((e as { type: string }).type === 'class' ? 'character' : 'token');
    }
    if (!seen.has(text)) {
      seen.add(text);
      parts.push(text);
    }
  }
  if (end) parts.push(context === 'file' ? 'the end of the file' : '`}`');
  if (parts.length === 0) return 'something else';
  if (parts.length > 6) return `one of ${parts.slice(0, 5).join(', ')}, … or ${parts[parts.length - 1]}`;
  if (parts.length === 1) return parts[0];
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/** Whether a junk stretch goes on the line its previous statement ends on: then it is that statement's broken tail. */
function isTail(text: string, previous: Span, junk: Span): boolean {
  return sameLine(text, previous.end, junk.start);
}

function sameLine(text: string, a: number, b: number): boolean {
  const [from, to] = a < b ? [a, b] : [b, a];
  return !/[\r\n]/.test(text.slice(from, to));
}

function emptyFile(text: string): FileNode {
  return { kind: 'File', items: [], lexicalErrors: [], mayHaveJunk: false, start: 0, end: text.length };
}

/** The whole file could not be parsed (only nesting deep enough to exhaust the stack does this). */
function unparsable(file: string, text: string, error: unknown): Diagnostic {
  if (error instanceof GeneratedSyntaxError) {
    const offset = error.location.start.offset;
    const found = tokenAt(text, offset);
    const at = found ? { start: found.start, end: found.end } : { start: text.length, end: text.length };
    return report('P001', { file, ...at }, { text: `Unexpected ${quoteToken(found)}.` });
  }
  if (error instanceof RangeError) {
    return report('P001', { file, start: 0, end: Math.min(text.length, 1) }, {
      text: 'This file is nested too deeply to be analysed: check for a run of unclosed `{`.',
    });
  }
  throw error;
}
