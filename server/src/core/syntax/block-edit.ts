// What every incremental parse does around the partnership's block: find it as the document's
// last item (items after it would have to move: a whole parse handles that rare file), and
// make the new tree with a new block in its place, every other item shared.

import type { FileNode, Partnership, PartnershipBlock } from './ast';

export interface LastBlock {
  readonly place: number;
  readonly partnership: Partnership;
  readonly block: PartnershipBlock;
}

/** The partnership and its block when the partnership is the document's last item; else null. */
export function lastBlock(ast: FileNode): LastBlock | null {
  const place = ast.items.findIndex((i) => i.kind === 'Partnership');
  const partnership = ast.items[place] as Partnership | undefined;
  return partnership?.block && place === ast.items.length - 1 ? { place, partnership, block: partnership.block } : null;
}

/** `ast` with the block of its partnership (at `at.place`) replaced, for a text `delta` characters longer. */
export function withBlock(ast: FileNode, at: LastBlock, block: PartnershipBlock, delta: number, changes: Partial<FileNode> = {}): FileNode {
  const items = ast.items.slice();
  items[at.place] = { ...at.partnership, block, end: at.partnership.end + delta };
  return { ...ast, ...changes, items, end: ast.end + delta };
}
