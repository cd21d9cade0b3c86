// The checks of single units are given only the units of the kinds their family names
// (`CheckFamily.unitKinds`): every such check, run on every unit of every contract the tests
// hold (the shared corpora, the project's corpus, the examples), finds nothing in a unit of
// another kind, and finds something in units of its own.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { checkFamilies } from '../../../server/out/core/checks/run';
import type { Diagnostic } from '../../../server/out/core/diagnostics/diagnostic';
import { parseDocument } from '../../../server/out/core/syntax/parse';
import { examples, ownCorpus, partnershipFilesUnder, sharedCorpus, sharedCorpusV2 } from '../helpers/paths';

describe('the kinds of unit each unit check is given', () => {
  const files = [sharedCorpus, sharedCorpusV2, ownCorpus, examples].flatMap((folder) => partnershipFilesUnder(folder));

  it('cover every unit in which the check finds anything', () => {
    const named = checkFamilies.filter((family) => family.unit && family.unitKinds);
    assert.ok(named.length >= 5, 'the families that name the kinds of their units');
    const foundIn = new Map<string, Set<string>>(named.map((family) => [family.name, new Set()]));
    const kindsSeen = new Set<string>();
    for (const file of files) {
      const partnerships = parseDocument(file, fs.readFileSync(file, 'utf8')).ast.items.filter((item) => item.kind === 'Partnership');
      for (const unit of partnerships.flatMap((p) => (p.kind === 'Partnership' && p.block ? [...p.block.units] : []))) {
        kindsSeen.add(unit.node.kind);
        for (const family of named) {
          const found: Diagnostic[] = [];
          family.unit!({ file, emit: (d) => found.push(d) }, unit);
          if (found.length > 0) foundIn.get(family.name)!.add(unit.node.kind);
        }
      }
    }
    // Units of every kind were given to every check.
    for (const kind of ['Party', 'Scope', 'Norm', 'Kpi', 'Body', 'Event', 'Charge', 'Variation', 'Calendar', 'Term', 'Exclusive']) assert.ok(kindsSeen.has(kind), kind);
    for (const family of named) {
      const kinds = [...foundIn.get(family.name)!];
      assert.ok(kinds.length > 0, `${family.name} finds something in the contracts`);
      assert.deepEqual(kinds.filter((kind) => !family.unitKinds!.has(kind as never)), [], `${family.name} finds nothing outside its kinds`);
    }
  });
});
