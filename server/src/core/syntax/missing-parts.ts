// Structural syntax errors the grammar lets through so that the rest of a declaration still
// parses: a missing title, role, `{` or `}`, a norm without its `<party> must …` line, a line
// given twice, a second partnership, an import after the partnership.

import type { Block, FileNode, Ident, Junk, Partnership, PartnershipItem, Span, Unit } from './ast';
import { lineNumberAt } from '../text/line-index';
import type { ChunkedOffsets } from '../values/chunked-offsets';
import { quoteToken, tokenAt } from './tokens';

export interface MissingPart {
  /** The statement or declaration at fault (its offsets may be relative to its unit). */
  readonly node: Span;
  /** Where its header starts and ends, in the document: a lexical error there explains the problem instead. */
  readonly headerStart: number;
  readonly headerEnd: number;
  /** True when the part is missing at the end of the statement (a following junk node explains it better). */
  readonly trailing: boolean;
  /** Where to report it, in the document. */
  readonly at: Span;
  readonly message: string;
}

type Named = Span & { kind: string; name: Ident; title: { end: number } | null };

const describe: Record<string, string> = {
  Partnership: 'partnership',
  Party: 'party',
  Scope: 'scope',
  Kpi: 'KPI',
  Body: 'body',
  Event: 'event',
  Charge: 'charge',
  Variation: 'variation',
};

const NO_SINGLE_LINES: Record<string, string> = {};

/** Lines a norm, KPI or body may have at most once. */
const singleLines: Record<string, Record<string, string>> = {
  Norm: {
    Due: 'due', Every: 'every', Accountable: 'accountable', ScopeLine: 'scope', Otherwise: 'otherwise', Clause: 'clause',
    From: 'from', Until: 'until', NormAmount: 'amount', Endeavours: 'endeavours', Notice: 'notice',
  },
  // Targets and thresholds may be repeated: a target ramps over time, thresholds have their own consequences.
  Kpi: { Owner: 'owner', ScopeLine: 'scope', Measured: 'measured', Baseline: 'baseline', Weight: 'weight' },
  Body: { Chair: 'chair', Meets: 'meets', EscalatesTo: 'escalates-to' },
  Charge: { Pays: 'pays', ScopeLine: 'scope', Indexed: 'indexed', CreditCap: 'credit-cap', Clause: 'clause' },
  Variation: { Varies: 'varies', Agreed: 'agreed', Effective: 'effective', TermTo: 'term to', Clause: 'clause' },
  Partnership: { Term: 'term', Source: 'source', Calendar: 'calendar', ContractValue: 'value' },
};

/**
 * Whether a statement of `kind` is one of the partnership's lines given once (`term`, say):
 * its repetition is found across every unit of the partnership.
 */
export function givenOnceInPartnership(kind: string): boolean {
  return Object.hasOwn(singleLines.Partnership, kind);
}

export function missingParts(ast: FileNode, text: string): MissingPart[] {
  const c = collector(text);
  const out = c.out;
  if (!ast.items.some((i) => i.kind === 'Partnership' || i.kind === 'Junk')) {
    const end = text.length;
    out.push({ node: ast, headerStart: 0, headerEnd: end, trailing: false, at: { start: end, end }, message: 'This file declares no partnership: a `.partnership` file holds one `partnership Name "Title" { … }`.' });
  }
  let partnerships = 0;
  for (const item of ast.items) {
    if (item.kind === 'Partnership') {
      partnerships++;
      if (partnerships > 1) {
        out.push({ node: item, headerStart: item.start, headerEnd: item.name.end, trailing: false, at: { start: item.name.start, end: item.name.end }, message: `A file holds one partnership; \`${item.name.text}\` is a second one. Put it in a file of its own and import it.` });
      }
      c.partnership(item);
    } else if (item.kind === 'Import' && partnerships > 0) {
      out.push({ node: item, headerStart: item.start, headerEnd: item.end, trailing: false, at: { start: item.start, end: item.start + 'import'.length }, message: 'Imports come before the partnership: move this `import` to the top of the file.' });
    }
  }
  return out;
}

/**
 * The missing parts of one unit (a re-parsed declaration, say), placed as if it started at
 * `start` in `text`; `lineNumber` numbers the lines a message names, when `text` is a window of
 * a larger document.
 */
export function missingPartsInUnit(unit: Unit, start: number, text: string, lineNumber: (offset: number) => number = (offset) => lineNumberAt(text, offset)): MissingPart[] {
  const c = collector(text, lineNumber);
  c.unit(unit.node, start);
  return c.out;
}

/**
 * Collects missing parts. `base` is where the nodes being walked count their offsets from: 0
 * for the partnership itself, a unit's start for the nodes of that unit.
 */
