// Formatting, quick fixes and code lens called directly on marked documents.
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { toLspDiagnostic } from '../../../../server/out/lsp/convert';
import { handleCodeActions, handleCodeLens, handleFormatting } from '../../../../server/out/lsp/features/editing';
import { applyEdits, marked, type Marked } from '../../helpers/features';

const options = { tabSize: 2, insertSpaces: true };

/** The document's diagnostics as the server publishes them, quick fixes in their data. */
function published(m: Marked): Diagnostic[] {
  return m.ctx.program.diagnostics(m.ctx.ids.fileOf(m.uri())).map((d) => toLspDiagnostic(d, m.ctx.positions, m.ctx.ids));
}

describe('editing handlers', () => {
  it('formats the whole document in one edit', () => {
    const m = marked('partnership P "P" {\nterm 2020-01-01 to 2020-12-31\n      party A "A" as supplier\n  obligation Run "Run" {\n  A must run "the desk"\n      }\n}\n');
    const edits = handleFormatting(m.ctx, { ...m.at, options });
    assert.equal(edits.length, 1);
    assert.equal(applyEdits(m.text(), edits),
      'partnership P "P" {\n  term 2020-01-01 to 2020-12-31\n  party A "A" as supplier\n\n  obligation Run "Run" {\n    A must run "the desk"\n  }\n}\n');
  });

  it('proposes no formatting for a formatted document or a broken one', () => {
    const formatted = marked('partnership P "P" {\n  term 2020-01-01 to 2020-12-31\n  party A "A" as supplier\n}\n');
    assert.deepEqual(handleFormatting(formatted.ctx, { ...formatted.at, options }), []);
    const broken = marked('partnership P "P" {\n  term 2020-01-01 to\n      party A "A" as supplier\n}\n');
    assert.deepEqual(handleFormatting(broken.ctx, { ...broken.at, options }), []);
  });

  it('offers the quick fix a diagnostic carries, here a name of an imported file', () => {
    const m = marked({
      'main.partnership': 'import "catalogue.partnership"\npartnership P "P" {\n  term 2020-01-01 to 2020-12-31\n  party A "A" as supplier of [|Catalogue.Councl|]\n}\n',
      'catalogue.partnership': 'partnership Catalogue "C" {\n  term 2006-04-01 to 2030-03-31\n  party Council "The council" as client\n}\n',
    });
    const diagnostics = published(m).filter((d) => d.code === 'P101');
    assert.deepEqual(diagnostics.map((d) => d.range), m.ranges());
    const actions = handleCodeActions(m.ctx, { textDocument: m.at.textDocument, range: diagnostics[0].range, context: { diagnostics } });
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Change to `Catalogue.Council`', true]]);
    assert.equal(applyEdits(m.text(), actions[0].edit!.changes![m.uri()]).split('\n')[3], '  party A "A" as supplier of Catalogue.Council');
  });

  it('puts a lens above each norm: who, when and how it is measured', () => {
    const m = marked(`partnership P "P" {
  term 2020-01-01 to 2020-12-31
  party A "A" as supplier
  kpi Up "Up" {
    owner A
    target >= 99%
  }
  [||]obligation Run "Run" {
    A must run "the desk"
    every 1 month
    measured-by Up
  }
  [||]prohibition Leak "Leak" {
    A must not disclose "data"
  }
}
`);
    const [run, leak] = m.ranges();
    assert.deepEqual(handleCodeLens(m.ctx, m.at), [
      { range: run, command: { title: 'A must · every 1 month · measured by Up', command: '' } },
      { range: leak, command: { title: 'A must not · at any time in the term · no KPI', command: '' } },
    ]);
  });

  it('says in the code lens when a norm of the second version applies, and how hard its subject must try', () => {
    const m = marked(`partnership P "P" {
  term 2020-01-01 to 2030-12-31
  party A "A" as supplier
  party C "C" as client
  event Breach "Notice of breach" clause "40.1"
  event GoLive "Go-live"
  [||]obligation Fix "Fix" {
    A, C must fix "it"
    due within 10 working days of Breach
    endeavours best
  }
  [||]permission Step "Step in" {
    C may operate "the service"
    from GoLive
  }
  [||]obligation Keep "Keep records" {
    A must keep "records"
  }
}
`);
    assert.deepEqual(handleCodeLens(m.ctx, m.at).map((l) => l.command!.title), [
      'A, C must (best endeavours) · due within 10 working days of Notice of breach (clause 40.1) · no KPI',
      'C may · from Go-live · no KPI',
      'A must · throughout the term · no KPI',
    ]);
  });
});
