// What a file can name through its imports, as resolution asks for it: the nearest imported
// partnership with a given name, and the nearest few to suggest from. A program answers them
// from what it computed once per file (`program/visible.ts`), so a long chain of imports is
// not walked again for every file.

import type { Declarations } from './declare';

/** A partnership visible by name from a file: its own, or one it imports. */
export interface VisiblePartnership {
  readonly name: string;
  readonly file: string;
  readonly declarations: Declarations;
}

export interface VisibleLookup {
  /** The nearest imported partnership called `name`: direct imports in order first, then theirs. */
  find(name: string): VisiblePartnership | undefined;
  /** The nearest imported partnerships, at most `limit`, nearest first. */
  nearest(limit: number): readonly VisiblePartnership[];
}

/** Partnerships a file sees that suggestions draw names from; the rest are too far to mean. */
export const SUGGESTED_PARTNERSHIPS = 200;