function collector(text: string, lineNumber: (offset: number) => number = (offset) => lineNumberAt(text, offset)) {
  const out: MissingPart[] = [];
  let base = 0;
  const at = (offset: number): { at: Span; found: string } => {
    const token = tokenAt(text, base + offset);
    return { at: token ? { start: token.start, end: token.end } : { start: text.length, end: text.length }, found: quoteToken(token) };
  };
  const push = (node: Span, headerEnd: number, trailing: boolean, where: Span, message: string): void => {
    out.push({ node, headerStart: base + node.start, headerEnd: base + headerEnd, trailing, at: where, message });
  };
  const own = (span: Span, length = span.end - span.start): Span => ({ start: base + span.start, end: base + span.start + length });

  const named = (node: Named, what: string, block: { start: number; end: number; closed: boolean } | null, blockRequired: boolean): void => {
    const headerEnd = block ? block.start : node.end;
    if (!node.title) {
      const where = at(node.name.end);
      push(node, headerEnd, !block, where.at, `Expected the title of ${what} \`${node.name.text}\` (a quoted string), found ${where.found}.`);
    }
    if (blockRequired && !block && node.title) {
      const where = at(node.title.end);
      push(node, headerEnd, true, where.at, `Expected \`{\` to open ${what} \`${node.name.text}\`, found ${where.found}.`);
    }
    if (block && !block.closed) {
      const where = at(block.end);
      push(node, headerEnd, false, where.at, `Expected \`}\` to close ${what} \`${node.name.text}\`, found ${where.found}.`);
    }
  };

  // The first line of each kind in the block being read: a block has a handful of lines, so a
  // list searched in place costs less than a map; one pair of lists serves every block in turn,
  // its first `firstCount` entries being the block's (emptying an array would give up its room).
  const firstOf: (Span & { kind: string })[] = [];
  const firstBase: number[] = [];
  let firstCount = 0;

  /** Lines given twice, and a norm without its norm line; `bases[i]` is where `items[i]` counts from. */
  const repeatedLines = (node: Named, what: string, items: readonly (Span & { kind: string })[], headerEnd: number, bases?: ChunkedOffsets): void => {
    const singles = singleLines[node.kind] ?? NO_SINGLE_LINES;
    firstCount = 0;
    let normLines = 0;
    let junk = false;
    const outer = base;
    // Loops here go by index: this runs for every declaration as a contract opens, when a
    // `for … of` loop still makes an object for each step.
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      base = bases ? bases.at(i) : outer;
      if (item.kind === 'Junk') junk = true;
      if (item.kind === 'NormLine') {
        normLines++;
        if (normLines > 1) {
          push(item, item.end, false, own(item), `${capitalise(what)} \`${node.name.text}\` already has its \`<party> must …\` line; a norm states one duty, so declare another norm for this one.`);
        }
      }
      const keyword = singles[item.kind];
      if (!keyword) continue;
      let first = -1;
      for (let f = 0; f < firstCount; f++) if (firstOf[f].kind === item.kind) first = f;
      if (first >= 0) {
        const line = lineNumber(firstBase[first] + firstOf[first].start);
        push(item, item.end, false, own(item, keyword.length), `${capitalise(what)} \`${node.name.text}\` already has ${/^[aeiou]/.test(keyword) ? 'an' : 'a'} \`${keyword}\` line (line ${line}); give it once.`);
      } else {
        firstOf[firstCount] = item;
        firstBase[firstCount] = base;
        firstCount++;
      }
    }
    base = outer;
    if (node.kind === 'Norm' && normLines === 0 && !junk) {
      push(node, headerEnd, false, own(node.name), `${capitalise(what)} \`${node.name.text}\` has no norm line: its first line says who must do what, e.g. \`Supplier must deliver Services to Council\`.`);
    }
  };

  const declaration = (node: Named, what: string, block: Block<Span & { kind: string }> | null, blockRequired: boolean): void => {
    named(node, what, block, blockRequired);
    if (block) repeatedLines(node, what, block.items, block.start);
  };

  const walk = (items: readonly (Span & { kind: string })[]): void => {
    for (let i = 0; i < items.length; i++) visit(items[i]);
  };

  const visit = (item: Span & { kind: string }): void => {
    switch (item.kind) {
      case 'Party': {
        const party = item as Named & { role: Ident | null };
        declaration(party, 'party', null, false);
        if (!party.role && party.title) {
          const where = at(party.title.end);
          push(party, party.end, true, where.at, `Expected \`as\` and the role of party \`${party.name.text}\` (for example \`as supplier\`), found ${where.found}.`);
        }
        break;
      }
      case 'Scope': {
        const scope = item as Named & { block: Block<Span & { kind: string }> | null };
        declaration(scope, 'scope', scope.block, false);
        if (scope.block) walk(scope.block.items);
        break;
      }
      case 'Norm': {
        const norm = item as Named & { keyword: string; block: Block<Span & { kind: string }> | null };
        declaration(norm, norm.keyword, norm.block, true);
        break;
      }
      case 'Event':
        declaration(item as Named, 'event', null, false);
        break;
      case 'Kpi':
      case 'Body':
      case 'Charge':
      case 'Variation': {
        const decl = item as Named & { block: Block<Span & { kind: string }> | null };
        declaration(decl, describe[item.kind], decl.block, true);
        break;
      }
    }
  };

  /** One unit's node, which counts its offsets from `start`. */
  const unit = (node: Span & { kind: string }, start: number): void => {
    base = start;
    visit(node);
    base = 0;
  };

  const partnership = (p: Partnership): void => {
    named(p as unknown as Named, 'partnership', p.block, true);
    if (!p.block) return;
    const { units, starts } = p.block;
    const nodes = new Array<PartnershipItem | Junk>(units.length);
    units.forEach((u, i) => (nodes[i] = u.node));
    repeatedLines(p as unknown as Named, 'partnership', nodes, p.block.start, starts);
    units.forEach((u, i) => unit(u.node, starts.at(i)));
  };

  return { out, unit, partnership };
}

function capitalise(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
