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
  readonly files: ReadonlyMap<string, ImportingFile>;
}

/**
 * P105 by file, for files that have any. With the findings of the previous analysis: when every
 * file imports what it imported (and could read it as then), the graph's components are the
 * same, and a file whose imports are the very list they were keeps its findings, so an edit
 * costs a look at each file rather than the graph's search.
 */
export function importProblems(files: ReadonlyMap<string, ImportingFile>, previous?: ImportProblems): ImportProblems {
  const byFile = new Map<string, Diagnostic[]>();
  const edges = (file: string): string[] => (files.get(file)?.imports ?? []).filter((l) => l.readable).map((l) => l.target);
  const sameGraph = previous !== undefined && sameLinks(files, previous.files);
  const component = sameGraph ? previous.component : stronglyConnected([...files.keys()], edges);
  for (const source of files.values()) {
    if (sameGraph && previous.files.get(source.file)?.imports === source.imports) {
      const kept = previous.byFile.get(source.file);
      if (kept) byFile.set(source.file, kept as Diagnostic[]);
      continue;
    }
    for (const link of source.imports) {
      const at = { file: source.file, start: link.node.path.start, end: link.node.path.end };
      let problem: Diagnostic | undefined;
      if (!link.readable) {
        const reason = link.node.path.value.trim() === '' ? 'the path is empty' : link.reason ?? 'there is no readable file at that path (relative to this file\'s folder)';
        problem = report('P105', at, { path: link.node.path.value, reason });
      } else if (component.get(link.target) === component.get(source.file)) {
        const cycle = cyclePath(source.file, link.target, edges).map((f) => path.basename(f));
        problem = report('P105', at, { path: link.node.path.value, cycle });
      }
      if (!problem) continue;
      const list = byFile.get(source.file) ?? [];
      list.push(problem);
      byFile.set(source.file, list);
    }
  }
  return { byFile, component, files };
}

/** Whether the same files import the same targets, each readable exactly when it was. */
function sameLinks(files: ReadonlyMap<string, ImportingFile>, before: ReadonlyMap<string, ImportingFile>): boolean {
  if (files.size !== before.size) return false;
  for (const [file, source] of files) {
    const then = before.get(file)?.imports;
    if (then === source.imports) continue;
    if (!then || then.length !== source.imports.length) return false;
    for (let i = 0; i < then.length; i++) if (then[i].target !== source.imports[i].target || then[i].readable !== source.imports[i].readable) return false;
  }
  return true;
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
