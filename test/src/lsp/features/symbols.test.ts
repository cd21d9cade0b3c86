// The outline of a document and the workspace symbol search, called directly on marked documents.
import * as assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver';
import { handleDocumentSymbols, handleWorkspaceSymbols } from '../../../../server/out/lsp/features/symbols';
import { marked } from '../../helpers/features';

describe('symbol handlers', () => {
  it('outlines the partnership, its declarations and nested scopes, with whole and name ranges', () => {
    // Ranges in order: partnership, its name; party, its name; scope Ops, its name; scope Desk, its name; obligation, its name.
    const m = marked(`[|partnership [|P|] "The contract" {
  term 2020-01-01 to 2020-12-31
  [|party [|A|] "A Ltd" as supplier|]
  [|scope [|Ops|] "Operations" {
    [|scope [|Desk|] "Service desk"|]
  }|]
  [|obligation [|Run|] "Run the desk" {
    A must run Ops.Desk
  }|]
}|]
`);
    const [p, pName, a, aName, ops, opsName, desk, deskName, run, runName] = m.ranges();
    assert.deepEqual(handleDocumentSymbols(m.ctx, m.at), [{
      name: 'P', detail: 'The contract', kind: SymbolKind.Module, range: p, selectionRange: pName,
      children: [
        { name: 'A', detail: 'A Ltd · supplier', kind: SymbolKind.Class, range: a, selectionRange: aName, children: [] },
        {
          name: 'Ops', detail: 'Operations', kind: SymbolKind.Namespace, range: ops, selectionRange: opsName,
          children: [{ name: 'Desk', detail: 'Service desk', kind: SymbolKind.Namespace, range: desk, selectionRange: deskName, children: [] }],
        },
        { name: 'Run', detail: 'obligation · Run the desk', kind: SymbolKind.Function, range: run, selectionRange: runName, children: [] },
      ],
    }]);
  });

  it('outlines events with their clause, a charge\'s amount lines and a variation\'s changes, in words', () => {
    const m = marked(`partnership P "The contract" {
  term 2020-01-01 to 2030-12-31
  party A "A Ltd" as supplier
  party C "Council" as client
  scope Ops "Operations"
  event Breach "Notice of breach" clause "40.1"
  charge Core "Core charge" {
    C pays A
    [|£1m per year|]
    [|£35 per seat per month from 2022-04|]
  }
  variation Ext "Extension" {
    agreed 2025-01-01
    [|term to 2032-03-31|]
    [|returns Ops to C|]
  }
}
`);
    const [amount, seats, termTo, returns] = m.ranges();
    const children = handleDocumentSymbols(m.ctx, m.at)[0].children!;
    const byName = new Map(children.map((c) => [c.name, c]));
    assert.equal(byName.get('Breach')!.kind, SymbolKind.Event);
    assert.equal(byName.get('Breach')!.detail, 'Notice of breach · clause 40.1');
    assert.deepEqual(byName.get('Core')!.children, [
      { name: '£1m a year', kind: SymbolKind.Number, range: amount, selectionRange: amount, children: [] },
      { name: '£35 per seat per month from 2022-04', kind: SymbolKind.Number, range: seats, selectionRange: seats, children: [] },
    ]);
    assert.deepEqual(byName.get('Ext')!.children, [
      { name: 'the term ends on 2032-03-31', kind: SymbolKind.Event, range: termTo, selectionRange: termTo, children: [] },
      { name: 'returns Ops to C (the scope leaves the contract)', kind: SymbolKind.Event, range: returns, selectionRange: returns, children: [] },
    ]);
  });

  it('finds symbols of every file by name or title, scopes by path, case-insensitively', () => {
    const m = marked({
      'a.partnership': 'partnership A "A" {\n  term 2020-01-01 to 2020-12-31\n  scope Estate "Estate" {\n    scope [|Desks|] "Desks"\n  }\n  party [|Deskmate|] "Mate" as supplier\n}\n',
      'b.partnership': 'partnership B "B" {\n  term 2020-01-01 to 2020-12-31\n  party [|Help|] "Help DESK Ltd" as supplier\n  party Other "Other" as client\n}\n',
    });
    const found = handleWorkspaceSymbols(m.ctx, { query: 'desk' });
    const [desks, deskmate] = m.locations('a.partnership');
    assert.deepEqual(found, [
      { name: 'Estate.Desks', kind: SymbolKind.Namespace, containerName: 'A', location: desks },
      { name: 'Deskmate', kind: SymbolKind.Class, containerName: 'A', location: deskmate },
      { name: 'Help', kind: SymbolKind.Class, containerName: 'B', location: m.locations('b.partnership')[0] },
    ]);
  });
});
