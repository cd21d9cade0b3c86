// Issue 16, item 9: what a file sees through its imports is worked out once per file, and finds
// what a breadth-first walk of the imports finds (nearest first, direct imports in order).
import * as assert from 'node:assert/strict';
import { VisibleIndex } from '../../../server/out/core/program/visible';
import { check } from '../helpers/program';
import { seededRandom } from '../helpers/random';

interface FakeFile {
  readonly file: string;
  readonly partnership: { name: { text: string } } | null;
  readonly declarations: never;
  readonly imports: { source: FakeFile | null }[];
}

function fakeFile(name: string, counter?: { reads: number }): FakeFile {
  const imports: { source: FakeFile | null }[] = [];
  const f = { file: `/${name}`, partnership: { name: { text: name } }, declarations: {} as never };
  return Object.defineProperty(f, 'imports', { get: () => (counter && counter.reads++, imports) }) as FakeFile;
}

/** One program's index of what each file sees, over the fake files' imports. */
function indexOf(): VisibleIndex<FakeFile> {
  return new VisibleIndex<FakeFile>((f) => f.imports.flatMap((link) => (link.source ? [link.source] : [])));
}

/** The definition: the first partnership of that name met walking the imports breadth-first. */
function breadthFirst(start: FakeFile, name: string): string | undefined {
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const link of queue[i].imports) {
      if (!link.source || seen.has(link.source)) continue;
      if (link.source.partnership?.name.text === name) return link.source.file;
      seen.add(link.source);
      queue.push(link.source);
    }
  }
  return undefined;
}

describe('visibility through imports', () => {
  it('reads each file of a chain of 5,000 a bounded number of times to resolve every file', () => {
    const counter = { reads: 0 };
    const chain = Array.from({ length: 5000 }, (_, i) => fakeFile(`P${i}`, counter));
    for (let i = 1; i < chain.length; i++) chain[i].imports.push({ source: chain[i - 1] });
    counter.reads = 0;
    const program = indexOf();
    for (const file of chain) {
      const { imported } = program.visibleTo(file);
      assert.equal(imported.find('P0')?.file, file === chain[0] ? undefined : '/P0');
    }
    assert.ok(counter.reads <= 4 * chain.length, `${counter.reads} reads of imports for ${chain.length} files`);
  });

  it('finds the partnership a breadth-first walk finds, on 300 random import graphs with shared names', () => {
    const random = seededRandom(9);
    for (let round = 0; round < 300; round++) {
      const files = Array.from({ length: 2 + random(12) }, () => fakeFile(`N${random(4)}`, undefined));
      files.forEach((f, i) => Object.defineProperty(f, 'file', { value: `/f${i}` }));
      // Imports only of later files: no cycles, which are P105 and resolve as they may.
      files.forEach((f, i) => {
        for (let j = i + 1; j < files.length; j++) if (random(3) === 0) f.imports.push({ source: files[j] });
      });
      const program = indexOf();
      for (const f of files) {
        for (const name of ['N0', 'N1', 'N2', 'N3']) assert.equal(program.visibleTo(f).imported.find(name)?.file, breadthFirst(f, name), `round ${round}`);
      }
    }
  });

  it('a program resolves a qualified name through a chain of 300 imports', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) {
      const imports = i > 0 ? `import "f${i - 1}.partnership"\n` : '';
      const use = i > 0 ? `  obligation O "o" { P0.Root must pay "fees" due 2011-01-01 }\n` : '';
      files[`f${i}.partnership`] = `${imports}partnership P${i} "p" {\n  term 2010-01-01 to 2020-12-31\n  party Root "r" as client\n${use}}\n`;
    }
    const c = check(files);
    assert.deepEqual(c.codes('f299.partnership', ['error']), []);
  });
});
