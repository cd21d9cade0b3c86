// The lists an edit copies in part (values/chunked-list.ts, values/chunked-offsets.ts), checked
// against plain arrays over random chains of replacements and moves, with every earlier list
// frozen and compared after each step: making a new list never changes an old one.

import * as assert from 'node:assert/strict';
import { ChunkedList } from '../../../server/out/core/values/chunked-list';
import { ChunkedOffsets } from '../../../server/out/core/values/chunked-offsets';
import { lastAtOrBefore } from '../../../server/out/core/values/sorted-search';
import { parseDocument } from '../../../server/out/core/syntax/parse';
import { reparseDocument } from '../../../server/out/core/syntax/reparse';
import { firstPlaceOfKind, placesOfKind, placesOfKinds, unitStart } from '../../../server/out/core/syntax/unit-starts';
import type { PartnershipBlock, Unit } from '../../../server/out/core/syntax/ast';
import { deepFreeze } from '../helpers/deep-freeze';
import { seededRandom } from '../helpers/random';

describe('lists kept in chunks', () => {
  it('reads as the array it was made from, at every length around a chunk edge', () => {
    for (const length of [0, 1, 2, 511, 512, 513, 1024, 1500]) {
      const items = Array.from({ length }, (_, i) => `item ${i}`);
      const list = ChunkedList.of(items);
      assert.equal(list.length, length);
      assert.deepEqual([...list], items);
      assert.deepEqual(list.toArray(), items);
      assert.deepEqual(list.map((x, i) => `${i}:${x}`), items.map((x, i) => `${i}:${x}`));
      assert.deepEqual(ChunkedList.made(length, (i) => `item ${i}`).toArray(), items);
      assert.equal(list.at(length), undefined, 'past the end is nothing, as an array says');
      assert.equal(list.at(-1), undefined);
      if (length > 0) {
        assert.equal(list.indexOf(items[length - 1]), length - 1);
        assert.equal(list.findIndex((x) => x === items[length >> 1]), length >> 1);
      }
      assert.equal(list.indexOf('nothing'), -1);
      // Searched from a place, as an array searches: each entry is found from where it stands and
      // before it, not after it. A place before the start is the start (never counted from the end).
      for (const at of [0, 1, 510, 511, 512, 513, 1023, 1024, length - 1]) {
        if (at < 0 || at >= length) continue;
        for (const from of [0, at - 1, at, at + 1, 512, length]) if (from >= 0) assert.equal(list.indexOf(items[at], from), items.indexOf(items[at], from), `${at} from ${from} of ${length}`);
        assert.equal(list.indexOf(items[at], -5), at);
      }
      assert.equal(JSON.stringify(list), JSON.stringify(items));
    }
  });

  it('replaces entries as an array would, sharing what it did not replace and changing no earlier list', () => {
    const random = seededRandom(41);
    let model = Array.from({ length: 2000 }, (_, i) => ({ n: i }));
    let list = ChunkedList.of(model);
    const history: [ChunkedList<{ n: number }>, { n: number }[]][] = [];
    for (let step = 0; step < 300; step++) {
      deepFreeze(list);
      history.push([list, model]);
      const places = Array.from({ length: 1 + random(4) }, () => random(model.length));
      const made = new Map(places.map((p) => [p, { n: -step - 1 }]));
      const next = list.replaced(places, (p) => made.get(p)!);
      model = model.slice();
      for (const p of places) model[p] = made.get(p)!;
      assert.deepEqual(next.toArray(), model, `step ${step}`);
      // Every entry not replaced is the very object it was.
      for (let i = 0; i < model.length; i += 97) if (!made.has(i)) assert.equal(next.at(i), list.at(i));
      list = next;
    }
    for (const [old, array] of history) assert.deepEqual(old.toArray(), array);
  });

  it('splices entries as an array would, changing no earlier list', () => {
    const random = seededRandom(43);
    let model = Array.from({ length: 1500 }, (_, i) => ({ n: i }));
    let list = ChunkedList.of(model);
    let offsets = ChunkedOffsets.of(model.map((_, i) => i * 10));
    let starts = offsets.toArray();
    const history: [ChunkedList<{ n: number }>, { n: number }[]][] = [];
    for (let step = 0; step < 200; step++) {
      deepFreeze(list);
      history.push([list, model]);
      const at = random(model.length);
      const removed = Math.min(model.length - at, random(4));
      const inserted = Array.from({ length: random(4) }, (_, k) => ({ n: -step * 10 - k - 1 }));
      list = list.spliced(at, removed, inserted);
      model = [...model.slice(0, at), ...inserted, ...model.slice(at + removed)];
      assert.deepEqual(list.toArray(), model, `step ${step}`);
      // The offsets of the inserted entries lie between their neighbours'; every later one moves.
      const from = at > 0 ? starts[at - 1] + 1 : 0;
      const made = inserted.map((_, k) => from + k);
      const delta = made.length + 1 - (removed > 0 ? starts[at + removed - 1] - (at > 0 ? starts[at - 1] : -1) : 1);
      offsets = offsets.spliced(at, removed, made, delta);
      starts = [...starts.slice(0, at), ...made, ...starts.slice(at + removed).map((s) => s + delta)];
      assert.deepEqual(offsets.toArray(), starts, `offsets at step ${step}`);
    }
    for (const [old, array] of history) assert.deepEqual(old.toArray(), array);
    assert.throws(() => list.spliced(list.length, 1, []), RangeError);
  });

  it('splices without copying the chunks away from the splice, and reads, replaces and searches as an array after any splices', () => {
    const random = seededRandom(47);
    let model = Array.from({ length: 6000 }, (_, i) => ({ n: i }));
    let list = ChunkedList.of(model);
    const chunksOf = (l: ChunkedList<{ n: number }>): readonly (readonly { n: number }[])[] => (l as unknown as { chunks: readonly (readonly { n: number }[])[] }).chunks;
    for (let step = 0; step < 400; step++) {
      const at = random(model.length + 1);
      // Mostly a unit or two, sometimes a pasted or deleted stretch of thousands.
      const big = random(20) === 0;
      const removed = Math.min(model.length - at, big ? random(3000) : random(3));
      const inserted = Array.from({ length: big ? random(3000) : random(3) }, (_, k) => ({ n: -step * 10000 - k - 1 }));
      const next = list.spliced(at, removed, inserted);
      model = [...model.slice(0, at), ...inserted, ...model.slice(at + removed)];
      assert.equal(next.length, model.length);
      for (let probe = 0; probe < 30; probe++) {
        const i = random(model.length + 2) - 1;
        assert.equal(next.at(i), model[i], `entry ${i} at step ${step}`);
      }
      if (!big && inserted.length !== removed) {
        // At most the chunks around the splice are new: every other chunk is the earlier list's own.
        const before = new Set(chunksOf(list));
        const fresh = chunksOf(next).filter((c) => !before.has(c)).length;
        assert.ok(fresh <= 3, `${fresh} chunks made anew for a splice of ${removed} and ${inserted.length} at step ${step}`);
      }
      for (const c of chunksOf(next)) assert.ok(c.length > 0 && c.length <= 1024 + 128, `a chunk of ${c.length} at step ${step}`);
      list = next;
      if (step % 25 === 0) {
        assert.deepEqual(list.toArray(), model, `step ${step}`);
        const places = Array.from({ length: 5 }, () => random(model.length));
        const made = new Map(places.map((p) => [p, { n: 1e9 + p }]));
        const replaced = list.replaced(places, (p) => made.get(p)!);
        assert.deepEqual(replaced.toArray(), model.map((x, i) => made.get(i) ?? x));
        const target = model[random(model.length)];
        for (const from of [0, random(model.length), model.length]) assert.equal(list.indexOf(target, from), model.indexOf(target, from));
      }
    }
  });

  it('reads every entry after a splice that leaves one chunk, or the last, fuller than a chunk', () => {
    // A contract of a few hundred units with as many pasted in: one chunk of more than 512.
    const few = Array.from({ length: 400 }, (_, i) => i);
    const pasted = Array.from({ length: 300 }, (_, i) => -i);
    const one = ChunkedList.of(few).spliced(200, 0, pasted);
    assert.deepEqual(Array.from({ length: one.length }, (_, i) => one.at(i)), [...few.slice(0, 200), ...pasted, ...few.slice(200)]);
    // Full chunks, then a last one grown past a chunk's size.
    const many = Array.from({ length: 1100 }, (_, i) => i);
    const last = ChunkedList.of(many).spliced(1050, 0, pasted);
    const expected = [...many.slice(0, 1050), ...pasted, ...many.slice(1050)];
    assert.deepEqual(Array.from({ length: last.length }, (_, i) => last.at(i)), expected);
    assert.equal(last.indexOf(-299), expected.indexOf(-299));
    // The offsets of 300 units pasted where the 200th started, moving every later one by 3,000.
    const offsets = ChunkedOffsets.of(few.map((i) => i * 10)).spliced(200, 0, pasted.map((_, k) => 2000 + k * 10), 3000);
    assert.deepEqual(Array.from({ length: offsets.length }, (_, i) => offsets.at(i)), Array.from({ length: 700 }, (_, i) => i * 10));
    assert.equal(offsets.lastAtOrBefore(6505), 650);
  });

  it('hands itself back when every entry made is the one it replaces, and refuses a place it lacks', () => {
    const list = ChunkedList.of(['a', 'b', 'c']);
    assert.equal(list.replaced([0, 2], (i) => list.at(i)), list);
    assert.throws(() => list.replaced([3], () => 'd'), RangeError);
  });
});

