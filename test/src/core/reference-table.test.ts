// A file's references are kept in the order of the text and found by their node, whichever
// order they are asked for in; a re-parsed declaration's references are replaced in place.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { forEachReferenceIn, type Reference } from '../../../server/out/core/binding/resolve';
import { ReferenceTable } from '../../../server/out/core/binding/reference-table';
import { Program } from '../../../server/out/core/program/program';
import type { QName } from '../../../server/out/core/syntax/ast';
import { examples, ownCorpus, partnershipFilesUnder, sharedCorpus } from '../helpers/paths';
import { seededRandom } from '../helpers/random';

const files = [...partnershipFilesUnder(examples), ...partnershipFilesUnder(sharedCorpus), ...partnershipFilesUnder(ownCorpus)];

function analysed(file: string) {
  const text = fs.readFileSync(file, 'utf8');
  return new Program([{ file, text }], { readFile: (f) => (f === file ? text : undefined) }).files.get(file)!;
}

describe('the references of a file', () => {
  it('are every name the file refers by, once each, in the order of the text', () => {
    let total = 0;
    for (const file of files) {
      const source = analysed(file);
      const written: QName[] = [];
      if (source.partnership?.block) forEachReferenceIn(source.partnership.block.items, (q) => written.push(q));
      assert.deepEqual(source.references.all.map((r) => r.node), written, file);
      for (let i = 1; i < written.length; i++) assert.ok(written[i - 1].end <= written[i].start, `${file}: ${written[i - 1].start} before ${written[i].start}`);
      total += written.length;
    }
    assert.ok(total > 500, `only ${total} references`);
  });

  it('are found by their node in any order, and nothing else is', () => {
    const random = seededRandom(7);
    for (const file of files) {
      const source = analysed(file);
      const all = source.references.all;
      const asked = all.map((_, i) => i);
      for (let i = asked.length - 1; i > 0; i--) {
        const j = random(i + 1);
        [asked[i], asked[j]] = [asked[j], asked[i]];
      }
      for (const i of [...all.keys(), ...[...all.keys()].reverse(), ...asked]) assert.equal(source.references.get(all[i].node), all[i], `${file}: reference ${i}`);
      // A node with the same text and place is not the one the file holds.
      for (const r of all) assert.equal(source.references.get({ ...r.node }), undefined, file);
    }
  });
});

describe('the reference table', () => {
  const ref = (start: number): Reference =>
    ({ file: 'f', node: { kind: 'QName', parts: [], start, end: start + 2 }, expected: 'party', target: null, parts: [] }) as Reference;

  it('replaces the references of a re-parsed declaration where they stand', () => {
    const [a, b, c, d] = [ref(10), ref(20), ref(30), ref(40)];
    const table = new ReferenceTable([a, b, c, d]);
    assert.equal(table.placeOf(20, 2, b.node), 1);
    const added = [ref(20), ref(24), ref(28)];
    assert.deepEqual(table.replace(1, 2, added), [b, c]);
    assert.deepEqual(table.all, [a, ...added, d]);
    for (const r of table.all) assert.equal(table.get(r.node), r);
    assert.equal(table.get(b.node), undefined);
  });

  it('does not place references that are not where the declaration was', () => {
    const [a, b, c] = [ref(10), ref(20), ref(30)];
    const table = new ReferenceTable([a, b, c]);
    assert.equal(table.placeOf(20, 1, c.node), -1, 'the first one is another node');
    assert.equal(table.placeOf(30, 2, c.node), -1, 'fewer are left than the declaration had');
    assert.equal(table.placeOf(25, 0, undefined), 2, 'a declaration without references is placed by its start');
  });
});
