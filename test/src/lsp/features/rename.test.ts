// Rename called directly on marked documents: the edits in every file that names the thing,
// and the refusals a person sees.
import * as assert from 'node:assert/strict';
import { ResponseError } from 'vscode-languageserver';
import { handlePrepareRename, handleRename } from '../../../../server/out/lsp/features/rename';
import { applyEdits, marked } from '../../helpers/features';

const P = 'partnership P "P" {\n  term 2020-01-01 to 2020-12-31\n';

/** Asserts the handler refuses with a message matching `message`. */
function refuses(run: () => unknown, message: RegExp): void {
  assert.throws(run, (error: unknown) => error instanceof ResponseError && message.test(error.message));
}

describe('rename handlers', () => {
  it('prepares the rename of the name under the cursor, with its text as placeholder', () => {
    const m = marked(`${P}  party [|Sup|plier|] "S Ltd" as supplier\n}\n`);
    assert.deepEqual(handlePrepareRename(m.ctx, m.at), { range: m.ranges()[0], placeholder: 'Supplier' });
  });

  it('renames a scope in the file that declares it and in the file that imports it', () => {
    const m = marked({
      'catalogue.partnership': `partnership Catalogue "Catalogue" {
  term 2006-04-01 to 2030-03-31
  scope ICT "ICT services" {
    scope [|Core|] "ICT core services" {
      scope Network "Network"
    }
  }
  open ICT.[|Core|].Network
}
`,
      'main.partnership': `import "catalogue.partnership"
partnership Main "Main" {
  term 2010-01-01 to 2020-12-31
  party S "S Ltd" as supplier
  exclusive S over Catalogue.ICT.[|C|ore|] except Catalogue.ICT.[|Core|].Network
}
`,
    });
    const edit = handleRename(m.ctx, { ...m.at, newName: 'Essential' });
    assert.deepEqual(edit, {
      changes: {
        [m.uri('catalogue.partnership')]: m.ranges('catalogue.partnership').map((range) => ({ range, newText: 'Essential' })),
        [m.uri('main.partnership')]: m.ranges('main.partnership').map((range) => ({ range, newText: 'Essential' })),
      },
    });
    assert.equal(
      applyEdits(m.text('main.partnership'), edit.changes![m.uri('main.partnership')]).split('\n')[4],
      '  exclusive S over Catalogue.ICT.Essential except Catalogue.ICT.Essential.Network',
    );
  });

  it('renames a partnership where it is declared and where other files qualify names with it', () => {
    const m = marked({
      'catalogue.partnership': 'partnership [|Cat|alogue|] "Catalogue" {\n  term 2006-04-01 to 2030-03-31\n  party Council "Council" as client\n}\n',
      'main.partnership': `import "catalogue.partnership"\n${P}  party S "S Ltd" as supplier of [|Catalogue|].Council\n}\n`,
    });
    const edit = handleRename(m.ctx, { ...m.at, newName: 'Shared' });
    assert.deepEqual(edit.changes, {
      [m.uri('catalogue.partnership')]: [{ range: m.ranges('catalogue.partnership')[0], newText: 'Shared' }],
      [m.uri('main.partnership')]: [{ range: m.ranges('main.partnership')[0], newText: 'Shared' }],
    });
  });

  it('refuses keywords, invalid names, reserved words and names already taken', () => {
    const keyword = marked(`${P}  par|ty A "A" as client\n}\n`);
    refuses(() => handlePrepareRename(keyword.ctx, keyword.at), /Only the name of a party/);
    const m = marked(`${P}  party A "A" as client\n  party B "B" as supplier\n  obligation N "N" {\n    |A must pay "fees" to B\n  }\n}\n`);
    refuses(() => handleRename(m.ctx, { ...m.at, newName: '9lives' }), /`9lives` is not a valid name/);
    refuses(() => handleRename(m.ctx, { ...m.at, newName: 'scope' }), /`scope` is a keyword/);
    refuses(() => handleRename(m.ctx, { ...m.at, newName: 'B' }), /`B` is already declared in this partnership/);
    assert.ok(handleRename(m.ctx, { ...m.at, newName: ' Council ' }).changes![m.uri()].every((e) => e.newText === 'Council'));
  });
});
