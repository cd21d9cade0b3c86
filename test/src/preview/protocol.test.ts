// The matrix preview's message checks accept exactly the protocol's closed set of messages and
// reject everything else whole: unknown types, extra or missing keys, wrong field types, and
// the shapes that prototype pollution relies on.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { examples, repoRoot } from '../helpers/paths';

interface Protocol {
  isMessageFromPage(value: unknown): boolean;
  isMessageToPage(value: unknown): boolean;
  isMatrix(value: unknown): boolean;
  isMatrixUpdate(value: unknown): boolean;
}

/** A message to the page carrying `matrix` whole. */
const whole = (matrix: unknown, fileName = 'x') => ({ type: 'matrix', id: '1', base: null, matrix, fileName });

/** The client's protocol module, bundled on its own (the test project cannot compile client/src). */
function loadProtocol(): Protocol {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-protocol-'));
  const outfile = path.join(dir, 'protocol.js');
  buildSync({ entryPoints: [path.join(repoRoot, 'client/src/preview/protocol.ts')], bundle: true, format: 'cjs', platform: 'node', outfile, logLevel: 'error' });
  return require(outfile) as Protocol;
}

function serviceBirminghamMatrix(): unknown {
  const file = path.join(examples, 'service-birmingham', 'service-birmingham.partnership');
  const read = (f: string): string | undefined => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined);
  const program = new Analysis([{ file, text: read(file)! }], { readFile: read });
  return JSON.parse(JSON.stringify(buildMatrix(program, file)));
}

/** A deep copy with one change made by `edit`. */
function edited<T>(value: T, edit: (copy: any) => void): T {
  const copy = JSON.parse(JSON.stringify(value));
  edit(copy);
  return copy;
}

