// The language server over a real LSP connection (stdio), as any editor drives it: workspace
// diagnostics across contracts, and every feature on real documents.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type {
  CodeAction, CodeLens, CompletionItem, DocumentSymbol, FoldingRange, Hover, Location, SemanticTokens, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { tokenLegend } from '../../../server/out/lsp/features/semantic-tokens';
import { LspClient, uri } from '../helpers/lsp-client';
import { examples } from '../helpers/paths';
import { STATEMENT_KEYWORDS } from '../../../server/out/core/language/vocabulary';

function workspaceCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-lsp-'));
  fs.cpSync(examples, dir, { recursive: true });
  return dir;
}

function position(text: string, needle: string, offset = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in text`);
  const before = text.slice(0, at + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('language server over stdio', function () {
  this.timeout(30000);
  let client: LspClient;
  let root: string;
  let jv: string;
  let cp: string;
  let sb: string;
  let sbText: string;

  before(async () => {
    root = workspaceCopy();
    jv = path.join(root, 'portfolio', 'joint-venture.partnership');
    cp = path.join(root, 'portfolio', 'customer-platform.partnership');
    sb = path.join(root, 'service-birmingham', 'service-birmingham.partnership');
    sbText = fs.readFileSync(sb, 'utf8');
    client = new LspClient();
    const init = (await client.initialize(root)) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
    assert.equal(init.serverInfo.name, 'partnership-language-server');
    assert.ok(init.capabilities.hoverProvider && init.capabilities.completionProvider && init.capabilities.renameProvider);
  });
  after(async () => client?.stop());

  it('publishes diagnostics for every workspace file at start, conflicts in both contracts', async () => {
    await client.until(() => client.codes(jv).length > 0 && client.codes(cp).length > 0, 'portfolio diagnostics');
    assert.ok(client.codes(jv).some((c) => c.endsWith('P201')) && client.codes(jv).some((c) => c.endsWith('P202')));
    assert.ok(client.codes(cp).some((c) => c.endsWith('P201')) && client.codes(cp).some((c) => c.endsWith('P202')));
    const p201 = client.diagnostics.get(uri(cp))!.diagnostics.find((d) => d.code === 'P201')!;
    assert.equal(p201.relatedInformation![0].location.uri, uri(jv));
    await client.until(() => client.diagnostics.has(uri(sb)), 'service birmingham diagnostics');
    assert.deepEqual(client.diagnostics.get(uri(sb))!.diagnostics.filter((d) => d.severity === 1 || d.severity === 2), []);
  });

  it('updates a conflict in the other contract when one contract changes, with the version', async () => {
    const text = fs.readFileSync(cp, 'utf8');
    await client.open(cp, text, 1);
    await client.until(() => client.diagnostics.get(uri(cp))?.version === 1, 'the opened version published');
    const from = client.history.length;
    const removed = text.replace(/^\s*exclusive Vendor over .*$/m, '');
    await client.change(cp, removed, 2);
    await client.until(() => !client.codes(jv).some((c) => c.endsWith('P201')), 'P201 to leave the joint venture contract');
    assert.equal(client.diagnostics.get(uri(cp))!.version, 2);
    // The two contracts the edit changed are published again, and no other file of the workspace.
    assert.deepEqual([...new Set(client.history.slice(from).map((p) => p.uri))].sort(), [uri(cp), uri(jv)].sort());
    await client.change(cp, text, 3);
    await client.until(() => client.codes(jv).some((c) => c.endsWith('P201')), 'P201 to return');
  });

  it('answers the live preview with the change since the matrix it holds, or the matrix whole', async () => {
    type Row = { norm: string; title: string; line: number };
    type Update = { id: string; base: string | null; matrix: { groups: { rows: (Row | { same: number; line: number } | { from: number; count: number; shift: number })[] }[] } };
    const ask = (since: string | null) => client.connection.sendRequest('partnership/matrixUpdate', { uri: uri(sb), since }) as Promise<Update>;
    const rows = (u: Update) => u.matrix.groups.flatMap((g) => g.rows);
    const whole = (u: Update) => rows(u).filter((r) => !('same' in r) && !('from' in r)) as Row[];
    await client.open(sb, sbText, 1);
    const first = await ask(null);
    assert.equal(first.base, null);
    assert.equal(whole(first).length, rows(first).length);
    assert.ok(rows(first).length > 5);
    // A line typed above everything and one norm retitled: that norm is sent, the others are referred to, one line down.
    const changed = sbText.replace(/^(\s*)(party )/m, '$1// a new line\n$1$2').replace('obligation R04 "', 'obligation R04 "Retitled: ');
    await client.change(sb, changed, 2);
    const second = await ask(first.id);
    assert.equal(second.base, first.id);
    assert.deepEqual(whole(second).map((r) => r.norm), ['R04']);
    assert.match(whole(second)[0].title, /^Retitled: /);
    // Every other row is referred to one line down, most of them in runs.
    let referred = 0;
    for (const [i, row] of rows(second).entries()) {
      if ('same' in row) assert.equal(row.line, (rows(first)[row.same] as Row).line + 1, `row ${i}`);
      if ('from' in row) assert.equal(row.shift, 1, `run ${i}`);
      referred += 'same' in row ? 1 : 'from' in row ? row.count : 0;
    }
    assert.equal(referred, rows(first).length - 1);
    assert.ok(rows(second).length < rows(first).length / 2, 'runs, not a reference per row');
    // Asked against a matrix the server no longer has: the matrix whole.
    const third = await ask(first.id);
    assert.equal(third.base, null);
    assert.equal(whole(third).length, rows(third).length);
    // Closing the document forgets its matrix.
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(sb) } });
    assert.equal((await ask(third.id)).base, null);
  });

  it('exports the matrix grouped as asked, saying which contracts it was made from and when', async () => {
    const byScope = (await client.connection.sendRequest('partnership/exportMatrix', { uri: uri(cp), format: 'md' })) as string;
    const inOrder = (await client.connection.sendRequest('partnership/exportMatrix', { uri: uri(cp), format: 'md', grouping: 'order' })) as string;
    assert.match(byScope, /\| \*\*Catalogue\.ICT — ICT services\*\* \|/);
    assert.match(inOrder, /\| \*\*Every norm, in the order of the contract\*\* \|/);
    assert.match(inOrder, /^\*Made by Partnership Language Tools from customer-platform\.partnership and joint-venture\.partnership on \d{4}-\d\d-\d\d at \d\d:\d\d UTC\.\*$/m);
    assert.match(inOrder, /Other side: joint-venture\.partnership, line 19 /);
  });

  it('hovers a party reference with its full name and role, and a keyword with its documentation', async () => {
    await client.open(sb, sbText, 1);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(sb) }, position: position(sbText, 'accountable ICF', 12) })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*party\*\* `ICF` — Intelligent Client Function/);
    assert.match(value, /Role: client-function of `BCC`/);
    const keyword = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(sb) }, position: position(sbText, 'measured-by', 2) })) as Hover;
    assert.match((keyword.contents as { value: string }).value, /^\*\*measured-by\*\*/);
  });

  it('hovers a scope with its covers lines and who holds it exclusively', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(sb) }, position: position(sbText, 'SB must deliver ICT.Core', 20) })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*scope\*\* `ICT.Core`/);
    // The grant ends with the term: 2016-03-31 as written, 2021-03-31 as varied by Extension2010.
    assert.match(value, /Exclusive to `SB` from 2006-04-01 to 2021-03-31, term extended to 2021-03-31 by Extension2010 \(clause 2\.3\.1\)/);
  });

  it('completes parties after `accountable`, KPIs after `measured-by`, scopes after `over`, children after `ICT.`', async () => {
    const names = async (text: string, marker: string): Promise<string[]> => {
      const file = path.join(root, 'service-birmingham', 'scratch.partnership');
      await client.open(file, text.replace(marker, ''), 1);
      const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri(file) }, position: position(text, marker) })) as CompletionItem[];
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(file) } });
      return items.map((i) => i.label);
    };
    const base = 'partnership S "s" {\n  term 2010-01-01 to 2020-12-31\n  party P "P Ltd" as supplier\n  party Q "Q" as client\n  scope ICT "ICT" { scope Core "Core" scope Web "Web" }\n  kpi K "k" { owner P }\n';
    assert.deepEqual(await names(`${base}  obligation O "o" {\n    P must run ICT to Q\n    accountable |\n  }\n}\n`, '|'), ['P', 'Q']);
    assert.deepEqual(await names(`${base}  obligation O "o" {\n    P must run ICT to Q\n    measured-by |\n  }\n}\n`, '|'), ['K']);
    assert.deepEqual(await names(`${base}  exclusive P over |\n}\n`, '|'), ['ICT', 'ICT.Core', 'ICT.Web']);
    assert.deepEqual(await names(`${base}  open ICT.|\n}\n`, '|'), ['Core', 'Web']);
    assert.ok((await names(`${base}  party R "R" as |\n}\n`, '|')).includes('client-function'));
    const kpiLines = await names(`${base}  kpi L "l" {\n    |\n  }\n}\n`, '|');
    assert.deepEqual(kpiLines, STATEMENT_KEYWORDS.kpi);
  });

  it('goes to the definition in another file and finds references everywhere', async () => {
    const jvText = fs.readFileSync(jv, 'utf8');
    await client.open(jv, jvText, 1);
    const at = position(jvText, 'Catalogue.ICT.Core', 'Catalogue.ICT.'.length);
    const definition = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: uri(jv) }, position: at })) as Location;
    assert.equal(definition.uri, uri(path.join(root, 'portfolio', 'catalogue.partnership')));
    const references = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri: uri(jv) }, position: at, context: { includeDeclaration: true } })) as Location[];
    const files = new Set(references.map((r) => path.basename(new URL(r.uri).pathname)));
    assert.deepEqual([...files].sort(), ['catalogue.partnership', 'customer-platform.partnership', 'joint-venture.partnership']);
  });

  it('renames across files, and refuses invalid or taken names', async () => {
    const at = position(sbText, 'accountable ICF', 12);
    const prepared = (await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: uri(sb) }, position: at })) as { placeholder: string };
    assert.equal(prepared.placeholder, 'ICF');
    const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: uri(sb) }, position: at, newName: 'ClientTeam' })) as WorkspaceEdit;
    const edits = edit.changes![uri(sb)];
    assert.equal(edits.length, sbText.match(/\bICF\b/g)!.length);
    // Applied, the edits give exactly the document with every name ICF, and nothing else, renamed.
    const lines = sbText.split('\n');
    for (const e of [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
      const line = lines[e.range.start.line];
      lines[e.range.start.line] = line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.end.character);
    }
    assert.equal(lines.join('\n'), sbText.replace(/(?<![\w-])ICF(?![\w-])/g, 'ClientTeam'));
    await assert.rejects(client.connection.sendRequest('textDocument/rename', { textDocument: { uri: uri(sb) }, position: at, newName: '2bad' }), /not a valid name/);
    await assert.rejects(client.connection.sendRequest('textDocument/rename', { textDocument: { uri: uri(sb) }, position: at, newName: 'SB' }), /already declared/);
    await assert.rejects(client.connection.sendRequest('textDocument/rename', { textDocument: { uri: uri(sb) }, position: at, newName: 'due' }), /keyword/);
    await assert.rejects(client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: uri(sb) }, position: position(sbText, 'term 2006') }), /can be renamed/);
  });

  it('gives the outline, workspace symbols, semantic tokens, folding ranges and code lenses', async () => {
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(sb) } })) as DocumentSymbol[];
    assert.equal(symbols[0].name, 'ServiceBirmingham');
    const ict = symbols[0].children!.find((s) => s.name === 'ICT')!;
    assert.deepEqual(ict.children!.map((c) => c.name), ['Core', 'Projects']);
    const found = (await client.connection.sendRequest('workspace/symbol', { query: 'UserFore' })) as { name: string }[];
    assert.deepEqual(found.map((s) => s.name), ['UserForecast']);
    const tokens = (await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: uri(sb) } })) as SemanticTokens;
    assert.ok(tokens.data.length > 100 && tokens.data.length % 5 === 0);
    // A KPI named after measured-by has the extension's own `kpi` type, which package.json declares.
    const legend = tokenLegend;
    const kpi = position(sbText, 'measured-by Availability', 'measured-by '.length);
    let line = 0;
    let character = 0;
    const types: string[] = [];
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
      if (line === kpi.line && character === kpi.character) types.push(legend.tokenTypes[tokens.data[i + 3]]);
    }
    assert.deepEqual(types, ['kpi']);
    const manifest = JSON.parse(fs.readFileSync(path.join(examples, '..', 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.semanticTokenTypes.map((t: { id: string }) => t.id), ['kpi', 'charge', 'variation']);
    assert.ok(manifest.contributes.semanticTokenScopes[0].scopes.kpi.includes('entity.name.function.kpi.partnership'));
    const folds = (await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: uri(sb) } })) as FoldingRange[];
    assert.ok(folds.some((f) => f.startLine === position(sbText, 'partnership ServiceBirmingham').line));
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri(sb) } })) as CodeLens[];
    assert.ok(lenses.some((l) => l.command!.title === 'BCC must · every 6 months from 2006-10-01 · no KPI'));
  });

  it('offers quick fixes carried by their diagnostics, and formats a messy document', async () => {
    const file = path.join(root, 'service-birmingham', 'fix.partnership');
    const text = 'partnership F "f" {\n  term 2010-01-01 to 2020-12-31\n  party Council "City Council" as cliant\n    scope  S "s"\n}\n';
    await client.open(file, text, 1);
    await client.until(() => client.codes(file).some((c) => c.endsWith('P104')), 'P104');
    const diagnostic = client.diagnostics.get(uri(file))!.diagnostics.find((d) => d.code === 'P104')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(file) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    assert.equal(actions[0].title, 'Change to `client`');
    assert.equal(actions[0].edit!.changes![uri(file)][0].newText, 'client');
    const edits = (await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri: uri(file) }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
    assert.equal(edits.length, 1);
    assert.equal(edits[0].newText, 'partnership F "f" {\n  term 2010-01-01 to 2020-12-31\n  party Council "City Council" as cliant\n  scope S "s"\n}\n');
  });

  it('clears the diagnostics of a file outside the workspace when it closes, and of a deleted file', async () => {
    const outside = path.join(os.tmpdir(), `outside-${process.pid}.partnership`);
    await client.open(outside, 'partnership X "x" { }', 1);
    await client.until(() => client.codes(outside).length > 0, 'P107 outside the workspace');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(outside) } });
    await client.until(() => client.diagnostics.get(uri(outside))!.diagnostics.length === 0, 'cleared on close');
    const gone = path.join(root, 'portfolio', 'customer-platform.partnership');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(gone) } });
    fs.rmSync(gone);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(gone), type: 3 }] });
    await client.until(() => client.diagnostics.get(uri(gone))!.diagnostics.length === 0 && !client.codes(jv).some((c) => c.endsWith('P201')), 'deleted file cleared');
  });

  it('survives hostile input and keeps answering', async () => {
    const file = path.join(root, 'noise.partnership');
    await client.open(file, '\u0000\uD800{{{{"""\r\n}}}' + 'x'.repeat(1000), 1);
    await client.until(() => client.codes(file).length > 0, 'diagnostics for noise');
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(file) }, position: { line: 99, character: 99 } });
    assert.equal(hover, null);
    assert.equal(client.exited, false);
  });
});
