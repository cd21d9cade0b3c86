// JSON written in pieces gives exactly what JSON.stringify gives whole, made safe for a
// terminal, at every depth it is written to: the status and calendar commands rely on it.
import * as assert from 'node:assert/strict';
import { writeJson, writeJsonList } from '../../../server/out/cli/streamed-json';
import { terminalSafeJson } from '../../../server/out/cli/terminal-text';
import { ByteWriter } from '../../../server/out/core/text/byte-writer';

function written(write: (out: ByteWriter) => void): string {
  let text = '';
  const out = new ByteWriter((bytes) => void (text += Buffer.from(bytes).toString('utf8')));
  write(out);
  out.flush();
  return text;
}

class Point {
  constructor(readonly x: number, readonly y: number) {}
}

const awkward = {
  plain: 'text with "quotes", a \\ backslash,\na line break and a tab\t',
  hostile: 'a bidi override \u202E and DEL \u007F and a C1 \u0085 and \u2028',
  numbers: [0, -1.5, 1e21, NaN, Infinity],
  nothing: null,
  left: undefined,
  fn: () => 1,
  sym: Symbol('s'),
  inArray: [undefined, () => 2, Symbol('t'), null, 'x'],
  empty: { object: {}, array: [], nested: [[], [{}], [[1, [2, { deep: [3] }]]]] },
  dated: new Date(Date.UTC(2016, 4, 31)),
  own: { toJSON: (key: string) => `made for ${key}` },
  instance: new Point(1, 2),
  boxed: [new String('s'), new Number(1), new Boolean(false)],
  bare: Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 }),
  'key "quoted" \u202E': true,
  get computed() {
    return { at: 'read once' };
  },
};

describe('JSON written in pieces', () => {
  for (let levels = 0; levels <= 6; levels++) {
    it(`writes what JSON.stringify writes, with ${levels} level${levels === 1 ? '' : 's'} written member by member`, () => {
      assert.equal(written((out) => writeJson(awkward, levels, out)), terminalSafeJson(JSON.stringify(awkward, null, 2)));
    });
  }

  it('writes values of every kind at the top, and a list standing inside other JSON', () => {
    for (const value of [1, 'two', null, true, [], {}, [1, [2]], { a: [] }]) {
      assert.equal(written((out) => writeJson(value, 3, out)), JSON.stringify(value, null, 2));
    }
    const inside = written((out) => {
      out.text('{\n  "items": ');
      writeJsonList(1, () => ({ a: [1, { b: 2 }] }), '  ', 2, out);
      out.text('\n}');
    });
    assert.equal(inside, JSON.stringify({ items: [{ a: [1, { b: 2 }] }] }, null, 2));
    const none = written((out) => writeJsonList(0, () => 1, '  ', 2, out));
    assert.equal(none, '[]');
  });

  it('escapes the controls JSON.stringify leaves raw, in keys and values alike', () => {
    const text = written((out) => writeJson({ '\u202Ekey': ['\u2066value\u0085'] }, 2, out));
    assert.ok(!/[\u0085\u202E\u2066]/.test(text), text);
    assert.deepEqual(JSON.parse(text), { '\u202Ekey': ['\u2066value\u0085'] });
  });
});