describe('preview protocol', () => {
  let protocol: Protocol;
  let matrix: any;
  before(() => {
    protocol = loadProtocol();
    matrix = serviceBirminghamMatrix();
  });

  describe('messages from the page', () => {
    it('accepts ready, reveal and export', () => {
      const accepted = [
        { type: 'ready' },
        { type: 'reveal', line: 1 },
        { type: 'reveal', line: 4012 },
        { type: 'export', format: 'html', grouping: 'scope' },
        { type: 'export', format: 'md', grouping: 'order' },
        { type: 'export', format: 'csv', grouping: 'scope' },
        JSON.parse('{"type":"reveal","line":7}'),
        Object.assign(Object.create(null), { type: 'ready' }),
      ];
      for (const m of accepted) assert.equal(protocol.isMessageFromPage(m), true, JSON.stringify(m));
    });

    it('rejects anything that is not a message object', () => {
      for (const v of [null, undefined, 'ready', 42, true, [], [{ type: 'ready' }], () => undefined, new Date(), new Map([['type', 'ready']])]) {
        assert.equal(protocol.isMessageFromPage(v), false, String(v));
      }
    });

    it('rejects unknown types, including names found on every object', () => {
      for (const type of ['Ready', 'filter', 'matrix', 'empty', 'toString', 'constructor', '__proto__', 'hasOwnProperty', '', 3, null]) {
        assert.equal(protocol.isMessageFromPage({ type }), false, String(type));
      }
      assert.equal(protocol.isMessageFromPage({}), false);
    });

    it('rejects missing, extra and wrongly typed fields', () => {
      const rejected = [
        { type: 'ready', extra: 1 },
        { type: 'reveal' },
        { type: 'reveal', line: '3' },
        { type: 'reveal', line: 0 },
        { type: 'reveal', line: -4 },
        { type: 'reveal', line: 1.5 },
        { type: 'reveal', line: Number.NaN },
        { type: 'reveal', line: Number.POSITIVE_INFINITY },
        { type: 'reveal', line: 2 ** 53 },
        { type: 'reveal', line: [3] },
        { type: 'reveal', line: { valueOf: () => 3 } },
        { type: 'reveal', line: 3, uri: 'file:///etc/passwd' },
        { type: 'export' },
        { type: 'export', format: 'html' },
        { type: 'export', format: 'html', grouping: 'party' },
        { type: 'export', format: 'json', grouping: 'scope' },
        { type: 'export', format: 'HTML' },
        { type: 'export', format: 'toString' },
        { type: 'export', format: '__proto__' },
        { type: 'export', format: ['html'] },
        { type: 'export', format: 'html', grouping: 'scope', path: '/tmp/x.html' },
      ];
      for (const m of rejected) assert.equal(protocol.isMessageFromPage(m), false, JSON.stringify(m));
    });

    it('rejects prototype-pollution shapes and inherited fields, and pollutes nothing', () => {
      const rejected = [
        JSON.parse('{"type":"ready","__proto__":{"polluted":true}}'),
        JSON.parse('{"__proto__":{"type":"ready"}}'),
        JSON.parse('{"type":"reveal","line":3,"constructor":{"prototype":{"polluted":true}}}'),
        JSON.parse('{"type":"export","format":"csv","prototype":{"polluted":true}}'),
        Object.create({ type: 'ready' }),
        Object.assign(Object.create({ line: 3 }), { type: 'reveal' }),
        new (class Message { type = 'ready'; })(),
      ];
      for (const m of rejected) assert.equal(protocol.isMessageFromPage(m), false, JSON.stringify(m));
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  });

  describe('messages to the page', () => {
    it('accepts a real matrix, a matrix without rows, and an empty message', () => {
      assert.equal(protocol.isMessageToPage(whole(matrix, 'service-birmingham.partnership')), true);
      const bare = edited(matrix, (m) => {
        m.groups = [];
        m.exclusivity = [];
        m.conflicts = [];
        m.parties = [];
      });
      assert.equal(protocol.isMessageToPage(whole(bare, '')), true);
      assert.equal(protocol.isMessageToPage({ type: 'empty', reason: 'This file declares no partnership.' }), true);
    });

    it('rejects messages of the other direction and malformed envelopes', () => {
      const malformed = [
        { type: 'ready' }, { type: 'empty' }, { type: 'empty', reason: 3 }, { type: 'matrix', matrix }, { ...whole(matrix), fileName: 1 }, whole(null),
        { ...whole(matrix), html: '<b>' }, { type: 'matrix', matrix, fileName: 'x' }, { ...whole(matrix), id: 1 }, { ...whole(matrix), base: 2 },
      ];
      for (const m of malformed) {
        assert.equal(protocol.isMessageToPage(m), false, JSON.stringify(m).slice(0, 80));
      }
    });

    it('rejects a matrix with any field missing, extra or of the wrong type, at any depth', () => {
      const firstRow = (m: any): any => m.groups[0].rows[0];
      const edits: [string, (m: any) => void][] = [
        ['missing partnership', (m) => delete m.partnership],
        ['extra top-level key', (m) => (m.html = '<b>x</b>')],
        ['partnership title a number', (m) => (m.partnership.title = 1)],
        ['party id missing', (m) => delete m.parties[0].id],
        ['party with an extra key', (m) => (m.parties[0].onclick = 'alert(1)')],
        ['groups not an array', (m) => (m.groups = { 0: m.groups[0] })],
        ['group scope a string', (m) => (m.groups[0].scope = 'ICT')],
        ['row line a string', (m) => (firstRow(m).line = '12')],
        ['row line zero', (m) => (firstRow(m).line = 0)],
        ['row kind unknown', (m) => (firstRow(m).kind = 'duty')],
        ['row kind inherited name', (m) => (firstRow(m).kind = 'toString')],
        ['cell not an array', (m) => (firstRow(m).cells[Object.keys(firstRow(m).cells)[0]] = 'R')],
        ['cell part not a string', (m) => (firstRow(m).cells[Object.keys(firstRow(m).cells)[0]] = [1])],
        ['cells an array', (m) => (firstRow(m).cells = [['R']])],
        ['kpi target missing', (m) => (firstRow(m).kpis = [{ name: 'K', title: 'T' }])],
        ['exclusivity depth negative', (m) => (m.exclusivity[0].depth = -1)],
        ['exclusivity open a string', (m) => (m.exclusivity[0].open = 'true')],
        ['holder partnership a number', (m) => (m.exclusivity.find((r: any) => r.holders.length).holders[0].partnership = 7)],
        ['holder except a string', (m) => (m.exclusivity.find((r: any) => r.holders.length).holders[0].except = 'Projects')],
        ['interface note missing', (m) => (m.exclusivity[0].interfaces = [{ with: 'X' }])],
        ['conflict line fractional', (m) => (m.conflicts = [{ file: 'a.partnership', code: 'P201', severity: 'error', line: 1.5, message: 'x', related: [] }])],
        ['conflict without its other side', (m) => (m.conflicts = [{ file: 'a.partnership', code: 'P201', severity: 'error', line: 1, message: 'x' }])],
      ];
      for (const [name, edit] of edits) {
        assert.equal(protocol.isMessageToPage(whole(edited(matrix, edit))), false, name);
      }
    });

    it('accepts rows given as references to the earlier matrix, and nothing else in their place', () => {
      const change = edited(matrix, (m) => (m.groups[0].rows[0] = { same: 0, line: 7 }));
      assert.equal(protocol.isMessageToPage({ type: 'matrix', id: '2', base: '1', matrix: change, fileName: 'x' }), true);
      assert.equal(protocol.isMatrixUpdate({ id: '2', base: '1', matrix: change }), true);
      assert.equal(protocol.isMatrixUpdate({ id: '2', base: null, matrix }), true);
      const run = edited(matrix, (m) => (m.groups[0].rows[0] = { from: 0, count: 3, shift: -2 } as never));
      assert.equal(protocol.isMatrixUpdate({ id: '2', base: '1', matrix: run }), true);
      const badReferences = [{ same: -1, line: 7 }, { same: 1.5, line: 7 }, { same: '0', line: 7 }, { same: 0 }, { same: 0, line: 0 }, { same: 0, line: 7, title: 'x' }, { line: 7 },
        { from: 0, count: 0, shift: 0 }, { from: -1, count: 1, shift: 0 }, { from: 0, count: 2, shift: 0.5 }, { from: 0, count: 2 }, { from: 0, count: 2, shift: 0, same: 1 }];
      for (const reference of badReferences) {
        const bad = edited(matrix, (m) => (m.groups[0].rows[0] = reference));
        assert.equal(protocol.isMessageToPage({ type: 'matrix', id: '2', base: '1', matrix: bad, fileName: 'x' }), false, JSON.stringify(reference));
        assert.equal(protocol.isMatrixUpdate({ id: '2', base: '1', matrix: bad }), false, JSON.stringify(reference));
      }
      assert.equal(protocol.isMatrixUpdate({ id: '2', base: '1', matrix, extra: true }), false);
      assert.equal(protocol.isMatrixUpdate({ id: 2, base: '1', matrix }), false);
    });

    it('accepts sections named as unchanged, and only the sections a matrix has', () => {
      const change = edited(matrix, (m) => ((m as unknown as Record<string, unknown>).unchanged = ['kpis', 'money']));
      assert.equal(protocol.isMatrixUpdate({ id: '2', base: '1', matrix: change }), true);
      assert.equal(protocol.isMessageToPage({ type: 'matrix', id: '2', base: '1', matrix: change, fileName: 'x' }), true);
      for (const names of [['groups'], ['__proto__'], 'kpis', [1]]) {
        const bad = edited(matrix, (m) => ((m as unknown as Record<string, unknown>).unchanged = names));
        assert.equal(protocol.isMatrixUpdate({ id: '2', base: '1', matrix: bad }), false, JSON.stringify(names));
      }
    });

    it('rejects prototype-pollution shapes inside a matrix', () => {
      const text = JSON.stringify(whole(matrix));
      const polluted = [
        text.replace('"partnership":{', '"partnership":{"__proto__":{"polluted":true},'),
        text.replace('"cells":{', '"cells":{"__proto__":["R (must)"],'),
        text.replace('"parties":[{', '"parties":[{"constructor":{"prototype":{"polluted":true}},'),
      ];
      for (const json of polluted) {
        assert.notEqual(json, text);
        assert.equal(protocol.isMessageToPage(JSON.parse(json)), false, json.slice(0, 80));
      }
      assert.equal(protocol.isMatrix(Object.create(matrix)), false);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  });
});
