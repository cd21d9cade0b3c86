// P204 asks whether the holder of a grant names work on the scopes between the open work and
// the interface, scope by scope (facts/work-on-scope.ts): an edit that changes the holder's work
// on another scope checks again no norm that asked about these, and one on these does.
import * as assert from 'node:assert/strict';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { editingHost } from '../helpers/program';

const FILE = '/virtual/work-on/contract.partnership';

const CONTRACT = `partnership T "T" {
  term 2010-01-01 to 2030-12-31
  party A "A" as client
  party B "B" as supplier
  party V "V" as supplier
  scope ICT "ICT" { scope Core "Core" scope Projects "Projects" scope Data "Data" }
  exclusive B over ICT.Core
  open ICT.Projects
  interface ICT.Core with ICT.Projects "plug in and play"
  obligation Build "Build the projects" {
    V must deliver ICT.Projects to A
    due 2014-01-01
  }
  obligation Later "Integrate later" {
    B must integrate ICT.Projects to A
    every 1 month
    from 2020-01-01
    until 2021-01-01
  }
  obligation Reports "Report on data" {
    B must provide ICT.Data to A
    due 2015-06-30
  }
}
`;

describe('the work a holder names, scope by scope', () => {
  it('checks again only the norms that asked about the scope whose work an edit changed', () => {
    // As the editor does: an edit inside a norm parses that norm again, and the model is carried.
    const host = editingHost();
    const analyse = (text: string, earlier?: Analysis): Analysis => new Analysis([{ file: FILE, text }], host, earlier);
    const fresh = (text: string): Analysis => new Analysis([{ file: FILE, text }], { readFile: () => undefined });
    const codes = (a: Analysis): string[] => a.diagnostics(FILE).map((d) => d.code);
    const build = (a: Analysis) => a.checks.byFile.get(FILE)!.norms.at(0);

    const first = analyse(CONTRACT);
    // B names work on the projects only from 2020: Build, due in 2014, plugs in unintegrated.
    assert.deepEqual(codes(first), ['P204']);
    assert.equal(build(first).norm.symbol.name, 'Build');

    // B's work on the data moves: B's work as a whole changed, its work on the projects did not.
    const moved = CONTRACT.replace('due 2015-06-30', 'due 2016-06-30');
    const second = analyse(moved, first);
    assert.equal(build(second), build(first), 'Build is not checked again');
    assert.deepEqual(second.diagnostics(FILE), fresh(moved).diagnostics(FILE));

    // B's work on the projects now covers Build's days: Build is checked again, and integrated.
    const integrated = moved.replace('from 2020-01-01', 'from 2012-01-01');
    const third = analyse(integrated, second);
    assert.notEqual(build(third), build(second), 'Build is checked again');
    assert.deepEqual(codes(third), []);
    assert.deepEqual(third.diagnostics(FILE), fresh(integrated).diagnostics(FILE));
  });
});
