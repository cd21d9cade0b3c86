// The second version's editor features over a real LSP connection (stdio), on a workspace of
// two contracts, one varying the other: hover in plain words, completion in context,
// definition and rename across the files, semantic tokens, folding, outline and formatting.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompletionItem, DocumentSymbol, FoldingRange, Hover, Location, SemanticTokens, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { tokenLegend } from '../../../server/out/lsp/features/semantic-tokens';
import { LspClient, positionIn as position, uri } from '../helpers/lsp-client';

const mainText = `partnership Main "Main agreement" {
  term 2006-04-01 to 2021-03-31
  party A "A Council" as client
  party B "B Ltd" as supplier
  scope ICT "ICT" { scope Core "Core" }
  event Breach "Notice of material breach" clause "40.1"
  charge Fee "Core fee" { A pays B  £100m per year  £90m per year from 2011-04 }
  obligation Rectify "Rectification plan" {
    B must submit "a plan" to A
    due within 10 working days of Breach
  }
}
`;
const exitText = `import "main.partnership"
partnership Exit "Exit agreement" {
  term 2017-12-15 to 2021-03-31
  party Vendor "Vendor Ltd" as supplier
  variation Moves "The core moves" {
    varies Main
    effective 2018-04-01
    ends Main.Fee
    returns Main.ICT.Core to Main.A
  }
  obligation Notify "Notify" {
    Vendor must notify "the council" to Main.A
    when Main.Breach
  }
}
`;

describe('the second version over stdio', function () {
  this.timeout(30000);
  let client: LspClient;
  let main: string;
  let exit: string;
  const request = <T>(method: string, file: string, extra: Record<string, unknown> = {}): Promise<T> =>
    client.connection.sendRequest(method, { textDocument: { uri: uri(file) }, ...extra }) as Promise<T>;

  before(async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-lsp-v2-'));
    main = path.join(root, 'main.partnership');
    exit = path.join(root, 'exit.partnership');
    fs.writeFileSync(main, mainText);
    fs.writeFileSync(exit, exitText);
    client = new LspClient();
    await client.initialize(root);
    await client.open(exit, exitText);
    await client.until(() => client.diagnostics.has(uri(exit)), 'exit diagnostics');
  });
  after(async () => client?.stop());

  it('hovers in plain words across the files', async () => {
    const event = await request<Hover>('textDocument/hover', exit, { position: position(exitText, 'Main.Breach', 6) });
    const value = (event.contents as { value: string }).value;
    assert.match(value, /^\*\*event\*\* `Breach` — Notice of material breach/);
    assert.match(value, /- `Rectify` \(Rectification plan\): due within 10 working days of Notice of material breach \\\(clause 40\.1\\\)/);
    const variation = await request<Hover>('textDocument/hover', exit, { position: position(exitText, 'Moves', 1) });
    assert.match((variation.contents as { value: string }).value, /Changes:\n- ends Main\.Fee \\\(Core fee\\\)\n- returns Main\.ICT\.Core to Main\.A/);
  });

  it('completes events after when, and goes to the definition of what a variation ends', async () => {
    const edited = exitText.replace('when Main.Breach', 'when ');
    await client.open(exit, edited, 2);
    const items = await request<CompletionItem[]>('textDocument/completion', exit, { position: position(edited, 'when ', 5) });
    assert.deepEqual(items.map((i) => i.label), ['Main.Breach']);
    await client.open(exit, exitText, 3);
    const definition = await request<Location>('textDocument/definition', exit, { position: position(exitText, 'Main.Fee', 6) });
    assert.deepEqual(definition, { uri: uri(main), range: { start: position(mainText, 'Fee "'), end: position(mainText, 'Fee "', 3) } });
  });

  it('renames an event in the file that declares it and in the one that names it', async () => {
    const edit = await request<WorkspaceEdit>('textDocument/rename', exit, { position: position(exitText, 'Main.Breach', 6), newName: 'Notice' });
    assert.equal(edit.changes![uri(main)].length, 2);
    assert.equal(edit.changes![uri(exit)].length, 1);
  });

  it('colours, folds, outlines and formats a charge', async () => {
    await client.open(main, mainText);
    const tokens = await request<SemanticTokens>('textDocument/semanticTokens/full', main);
    const types = new Set<string>();
    for (let i = 3; i < tokens.data.length; i += 5) types.add(tokenLegend.tokenTypes[tokens.data[i]]);
    assert.ok(types.has('charge') && types.has('event'), [...types].join(' '));
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', main);
    const fee = symbols[0].children!.find((s) => s.name === 'Fee')!;
    assert.deepEqual(fee.children!.map((c) => c.name), ['£100m a year', '£90m a year from 2011-04']);
    const edits = await request<TextEdit[]>('textDocument/formatting', main, { options: { tabSize: 2, insertSpaces: true } });
    assert.match(edits[0].newText, /\n {2}charge Fee "Core fee" \{\n {4}A pays B\n {4}£100m per year\n {4}£90m per year from 2011-04\n {2}\}\n/);
    const folds = await request<FoldingRange[]>('textDocument/foldingRange', main);
    assert.ok(folds.some((f) => f.startLine === position(mainText, 'obligation Rectify').line));
  });
});
