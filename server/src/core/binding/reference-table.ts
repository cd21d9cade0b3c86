// The references of one file, kept in the order of the text. Resolving visits them in that
// order, and so do the model and the checks that read them, so a lookup is nearly always the
// reference after the previous one; any other is found by halving on its offset. On a
// 50,000-norm contract (450,000 references) this spares filling and reading a map from each
// name's node to its reference, which took about a tenth of opening the file.

import type { QName } from '../syntax/ast';
import type { Reference } from './resolve';

/** What readers of a file's references need. */
export interface References {
  /** The reference written at `node`, if `node` is one of the file's references. */
  get(node: QName): Reference | undefined;
  /** Every reference, in the order of the text. */
  readonly all: readonly Reference[];
}

export class ReferenceTable implements References {
  /** Where the next lookup most likely is: just after the previous one. */
  private next = 0;

  constructor(private readonly list: Reference[] = []) {}

  get all(): readonly Reference[] {
    return this.list;
  }

  get(node: QName): Reference | undefined {
    const list = this.list;
    const guess = list[this.next];
    if (guess !== undefined && guess.node === node) {
      this.next++;
      return guess;
    }
    const at = this.firstFrom(node.start);
    if (at < list.length && list[at].node === node) {
      this.next = at + 1;
      return list[at];
    }
    return undefined;
  }

  /**
   * Where the references of a re-parsed declaration are: the `count` of them from the first
   * at or after `start` (the declaration's old start), `first` being the first of them; -1
   * when they are not there.
   */
  placeOf(start: number, count: number, first: QName | undefined): number {
    const at = this.firstFrom(start);
    if (count === 0) return at;
    return at + count <= this.list.length && this.list[at].node === first ? at : -1;
  }

  /** Replaces `count` references from place `at` with `added`; returns those taken out. */
  replace(at: number, count: number, added: readonly Reference[]): Reference[] {
    this.next = 0;
    return this.list.splice(at, count, ...added);
  }

  /**
   * The first place whose reference starts at or after `offset`. Starts are increasing over
   * the references before a re-parsed declaration and from it on, which is all this needs.
   */
  private firstFrom(offset: number): number {
    let low = 0;
    let high = this.list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.list[middle].node.start < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
