// Issue 16, items 2 and 3 in the language server, and the export request's format: a workspace
// file over the cap gets one diagnostic, imports stay in the workspace unless allowed, and an
// export names one of three formats.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, uri } from '../helpers/lsp-client';
import { MAX_CONTRACT_BYTES } from '../../../server/out/files/safe-read';

const CONTRACT = 'partnership X "X" {\n  term 2010-01-01 to 2011-01-01\n}\n';

describe('reading files safely (language server)', function () {
  this.timeout(30000);
  let client: LspClient;
  let root: string;
  let main: string;
  let huge: string;
  let importer: string;

  before(async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-hostile-lsp-'));
    root = path.join(base, 'workspace');
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(base, 'outside.partnership'), 'partnership Outside "O" {\n  term 2010-01-01 to 2011-01-01\n}\n');
    main = path.join(root, 'main.partnership');
    fs.writeFileSync(main, `import "../outside.partnership"\n${CONTRACT}`);
    huge = path.join(root, 'huge.partnership');
    fs.closeSync(fs.openSync(huge, 'w'));
    fs.truncateSync(huge, MAX_CONTRACT_BYTES + 1);
    importer = path.join(root, 'importer.partnership');
    fs.writeFileSync(importer, `import "huge.partnership"\n${CONTRACT.replace('X "X"', 'Y "Y"')}`);
    client = new LspClient();
    await client.initialize(root);
  });
  after(async () => client?.stop());

  it('a workspace file over the cap gets one diagnostic and is not parsed', async () => {
    await client.until(() => client.diagnostics.has(uri(huge)), 'diagnostics of the large file');
    const found = client.diagnostics.get(uri(huge))!.diagnostics;
    assert.equal(found.length, 1, found.map((d) => d.message).join('\n'));
    assert.match(String(found[0].message), /^This file is not analysed: it is too large \(65 MB; the limit is 64 MB\)\.$/);
  });

  it('a workspace file that imports one over the cap gets P105 "too large", not an empty partnership', async () => {
    await client.until(() => client.codes(importer).length > 0, 'diagnostics of the importer');
    const p105 = client.diagnostics.get(uri(importer))!.diagnostics.filter((d) => d.code === 'P105');
    assert.equal(p105.length, 1);
    assert.match(String(p105[0].message), /^Cannot import `huge\.partnership`: it is too large \(65 MB; the limit is 64 MB\)\.$/);
  });

  it('an import outside the workspace is P105 until the setting allows it', async () => {
    await client.until(() => client.codes(main).length > 0, 'diagnostics of main');
    const message = (): string => client.diagnostics.get(uri(main))!.diagnostics.map((d) => d.message).join('\n');
    assert.match(message(), /Cannot import `\.\.\/outside\.partnership`: it is outside the workspace/);
    await client.connection.sendNotification('partnership/importPolicy', { allowImportsOutsideWorkspace: true });
    await client.until(() => !message().includes('outside the workspace'), 'the import allowed');
    assert.deepEqual(client.codes(main).filter((c) => c.endsWith('P105')), []);
    await client.connection.sendNotification('partnership/importPolicy', { allowImportsOutsideWorkspace: 'yes' });
    await client.until(() => message().includes('outside the workspace'), 'the import refused again');
  });

  it('an export request names html, md or csv; anything else is an InvalidParams error', async () => {
    const ask = (format: unknown) => client.connection.sendRequest('partnership/exportMatrix', { uri: uri(main), format });
    assert.match((await ask('csv')) as string, /^Group,Norm,Kind,Title,Statement/);
    for (const format of ['constructor', '__proto__', 'toString', 'pdf', 42, undefined]) {
      await assert.rejects(ask(format), (e: { code: number; message: string }) => e.code === -32602 && /format must be html, md or csv/.test(e.message), String(format));
    }
  });
});
