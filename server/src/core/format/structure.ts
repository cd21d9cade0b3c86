// What the formatter needs from the syntax tree: where each statement begins and at which
// depth, where each block's braces are, and which spans are one token (amounts of money, which
// may hold a space: `GBP 5`, `£ 5`). Everything else comes from the text itself.

import type { Block, FileNode, Quantity, Span } from '../syntax/ast';

export interface StatementStart {
  /** Block depth: 0 for imports and the partnership, 1 for its declarations, and so on. */
  readonly depth: number;
  readonly isImport: boolean;
  /** The statement's block, when it has one. */
  readonly block: Span | null;
}

export interface Structure {
  /** Offset of a statement's first token → where it sits. */
  readonly starts: Map<number, StatementStart>;
  /** Offset of a block's `{` → offset of its `}`. */
  readonly opens: Map<number, number>;
  /** Offset of a block's `}` → depth of the statement that owns the block. */
  readonly closes: Map<number, number>;
  /** Start → end of spans printed as one token. */
  readonly atoms: Map<number, number>;
}

type Node = Span & {
  readonly kind: string;
  readonly block?: Block<Node> | null;
  readonly value?: Quantity;
  readonly amount?: Quantity;
  readonly band?: { readonly low: Quantity | null; readonly high: Quantity | null };
};

/** The structure of a file, or null when the tree holds a broken statement or an open block. */
export function structureOf(ast: FileNode): Structure | null {
  const s: Structure = { starts: new Map(), opens: new Map(), closes: new Map(), atoms: new Map() };
  // Nodes inside a unit count their offsets from the unit's start, `base`; the map holds offsets into the text.
  const atom = (q: Quantity | null | undefined, base: number): void => {
    if (q && typeof q === 'object' && q.kind === 'Quantity') s.atoms.set(base + q.start, base + q.end);
  };
  const visit = (item: Node, depth: number, base: number): boolean => {
    if (item.kind === 'Junk') return false;
    const block = item.block ?? null;
    s.starts.set(base + item.start, { depth, isImport: item.kind === 'Import', block: block && { start: base + block.start, end: base + block.end } });
    atom(item.value, base);
    atom(item.amount, base);
    atom(item.band?.low, base);
    atom(item.band?.high, base);
    if (!block) return true;
    if (!block.closed) return false;
    s.opens.set(base + block.start, base + block.end - 1);
    s.closes.set(base + block.end - 1, depth);
    return block.items.every((child, i) => (continuesLine(block.items, i) ? visitInline(child, base) : visit(child, depth + 1, base)));
  };
  // `every 1 month from GoLive until 2016-03`: a `from` or `until` right after `every` stays on its line.
  const continuesLine = (items: readonly Node[], i: number): boolean => {
    const kind = items[i].kind;
    if (kind !== 'From' && kind !== 'Until') return false;
    for (let j = i - 1; j >= 0; j--) {
      if (items[j].kind === 'Every') return true;
      if (items[j].kind !== 'From' || kind === 'From') return false;
    }
    return false;
  };
  const visitInline = (item: Node, base: number): boolean => {
    atom(item.value, base);
    return true;
  };
  const file = (item: FileNode['items'][number]): boolean => {
    if (item.kind !== 'Partnership') return visit(item as Node, 0, 0);
    const block = item.block;
    s.starts.set(item.start, { depth: 0, isImport: false, block });
    if (!block) return true;
    if (!block.closed) return false;
    s.opens.set(block.start, block.end - 1);
    s.closes.set(block.end - 1, 0);
    return block.units.every((unit, i) => visit(unit.node as Node, 1, block.starts.at(i)));
  };
  return ast.items.every(file) ? s : null;
}
