// An editing session keeps no earlier analysis alive: each analysis is built on the previous
// one, and anything derived that names the one it came from (a list of units spliced from
// another, a model carried from another, a function made while building one) must not chain
// every earlier version together, nor may a unit parsed again keep the whole text it was cut
// from. Measured with the collector run on demand, not with timings.
import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Analysis } from '../../../server/out/core/analysis/analysis';
import { Editor } from '../helpers/editor';
import { generatedContract } from '../helpers/generated';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const FILE = '/virtual/memory/contract.partnership';

/** Lets the engine forget what the current job kept alive for weak references, then collects. */
async function collected(): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  collect();
  return process.memoryUsage().heapUsed;
}

describe('memory over an editing session', function () {
  this.timeout(120000);

  it('lets every earlier analysis go, through edits inside norms and declarations typed in', async () => {
    const text = generatedContract(300);
    const editor = new Editor(new Map([[FILE, text]]));
    editor.analyse();
    // An analysis and its program: whatever any later one keeps of them, it keeps through these.
    const earlier: WeakRef<object>[] = [];
    const remember = (analysis: Analysis): void => {
      earlier.push(new WeakRef(analysis), new WeakRef(analysis.program));
    };
    let current = text;
    const at = current.indexOf('clause "', current.length / 2) + 'clause "'.length;
    for (let i = 0; i < 40; i++) {
      current = i % 2 === 0 ? current.slice(0, at) + 'x' + current.slice(at) : current.slice(0, at) + current.slice(at + 1);
      editor.texts.set(FILE, current);
      const analysis = editor.analyse();
      if (i < 5) remember(analysis);
    }
    const typed = '  obligation Typed "Typed" {\n    Supplier must deliver "report" to Council\n  }\n';
    const where = current.indexOf('\n  obligation ', current.length / 3) + 1;
    for (let i = 1; i <= typed.length; i++) {
      editor.texts.set(FILE, current.slice(0, where) + typed.slice(0, i) + current.slice(where));
      const analysis = editor.analyse();
      if (i < 5) remember(analysis);
    }
    await collected();
    assert.deepEqual(earlier.map((ref) => ref.deref() === undefined), earlier.map(() => true), 'every earlier analysis was collected');
  });

  it('keeps the heap level while a contract has declarations typed into it', async () => {
    const text = generatedContract(2000);
    const editor = new Editor(new Map([[FILE, text]]));
    editor.analyse();
    let current = text;
    const typed = '  obligation Typed "A duty typed in" {\n    Supplier must deliver "monthly report" to Council\n    due 2016-03-31\n  }\n\n';
    const typeOne = (round: number): void => {
      const where = current.indexOf('\n  obligation ', current.length * (0.2 + 0.1 * round)) + 1;
      for (let i = 1; i <= typed.length; i++) {
        editor.texts.set(FILE, current.slice(0, where) + typed.slice(0, i) + current.slice(where));
        editor.analyse();
      }
      current = editor.texts.get(FILE)!;
    };
    typeOne(0);
    const before = await collected();
    for (let round = 1; round <= 3; round++) typeOne(round);
    const after = await collected();
    // Each key kept its text alive before: 280 keys of a 460 KB contract, over 120 MB.
    assert.ok(after - before < 16e6, `the heap grew by ${((after - before) / 1e6).toFixed(1)} MB over 280 keys`);
  });
});
