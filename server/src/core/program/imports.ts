// P105: imports that cannot be read, and import cycles. An import is part of a cycle when the
// importing and the imported file lie in the same strongly connected component of the import
// graph (Tarjan's algorithm, iterative so that a long chain of imports cannot exhaust the stack).

import * as path from 'node:path';
import { report } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Import } from '../syntax/ast';

/** What the import checks need of a file: its imports, and whether each could be read. */
interface ImportingFile {
  readonly file: string;
  readonly imports: readonly { readonly node: Import; readonly target: string; readonly readable: boolean; readonly reason?: string }[];
}

/** The import checks' findings: P105 by file, and the import graph's components they were found with. */
export interface ImportProblems {
  readonly byFile: ReadonlyMap<string, readonly Diagnostic[]>;
  readonly component: ReadonlyMap<string, number>;
}

/**
 * P105 by file, for files that have any. `sameGraph`: the previous analysis's findings, when
 * every file imports what it imported (and can read it as then), so that the graph's components
 * are the same; then only the files in `changed` are looked at again and every other file
 * keeps its findings, so an edit costs a look at the files it changed rather than the graph's
 * search.
 */
export function importProblems(files: ReadonlyMap<string, ImportingFile>, sameGraph?: { readonly previous: ImportProblems; readonly changed: Iterable<string> }): ImportProblems {
  const edges = (file: string): string[] => (files.get(file)?.imports ?? []).filter((l) => l.readable).map((l) => l.target);
  if (sameGraph) {
    const { previous, changed } = sameGraph;
    const byFile = new Map(previous.byFile);
    for (const file of changed) {
      const found = problemsOf(files.get(file)!, previous.component, edges);
      if (found.length > 0) byFile.set(file, found);
      else byFile.delete(file);
    }
    return { byFile, component: previous.component };
  }
  const component = stronglyConnected([...files.keys()], edges);
  const byFile = new Map<string, Diagnostic[]>();
  for (const source of files.values()) {
    const found = problemsOf(source, component, edges);
    if (found.length > 0) byFile.set(source.file, found);
  }
  return { byFile, component };
}

/** A file's imports that cannot be read or lie on a cycle. */
function problemsOf(source: ImportingFile, component: ReadonlyMap<string, number>, edges: (file: string) => readonly string[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const link of source.imports) {
    const at = { file: source.file, start: link.node.path.start, end: link.node.path.end };
    if (!link.readable) {
      const reason = link.node.path.value.trim() === '' ? 'the path is empty' : link.reason ?? 'there is no readable file at that path (relative to this file\'s folder)';
      found.push(report('P105', at, { path: link.node.path.value, reason }));
    } else if (component.get(link.target) === component.get(source.file)) {
      const cycle = cyclePath(source.file, link.target, edges).map((f) => path.basename(f));
      found.push(report('P105', at, { path: link.node.path.value, cycle }));
    }
  }
  return found;
}

export function stronglyConnected(nodes: readonly string[], edges: (node: string) => readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  let components = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const out = edges(frame.node);
      if (frame.next < out.length) {
        const to = out[frame.next++];
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.set(member, components);
        } while (member !== frame.node);
        components++;
      }
    }
  }
  return component;
}

/** The shortest chain of imports `importer → imported → … → importer`, for the message. */
export function cyclePath(importer: string, imported: string, edges: (node: string) => readonly string[]): string[] {
  const previous = new Map<string, string>();
  const queue = [imported];
  const seen = new Set([imported]);
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === importer) break;
    for (const next of edges(node)) {
      if (seen.has(next)) continue;
      seen.add(next);
      previous.set(next, node);
      queue.push(next);
    }
  }
  const backwards = [importer];
  for (let node = importer; node !== imported; ) {
    const p = previous.get(node);
    if (p === undefined) break;
    backwards.push(p);
    node = p;
  }
  return [importer, ...backwards.reverse()];
}
