// What each file sees through its imports, computed once per file and name for an analysis.
// Walking every file's imports afresh made a chain of 20,000 files, each importing the one
// before, cost the square of its length. Here the nearest partnership of a name is worked out
// from what the file's direct imports found, and remembered, so each file is visited once per
// name that anything looks up.

import type { Declarations } from '../binding/declare';
import type { VisibleLookup, VisiblePartnership } from '../binding/visible-lookup';

/** The parts of a program's `SourceFile` that visibility reads. */
interface SourceFile {
  readonly file: string;
  readonly partnership: { readonly name: { readonly text: string } } | null;
  readonly declarations: Declarations;
  readonly imports: readonly { readonly source: SourceFile | null }[];
}

interface Found {
  readonly partnership: VisiblePartnership | null;
  /** Imports between the file and the partnership found; 0 for its own. */
  readonly depth: number;
}

const NOT_FOUND: Found = { partnership: null, depth: Infinity };

/** The memo of one analysis: for each name looked up, what each file found. */
class VisibleIndex {
  private readonly byName = new Map<string, Map<SourceFile, Found>>();
  private readonly own = new WeakMap<SourceFile, VisiblePartnership | null>();

  ownOf(s: SourceFile): VisiblePartnership | null {
    let v = this.own.get(s);
    if (v === undefined) {
      v = s.partnership ? { name: s.partnership.name.text, file: s.file, declarations: s.declarations } : null;
      this.own.set(s, v);
    }
    return v;
  }

  /** The nearest partnership `name` that `source` imports, directly or not (its own excluded). */
  find(source: SourceFile, name: string): VisiblePartnership | undefined {
    let best = NOT_FOUND;
    for (const link of source.imports) {
      if (!link.source || link.source === source) continue;
      const f = this.nearest(link.source, name, source);
      if (f.depth + 1 < best.depth) best = { partnership: f.partnership, depth: f.depth + 1 };
    }
    return best.partnership ?? undefined;
  }

  /**
   * The nearest partnership `name` from `start`, its own included: the least depth over its
   * imports, the first import winning a tie, as a breadth-first walk would meet it. Iterative,
   * so a long chain cannot exhaust the stack; a file met again on its own path (an import
   * cycle, already P105) adds nothing.
   */
  private nearest(start: SourceFile, name: string, excluded: SourceFile): Found {
    let memo = this.byName.get(name);
    if (!memo) this.byName.set(name, (memo = new Map()));
    const open = new Set<SourceFile>([excluded]);
    const stack = [start];
    while (stack.length > 0) {
      const s = stack[stack.length - 1];
      if (memo.has(s)) {
        stack.pop();
        continue;
      }
      if (s.partnership?.name.text === name) {
        memo.set(s, { partnership: this.ownOf(s), depth: 0 });
        stack.pop();
        continue;
      }
      if (!open.has(s)) {
        open.add(s);
        for (const link of s.imports) if (link.source && !memo.has(link.source) && !open.has(link.source)) stack.push(link.source);
        continue;
      }
      let best = NOT_FOUND;
      for (const link of s.imports) {
        const f = link.source ? memo.get(link.source) : undefined;
        if (f && f.depth + 1 < best.depth) best = { partnership: f.partnership, depth: f.depth + 1 };
      }
      memo.set(s, best);
      open.delete(s);
      stack.pop();
    }
    return memo.get(start) ?? NOT_FOUND;
  }

  /** The first `limit` partnerships of a breadth-first walk of the imports, nearest first. */
  nearestList(source: SourceFile, limit: number): VisiblePartnership[] {
    const out: VisiblePartnership[] = [];
    const seen = new Set<SourceFile>([source]);
    const queue = [source];
    for (let i = 0; i < queue.length && out.length < limit; i++) {
      for (const link of queue[i].imports) {
        if (!link.source || seen.has(link.source)) continue;
        seen.add(link.source);
        queue.push(link.source);
        const v = this.ownOf(link.source);
        if (v && out.length < limit) out.push(v);
      }
    }
    return out;
  }
}

const indexes = new WeakMap<object, VisibleIndex>();

/** The file's own partnership and a lookup of those it imports, memoised for `program`'s analysis. */
export function visibleTo(program: object, source: SourceFile): { own: VisiblePartnership | null; imported: VisibleLookup } {
  let index = indexes.get(program);
  if (!index) indexes.set(program, (index = new VisibleIndex()));
  const memo = index;
  return {
    own: memo.ownOf(source),
    imported: { find: (name) => memo.find(source, name), nearest: (limit) => memo.nearestList(source, limit) },
  };
}
