// In the editor, a variation in one file changes another file's diagnostics as the lawyer types.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from '../helpers/lsp-client';
import { sharedCorpusV2 } from '../helpers/paths';

describe('language server: variations across files', function () {
  this.timeout(30000);
  let client: LspClient;
  let main: string;
  let exit: string;

  before(async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-variations-'));
    fs.cpSync(path.join(sharedCorpusV2, 'variations'), root, { recursive: true });
    for (const file of fs.readdirSync(root)) fs.writeFileSync(path.join(root, file), fs.readFileSync(path.join(root, file), 'utf8').replace(/ *\/\/~.*$/gm, ''));
    main = path.join(root, 'main.partnership');
    exit = path.join(root, 'exit.partnership');
    client = new LspClient();
    await client.initialize(root);
  });
  after(async () => client?.stop());

  it('brings back the conflict an ended grant prevented, and takes it away again', async () => {
    await client.until(() => client.codes(exit).some((c) => c.endsWith('P802')), 'the exit agreement\'s diagnostics');
    assert.ok(!client.codes(exit).some((c) => c.endsWith('P201')));
    const text = fs.readFileSync(exit, 'utf8');
    await client.open(exit, text, 1);
    await client.change(exit, text.replace('    ends exclusive Main.JV over Main.ICT.Core\n', ''), 2);
    await client.until(() => client.codes(exit).some((c) => c.endsWith('P201')), 'P201 once the grant no longer ends');
    await client.change(exit, text, 3);
    await client.until(() => !client.codes(exit).some((c) => c.endsWith('P201')), 'P201 to leave again');
  });

  it('reports a date beyond the term in the main agreement once its extension is undone', async () => {
    await client.until(() => client.codes(main).some((c) => c.endsWith('P801')), 'the main agreement\'s diagnostics');
    assert.ok(!client.codes(main).some((c) => c.endsWith('P303')));
    const text = fs.readFileSync(main, 'utf8');
    await client.open(main, text, 1);
    await client.change(main, text.replace('term to 2021-03-31', 'term to 2016-03-31'), 2);
    await client.until(() => client.codes(main).some((c) => c.endsWith('P303')), 'P303 on the final report');
    // The exit agreement's late variation is now later still: its message follows the new end.
    await client.until(() => client.diagnostics.get(`file://${exit}`)?.diagnostics.some((d) => d.code === 'P803' && String(d.message).includes('2016-03-31')) ?? false, 'P803 to follow the term');
  });
});
