// Keeps a long list of elements (table rows, list items) in step with a list of keyed items, in
// blocks of about a hundred. A block the reader cannot see is skipped by layout (CSS
// `content-visibility: auto` on `.block`), so a 5,000-norm matrix costs a screenful of layout,
// not 5,000 rows of it. An update keeps the unchanged elements at both ends (typing changes one
// norm, not all of them) and puts new elements in a frame's worth at a time.

export interface Item {
  /** Equal keys mean equal elements, apart from the source line. */
  readonly key: string;
  /** The source line the element reveals, given again to an element that is kept; null for none. */
  readonly line: number | null;
  readonly visible: (party: string | null) => boolean;
  readonly make: () => HTMLElement;
}

/** Puts in the next elements until `deadline` (a `performance.now()` time); true when all are in. */
export type Job = (deadline: number) => boolean;

/** A block: `root` goes in the container, the rows go in `body`. */
export interface BlockParts {
  readonly root: HTMLElement;
  readonly body: HTMLElement;
}

interface Block extends BlockParts {
  count: number;
}

interface Entry {
  readonly key: string;
  readonly node: HTMLElement;
  block: Block;
  visible: (party: string | null) => boolean;
}

const BLOCK_SIZE = 100;

/** Makes an element reveal a source line when clicked or activated from the keyboard. */
export function revealable<T extends HTMLElement>(node: T, line: number | null): T {
  if (line === null || node.dataset.line === String(line)) return node;
  node.dataset.line = String(line);
  node.tabIndex = 0;
  node.classList.add('revealable');
  node.title = `Line ${line}: show in the editor`;
  return node;
}

export class KeyedBlocks {
  /** The elements shown, in order; always matches the DOM, even halfway through a job. */
  private entries: Entry[] = [];
  private party: string | null = null;

  constructor(private readonly container: HTMLElement, private readonly makeBlock: () => BlockParts) {}

  /** Forgets every element (when the blocks themselves must change, e.g. other columns). */
  clear(): void {
    this.entries = [];
    this.container.replaceChildren();
  }

  update(items: readonly Item[], party: string | null): Job {
    this.party = party;
    const old = this.entries;
    let start = 0;
    while (start < old.length && start < items.length && old[start].key === items[start].key) start++;
    let oldEnd = old.length;
    let newEnd = items.length;
    while (oldEnd > start && newEnd > start && old[oldEnd - 1].key === items[newEnd - 1].key) {
      oldEnd--;
      newEnd--;
    }
    for (let i = start; i < oldEnd; i++) {
      const { node, block } = old[i];
      node.remove();
      if (--block.count === 0) block.root.remove();
    }
    const keep = (entry: Entry, item: Item): Entry => {
      entry.visible = item.visible;
      revealable(entry.node, item.line);
      entry.node.hidden = !item.visible(party);
      return entry;
    };
    const head = old.slice(0, start).map((e, i) => keep(e, items[i]));
    const tail = old.slice(oldEnd).map((e, i) => keep(e, items[newEnd + i]));
    const entries = [...head, ...tail];
    this.entries = entries;

    // Where new elements go: before the first kept one at the end, or after everything.
    let block: Block | null;
    let before: Node | null = null;
    const anchor = tail[0];
    if (anchor && anchor.block.count + (newEnd - start) <= 2 * BLOCK_SIZE) {
      block = anchor.block;
      before = anchor.node;
    } else if (anchor) {
      // Many new elements: the anchor and what follows it in its block move to a block of their
      // own, and the new elements fill blocks in between.
      block = anchor.block;
      const rest = this.newBlock(block.root.nextSibling);
      for (const entry of tail) {
        if (entry.block !== block) break;
        rest.body.appendChild(entry.node);
        entry.block = rest;
        rest.count++;
        block.count--;
      }
    } else {
      block = head.length ? head[head.length - 1].block : null;
    }

    let at = start;
    let next = start;
    return (deadline) => {
      if (this.entries !== entries) return true; // a newer update took over
      let fragment = document.createDocumentFragment();
      const flush = (): void => {
        if (block && fragment.childNodes.length) block.body.insertBefore(fragment, before);
        fragment = document.createDocumentFragment();
      };
      const added: Entry[] = [];
      while (next < newEnd) {
        if (before === null && (block === null || block.count >= BLOCK_SIZE)) {
          flush();
          block = this.newBlock(block ? block.root.nextSibling : null);
        }
        const item = items[next++];
        const node = item.make();
        node.hidden = !item.visible(this.party);
        fragment.appendChild(node);
        block!.count++;
        added.push({ key: item.key, node, block: block!, visible: item.visible });
        if (added.length % 25 === 0 && performance.now() > deadline) break;
      }
      flush();
      entries.splice(at, 0, ...added);
      at += added.length;
      return next >= newEnd;
    };
  }

  /** Shows only the elements whose item is visible for `party` (null: everyone). */
  filter(party: string | null): void {
    this.party = party;
    for (const entry of this.entries) entry.node.hidden = !entry.visible(party);
  }

  private newBlock(before: Node | null): Block {
    const block: Block = { ...this.makeBlock(), count: 0 };
    block.root.classList.add('block');
    this.container.insertBefore(block.root, before);
    return block;
  }
}