describe('offsets kept in chunks', () => {
  it('moves every offset after a place, as an array would, and finds offsets by halving', () => {
    const random = seededRandom(7);
    let model: number[] = [];
    for (let i = 0, at = 0; i < 1800; i++) model.push((at += 1 + random(40)));
    let offsets = ChunkedOffsets.of(model);
    const history: [ChunkedOffsets, number[]][] = [];
    for (let step = 0; step < 300; step++) {
      deepFreeze(offsets);
      history.push([offsets, model]);
      const place = random(model.length);
      // A move keeps the offsets in order: no smaller than the gap after the place allows.
      const gap = place + 1 < model.length ? model[place + 1] - model[place] - 1 : 0;
      const delta = random(60) - Math.min(gap, 30);
      const next = offsets.movedAfter(place, delta);
      model = model.map((o, i) => (i > place ? o + delta : o));
      assert.deepEqual(next.toArray(), model, `step ${step}`);
      for (let probe = 0; probe < 20; probe++) {
        const offset = random(model[model.length - 1] + 50) - 10;
        assert.equal(next.lastAtOrBefore(offset), lastAtOrBefore(model, offset), `offset ${offset} at step ${step}`);
      }
      offsets = next;
    }
    for (const [old, array] of history) assert.deepEqual(old.toArray(), array);
    assert.equal(ChunkedOffsets.of([]).lastAtOrBefore(5), -1);
  });

  it('splices without copying the chunks away from the splice, then reads, moves and finds offsets as an array', () => {
    const random = seededRandom(53);
    let model: number[] = [];
    for (let i = 0, at = 0; i < 6000; i++) model.push((at += 1 + random(40)));
    let offsets = ChunkedOffsets.of(model);
    const chunksOf = (o: ChunkedOffsets): readonly (readonly number[])[] => (o as unknown as { chunks: readonly (readonly number[])[] }).chunks;
    const history: [ChunkedOffsets, number[]][] = [];
    for (let step = 0; step < 300; step++) {
      deepFreeze(offsets);
      history.push([offsets, model]);
      const at = random(model.length + 1);
      // Mostly a unit or two, sometimes a pasted or deleted stretch of thousands.
      const big = random(20) === 0;
      const removed = Math.min(model.length - at, big ? random(3000) : random(3));
      const before = at > 0 ? model[at - 1] : 0;
      const made: number[] = [];
      for (let k = 0, o = before; k < (big ? random(3000) : random(3)); k++) made.push((o += 1 + random(40)));
      // Every offset after the stretch moves so that it stays after the last one made.
      const end = made.length > 0 ? made[made.length - 1] : before;
      const nextOld = at + removed < model.length ? model[at + removed] : undefined;
      const delta = nextOld === undefined ? 0 : end + 1 + random(40) - nextOld;
      const next = offsets.spliced(at, removed, made, delta);
      model = [...model.slice(0, at), ...made, ...model.slice(at + removed).map((o) => o + delta)];
      assert.equal(next.length, model.length, `step ${step}`);
      for (let probe = 0; probe < 30; probe++) {
        const i = random(model.length + 2) - 1;
        assert.equal(next.at(i), model[i], `offset ${i} at step ${step}`);
        const offset = random((model[model.length - 1] ?? 0) + 50) - 10;
        assert.equal(next.lastAtOrBefore(offset), lastAtOrBefore(model, offset), `search ${offset} at step ${step}`);
      }
      if (!big) {
        // A small splice makes at most three chunks anew; the rest are the earlier ones.
        const kept = new Set(chunksOf(offsets));
        assert.ok(chunksOf(next).filter((c) => !kept.has(c)).length <= 3, `step ${step}`);
      }
      offsets = next;
      // A move after a splice, as an edit inside a unit makes.
      if (model.length > 1 && random(2) === 0) {
        const place = random(model.length - 1);
        const gap = model[place + 1] - model[place] - 1;
        const by = random(30) - Math.min(gap, 15);
        offsets = offsets.movedAfter(place, by);
        model = model.map((o, i) => (i > place ? o + by : o));
        assert.deepEqual(offsets.toArray(), model, `move at step ${step}`);
      }
    }
    for (const [old, array] of history) assert.deepEqual(old.toArray(), array);
  });
});

