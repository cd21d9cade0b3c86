// What each file sees through its imports, computed once per file and name for an analysis.
// Walking every file's imports afresh made a chain of 20,000 files, each importing the one
// before, cost the square of its length. Here the nearest partnership of a name is worked out
// from what the file's direct imports found, and remembered, so each file is visited once per
// name that anything looks up.

import type { Declarations } from '../binding/declare';
import type { VisibleLookup, VisiblePartnership } from '../binding/visible-lookup';

/** The parts of a program's file that visibility reads. */
interface SourceFile {
  readonly file: string;
  readonly partnership: { readonly name: { readonly text: string } } | null;
  readonly declarations: Declarations;
}



interface Found {
  readonly partnership: VisiblePartnership | null;
  /** Imports between the file and the partnership found; 0 for its own. */
  readonly depth: number;
}

const NOT_FOUND: Found = { partnership: null, depth: Infinity };

/** A file's own partnership as others see it by name: one object per file's declarations. */
const ownOf = new WeakMap<Declarations, VisiblePartnership | null>();

/** The memo of one program: for each name looked up, what each file found. */
export class VisibleIndex<S extends SourceFile = SourceFile> {
  private readonly byName = new Map<string, Map<SourceFile, Found>>();

  /** `importedOf`: the files a file imports that could be read, in the order of its imports. */
  constructor(private readonly importedOf: (file: S) => readonly S[]) {}

  ownOf(s: S): VisiblePartnership | null {
    let v = ownOf.get(s.declarations);
    if (v === undefined) {
      v = s.partnership ? { name: s.partnership.name.text, file: s.file, declarations: s.declarations } : null;
      ownOf.set(s.declarations, v);
    }
    return v;
  }

  /** The file's own partnership and a lookup of those it imports. */
  visibleTo(source: S): { own: VisiblePartnership | null; imported: VisibleLookup } {
    return {
      own: this.ownOf(source),
      imported: { find: (name) => this.find(source, name), nearest: (limit) => this.nearestList(source, limit) },
    };
  }

  /** The nearest partnership `name` that `source` imports, directly or not (its own excluded). */
  find(source: S, name: string): VisiblePartnership | undefined {
    let best = NOT_FOUND;
    for (const imported of this.importedOf(source)) {
      if (imported === source) continue;
      const f = this.nearest(imported, name, source);
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
  private nearest(start: S, name: string, excluded: S): Found {
    let memo = this.byName.get(name);
    if (!memo) this.byName.set(name, (memo = new Map()));
    const open = new Set<S>([excluded]);
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
        for (const imported of this.importedOf(s)) if (!memo.has(imported) && !open.has(imported)) stack.push(imported);
        continue;
      }
      let best = NOT_FOUND;
      for (const imported of this.importedOf(s)) {
        const f = memo.get(imported);
        if (f && f.depth + 1 < best.depth) best = { partnership: f.partnership, depth: f.depth + 1 };
      }
      memo.set(s, best);
      open.delete(s);
      stack.pop();
    }
    return memo.get(start) ?? NOT_FOUND;
  }

  /** The first `limit` partnerships of a breadth-first walk of the imports, nearest first. */
  nearestList(source: S, limit: number): VisiblePartnership[] {
    const out: VisiblePartnership[] = [];
    const seen = new Set<S>([source]);
    const queue = [source];
    for (let i = 0; i < queue.length && out.length < limit; i++) {
      for (const imported of this.importedOf(queue[i])) {
        if (seen.has(imported)) continue;
        seen.add(imported);
        queue.push(imported);
        const v = this.ownOf(imported);
        if (v && out.length < limit) out.push(v);
      }
    }
    return out;
  }
}
