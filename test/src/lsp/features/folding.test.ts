// Folding ranges called directly on a marked document: blocks that span lines and comment runs.
import * as assert from 'node:assert/strict';
import { FoldingRangeKind } from 'vscode-languageserver';
import { handleFoldingRanges } from '../../../../server/out/lsp/features/folding';
import { marked } from '../../helpers/features';

describe('folding handler', () => {
  it('folds each block that spans lines up to the line before its brace, runs of line comments and block comments', () => {
    const m = marked(`// The contract
// in two lines.
partnership P "P" {
  term 2020-01-01 to 2020-12-31
  party A "A" as supplier
  scope Ops "Operations" {
    scope Desk "Desk" { covers "one line" }
  }
  /* A comment
     over three
     lines. */
  obligation Run "Run" {
    A must run Ops
  }
}
`);
    assert.deepEqual(handleFoldingRanges(m.ctx, m.at), [
      { startLine: 2, endLine: 13 },
      { startLine: 5, endLine: 6 },
      { startLine: 11, endLine: 12 },
      { startLine: 0, endLine: 1, kind: FoldingRangeKind.Comment },
      { startLine: 8, endLine: 10, kind: FoldingRangeKind.Comment },
    ]);
  });

  it('folds the blocks of charges and variations', () => {
    const m = marked(`partnership P "P" {
  term 2020-01-01 to 2030-12-31
  party A "A" as supplier
  party C "C" as client
  charge Core "Core" {
    C pays A
    £1m per year
  }
  variation Ext "Extension" {
    agreed 2025-01-01
    term to 2032-03-31
  }
  charge Small "Small" { C pays A  £5 per day }
}
`);
    assert.deepEqual(handleFoldingRanges(m.ctx, m.at), [
      { startLine: 0, endLine: 12 },
      { startLine: 4, endLine: 6 },
      { startLine: 8, endLine: 10 },
    ]);
  });
});