describe('an edit inside one unit of a large contract', () => {
  it('makes a block whose units and starts share all but the edited chunk with the block before', () => {
    const norms = Array.from({ length: 1500 }, (_, i) => `  obligation N${i} "Norm ${i}" {\n    A must deliver "report ${i}"\n  }\n`).join('');
    const text = `partnership P "P" {\n  party A "A" as supplier\n${norms}}\n`;
    const before = parseDocument('/p.partnership', text);
    const at = text.indexOf('report 700') + 'report'.length;
    const after = reparseDocument(before, text.slice(0, at) + 'x' + text.slice(at), { from: at, oldTo: at, newTo: at + 1, inserted: 'x' });
    const blockOf = (d: typeof before) => (d.ast.items[0] as { block: { units: ChunkedList<unknown>; starts: ChunkedOffsets } }).block;
    const [then, now] = [blockOf(before), blockOf(after)];
    const edited = now.units.findIndex((u, i) => u !== then.units.at(i));
    assert.equal(edited, 701, 'the party is unit 0: N700 is unit 701');
    // The chunks of units this edit did not reach are the earlier block's own arrays.
    const chunksOf = (list: ChunkedList<unknown>) => (list as unknown as { chunks: unknown[][] }).chunks;
    const shared = chunksOf(now.units).filter((c, i) => c === chunksOf(then.units)[i]).length;
    assert.equal(shared, chunksOf(now.units).length - 1);
    assert.equal(now.starts.at(edited + 1), then.starts.at(edited + 1) + 1);
    assert.equal(now.starts.at(edited), then.starts.at(edited));
  });

  it('finds the statements of a kind after an edit as a search of every unit does', () => {
    const norms = Array.from({ length: 1200 }, (_, i) => `  obligation N${i} "Norm ${i}" {\n    A must deliver "report ${i}"\n  }\n`).join('');
    const text = `partnership P "P" {\n  party A "A" as supplier\n  term 2010-01-01 to 2020-12-31\n${norms}}\n`;
    const unitsOf = (d: ReturnType<typeof parseDocument>) => (d.ast.items[0] as unknown as { block: { units: ChunkedList<Unit> } }).block.units;
    let document = parseDocument('/p.partnership', text);
    const random = seededRandom(3);
    for (let step = 0; step < 40; step++) {
      const units = unitsOf(document);
      // Asked before the edit too, as the analysis of every version asks.
      for (const kind of ['Term', 'Calendar', 'Party']) assert.equal(firstPlaceOfKind(units, kind), units.findIndex((u) => u.node.kind === kind), `${kind} at step ${step}`);
      const scanned = (kinds: string[]) => units.map((u, i) => (kinds.includes(u.node.kind) ? i : -1)).filter((i) => i >= 0);
      assert.deepEqual(placesOfKind(units, 'Norm'), scanned(['Norm']), `norms at step ${step}`);
      assert.deepEqual(placesOfKinds(units, ['Term', 'Party', 'Calendar']), scanned(['Term', 'Party', 'Calendar']), `term and party at step ${step}`);
      const at = document.text.indexOf(`report ${random(1200)}"`) + 'report'.length;
      const next = document.text.slice(0, at) + 'x' + document.text.slice(at);
      document = reparseDocument(document, next, { from: at, oldTo: at, newTo: at + 1, inserted: 'x' });
    }
    assert.equal(firstPlaceOfKind(unitsOf(document), 'Calendar'), -1);
    assert.equal(firstPlaceOfKind(unitsOf(document), 'Term'), 1);
  });

  it('finds the statements of a kind and where each unit starts as declarations come and go', () => {
    const norms = Array.from({ length: 1200 }, (_, i) => `  obligation N${i} "Norm ${i}" {\n    A must deliver "report ${i}"\n  }\n`).join('');
    const text = `partnership P "P" {\n  party A "A" as supplier\n  term 2010-01-01 to 2020-12-31\n${norms}}\n`;
    const blockOf = (d: ReturnType<typeof parseDocument>) => (d.ast.items[0] as unknown as { block: PartnershipBlock }).block;
    let document = parseDocument('/p.partnership', text);
    const random = seededRandom(5);
    const scanned = (units: ChunkedList<Unit>, kinds: string[]) => units.map((u, i) => (kinds.includes(u.node.kind) ? i : -1)).filter((i) => i >= 0);
    for (let step = 0; step < 60; step++) {
      const block = blockOf(document);
      assert.deepEqual(placesOfKind(block.units, 'Norm'), scanned(block.units, ['Norm']), `norms at step ${step}`);
      assert.deepEqual(placesOfKinds(block.units, ['Term', 'Party']), scanned(block.units, ['Term', 'Party']), `term and party at step ${step}`);
      for (let i = 0; i < block.units.length; i += 1 + random(40)) assert.equal(unitStart(block, block.units.at(i)), block.starts.at(i), `unit ${i} at step ${step}`);
      // A norm deleted, a norm pasted, or the start of one typed in.
      const current = document.text;
      const start = current.indexOf('\n  obligation ', random(current.length - 200)) + 1;
      const end = current.indexOf('\n  }\n', start) + '\n  }\n'.length;
      const kind = random(3);
      const put = kind === 0 ? '' : kind === 1 ? `  obligation New${step} "New" {\n    A must deliver "new"\n  }\n` : `  obligation Half${step} "Half" {\n    A must\n`;
      const next = current.slice(0, start) + put + current.slice(kind === 0 ? end : start);
      const removed = kind === 0 ? end - start : 0;
      document = reparseDocument(document, next, { from: start, oldTo: start + removed, newTo: start + put.length, inserted: put });
      assert.deepEqual(JSON.parse(JSON.stringify(document.diagnostics)), JSON.parse(JSON.stringify(parseDocument('/p.partnership', next).diagnostics)), `step ${step}`);
    }
  });
});
