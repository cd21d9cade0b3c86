// What stands at an offset: every declaration's name and every part of every reference is
// found where the document writes it, in every example and conformance file, nested scopes and
// qualified names included.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { locate } from '../../../server/out/core/services/locate';
import { examples, ownCorpus, partnershipFilesUnder, sharedCorpus } from '../helpers/paths';

describe('locating what stands at an offset', () => {
  const files = [...partnershipFilesUnder(examples), ...partnershipFilesUnder(sharedCorpus), ...partnershipFilesUnder(ownCorpus)];

  it('finds each declaration at its name and each reference part at its text, at both ends', () => {
    let declarations = 0;
    let parts = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const program = new Analysis([{ file, text }], { readFile: (f) => (f === file ? text : undefined) });
      const source = program.files.get(file)!;
      const starts = source.partnership!.block!.starts;
      for (const [u, resolution] of source.resolutions.toArray().entries()) for (const reference of resolution.references) {
        reference.node.parts.forEach((part, i) => {
          for (const offset of [starts.at(u) + part.start, starts.at(u) + part.end]) {
            const located = locate(source, offset);
            assert.equal(located?.kind, 'reference', `${file} at ${offset}`);
            // The same reference: its name node, what it names, and what each part resolved to.
            const found = located.kind === 'reference' ? located.reference : undefined;
            assert.equal(found?.node, reference.node, `${file} at ${offset}`);
            assert.equal(found?.target, reference.target, `${file} at ${offset}`);
            assert.equal(found?.parts.length, reference.parts.length, `${file} at ${offset}`);
            assert.ok(found?.parts.every((p, k) => p === reference.parts[k]), `${file} at ${offset}`);
            assert.equal(located.kind === 'reference' && located.part, i, `${file} at ${offset}`);
          }
          parts++;
        });
      }
      for (const symbol of source.declarations.all) {
        const base = program.startOf(file, symbol.unit);
        for (const offset of [base + symbol.nameNode.start, base + symbol.nameNode.end]) {
          const located = locate(source, offset);
          assert.equal(located?.kind, 'declaration', `${file}: ${symbol.name} at ${offset}`);
          assert.equal(located.kind === 'declaration' && located.symbol, symbol, `${file}: ${symbol.name} at ${offset}`);
        }
        declarations++;
      }
    }
    // The files hold nested scopes, qualified names and norms of every kind.
    assert.ok(declarations > 500 && parts > 1000, `${declarations} declarations, ${parts} reference parts`);
  });

  it('finds keywords, and nothing in strings or between statements', () => {
    const file = '/virtual/locate.partnership';
    const text = 'partnership P "P" {\n  party A "A" as client\n\n  obligation N "N" {\n    A must deliver "work" to A\n  }\n}\n';
    const source = new Analysis([{ file, text }], { readFile: () => undefined }).files.get(file)!;
    const at = (needle: string, skip = 0): number => text.indexOf(needle) + skip;
    assert.deepEqual(locate(source, at('must')), { kind: 'keyword', word: 'must', span: { start: at('must'), end: at('must') + 4, text: 'must' } });
    assert.equal(locate(source, at('"work"', 2)), null);
    assert.equal(locate(source, at('\n\n', 1)), null);
    assert.equal(locate(source, at('P "P"'))?.kind, 'partnership');
  });
});
