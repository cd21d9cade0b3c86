// The models of the norms a file's variations end (facts/ended-norms.ts), which the variations'
// effects read: found again when a norm they end may have changed, and otherwise the very list
// the model before the edit had.
import * as assert from 'node:assert/strict';
import type { NormSymbol } from '../../../server/out/core/binding/symbols';
import { endedNormModels } from '../../../server/out/core/facts/ended-norms';
import { noteCarried } from '../../../server/out/core/model/carried-models';
import type { FileModel, NormModel, VariationModel } from '../../../server/out/core/model/semantic';
import { ChunkedList } from '../../../server/out/core/values/chunked-list';

const symbol = (name: string): NormSymbol => ({ kind: 'norm', name }) as unknown as NormSymbol;
const norm = (s: NormSymbol, version: number): NormModel => ({ symbol: s, version }) as unknown as NormModel;
const model = (norms: NormModel[]): FileModel => ({ norms: ChunkedList.of(norms) }) as unknown as FileModel;
const ending = (...targets: NormSymbol[]): VariationModel[] => [{ changes: targets.map((target) => ({ kind: 'ends', target })) }] as unknown as VariationModel[];

describe('the models of the norms variations end', () => {
  const ended = symbol('Deliver');
  const other = symbol('Phones');

  it('keeps the list of the model before an edit that replaced only norms the variations do not end', () => {
    const variations = ending(ended);
    const before = model([norm(ended, 1), norm(other, 1)]);
    const first = endedNormModels(before, variations, (s) => before.norms.toArray().find((n) => n.symbol === s));
    assert.deepEqual(first, [before.norms.at(0)]);
    const after = model([before.norms.at(0), norm(other, 2)]);
    noteCarried(after, before, [1]);
    let looked = 0;
    const second = endedNormModels(after, variations, (s) => {
      looked++;
      return after.norms.toArray().find((n) => n.symbol === s);
    });
    assert.equal(second, first, 'the very list');
    assert.equal(looked, 0, 'no norm looked up');
  });

  it('finds them again when a norm they end was replaced, keeping its symbol', () => {
    const variations = ending(ended);
    const before = model([norm(ended, 1), norm(other, 1)]);
    endedNormModels(before, variations, (s) => before.norms.toArray().find((n) => n.symbol === s));
    const after = model([norm(ended, 2), before.norms.at(1)]);
    noteCarried(after, before, [0]);
    assert.deepEqual(endedNormModels(after, variations, (s) => after.norms.toArray().find((n) => n.symbol === s)), [after.norms.at(0)]);
  });

  it('finds them again for other variations, and for a model not carried from one it knows', () => {
    const before = model([norm(ended, 1), norm(other, 1)]);
    endedNormModels(before, ending(ended), (s) => before.norms.toArray().find((n) => n.symbol === s));
    const after = model([before.norms.at(0), norm(other, 2)]);
    noteCarried(after, before, [1]);
    const find = (s: NormSymbol) => after.norms.toArray().find((n) => n.symbol === s);
    assert.deepEqual(endedNormModels(after, ending(ended, other), find), [after.norms.at(0), after.norms.at(1)]);
    const unrelated = model([norm(ended, 3)]);
    assert.deepEqual(endedNormModels(unrelated, ending(ended), (s) => unrelated.norms.toArray().find((n) => n.symbol === s)), [unrelated.norms.at(0)]);
  });
});
