// Results files in the language server, over a real LSP connection (stdio): found in the
// workspace and checked (R001 to R008) with quick fixes; updated when the results file or a
// contract changes; completion of kinds and names, hover on a name, and the code lens above
// each obligation saying where it stands today.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { LspClient, positionIn as positionOf, uri } from '../helpers/lsp-client';
import { repoRoot } from '../helpers/paths';
import { applyStatusAnswer, type StatusAnswer } from '../../../shared/out/status-delta';

const fixture = path.join(repoRoot, 'test', 'fixtures', 'ledger', 'birmingham');
const contractText = fs.readFileSync(path.join(fixture, 'birmingham.partnership'), 'utf8');
// Every row here is settled before 2017, so what the code lens says does not depend on today.
const resultsText = `kind,name,date,value,note
event,BreachNotice,2016-05-03,,"Letter from the Head of ICT"
done,R01,2015-11-20,,
done,UserForecst,2016-04-11,,
result,Availability,2016-04,99.1%,
`;

describe('results files in the language server', function () {
  this.timeout(30000);
  let client: LspClient;
  let root: string;
  let contract: string;
  let results: string;
  const codesOf = (file: string): string[] => (client.diagnostics.get(uri(file))?.diagnostics ?? []).map((d) => `${d.range.start.line + 1} ${d.code}`);

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-lsp-results-'));
    contract = path.join(root, 'birmingham.partnership');
    results = path.join(root, 'tracking', 'birmingham.results.csv');
    fs.writeFileSync(contract, contractText);
    fs.mkdirSync(path.dirname(results));
    fs.writeFileSync(results, resultsText);
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('checks a results file found in the workspace, with a quick fix for a misspelt name', async () => {
    await client.until(() => codesOf(results).length > 0, 'the results file\'s diagnostics');
    assert.deepEqual(codesOf(results), ['4 R002']);
    const r002 = client.diagnostics.get(uri(results))!.diagnostics[0];
    assert.deepEqual(r002.range, { start: positionOf(resultsText, 'UserForecst'), end: positionOf(resultsText, 'UserForecst', 'UserForecst'.length) });
    const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(results) }, range: r002.range, context: { diagnostics: [r002] } }) as CodeAction[];
    const edit = actions.find((a) => a.isPreferred)?.edit?.changes?.[uri(results)]?.[0];
    assert.equal(edit?.newText, 'UserForecast');
  });

  it('follows edits of the open results file and of the contract', async () => {
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(results), languageId: 'partnership-results', version: 1, text: resultsText } });
    const edited = resultsText.replace('UserForecst', 'UserForecast') + 'done,R01,2016-01-05,,\n';
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(results), version: 2 }, contentChanges: [{ text: edited }] });
    // The misspelling is gone; R01's only occurrence is already done, so the new row finds none (R008).
    await client.until(() => codesOf(results).join() === '6 R008', 'R008 on the new row', 10000);
    // A contract edit that removes R01 makes the rows naming it unknown.
    await client.open(contract, contractText);
    await client.change(contract, contractText.replace('obligation R01 ', 'obligation R99 '), 2);
    await client.until(() => codesOf(results).join() === '3 R002,6 R002', 'R002 for the rows naming R01', 10000);
    await client.change(contract, contractText, 3);
    await client.until(() => codesOf(results).join() === '6 R008', 'the diagnostics as before', 10000);
  });

  it('completes kinds and names, and hovers on a name with where it stands', async () => {
    const text = `${resultsText}done,`;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(results), version: 3 }, contentChanges: [{ text }] });
    const names = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri(results) }, position: positionOf(text, 'done,', 5 + text.lastIndexOf('done,') - text.indexOf('done,')) }) as CompletionItem[];
    const labels = names.map((i) => i.label).sort();
    // A `done` row names an obligation: no KPI, no event.
    assert.deepEqual(labels, ['Attend', 'ExitPlan', 'R01', 'Rectify', 'Review', 'UserForecast']);
    const kinds = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri(results) }, position: positionOf(text, 'done,R01', 2) }) as CompletionItem[];
    assert.deepEqual(kinds.map((i) => i.label), ['event', 'done', 'result', 'waiver']);
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(results) }, position: positionOf(text, 'done,R01', 6) }) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*R01\*\* Operational plan: obligation of ServiceBirmingham/);
    assert.match(value, /done 2015-11-20/);
  });

  it('puts where each obligation stands today above it, once a results file tracks the partnership', async () => {
    const lenses = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri(contract) } }) as CodeLens[];
    const today = lenses.filter((l) => l.command?.title.startsWith('Today: ')).map((l) => `${l.range.start.line + 1} ${l.command!.title}`);
    assert.ok(today.includes(`${positionOf(contractText, 'obligation R01').line + 1} Today: done 2015-11-20`), today.join('\n'));
    assert.ok(today.some((t) => /^\d+ Today: overdue since 2016-05-17$/.test(t)), today.join('\n'));
    // No lens for a permission or for anything that is not an obligation.
    assert.equal(today.length, 6);
  });

  it('answers the status view as a change to the answer the preview holds', async () => {
    const ask = async (since: string | null): Promise<StatusAnswer> => (await client.connection.sendRequest('partnership/status', { uri: uri(contract), on: '2016-07-20', since })) as StatusAnswer;
    const first = await ask(null);
    assert.equal(first.base, null);
    assert.deepEqual(first.unchanged, []);
    // A row for an obligation: the KPIs' rows and strips are what they were.
    const text = `${resultsText}done,Rectify,2016-06-01,,\n`;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(results), version: 4 }, contentChanges: [{ text }] });
    const change = await ask(first.id);
    assert.equal(change.base, first.id);
    assert.ok(change.unchanged.includes('kpis') && change.unchanged.includes('timelineKpis'), change.unchanged.join());
    assert.ok(!change.unchanged.includes('obligations'), 'the obligations changed');
    assert.deepEqual(change.view.timeline.kpis, [], 'an unchanged part is sent empty');
    const whole = await ask(null);
    assert.deepEqual(applyStatusAnswer({ id: first.id, view: first.view }, change), whole.view);
    // An answer the server no longer holds: the whole view.
    const stale = await ask(first.id);
    assert.equal(stale.base, null);
    assert.deepEqual(stale.view, whole.view);
  });

  it('clears a deleted results file\'s diagnostics and stops tracking', async () => {
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(results) } });
    fs.rmSync(results);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(results), type: 3 }] });
    await client.until(() => (client.diagnostics.get(uri(results))?.diagnostics as Diagnostic[] | undefined)?.length === 0, 'the diagnostics cleared');
    const lenses = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri(contract) } }) as CodeLens[];
    assert.equal(lenses.filter((l) => l.command?.title.startsWith('Today: ')).length, 0);
  });
});

describe('code lenses of a tracked contract', function () {
  this.timeout(30000);

  it('asks an editor that can to refresh its lenses once the ledger of an edited contract is worked out', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-lsp-lens-'));
    const contract = path.join(root, 'birmingham.partnership');
    fs.writeFileSync(contract, contractText);
    fs.writeFileSync(path.join(root, 'birmingham.results.csv'), resultsText.replace('UserForecst', 'UserForecast'));
    const client = new LspClient();
    let refreshes = 0;
    client.connection.onRequest('workspace/codeLens/refresh', () => {
      refreshes++;
      return null;
    });
    try {
      await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: uri(root), workspaceFolders: [{ uri: uri(root), name: 'lens' }], capabilities: { workspace: { codeLens: { refreshSupport: true } } } });
      await client.connection.sendNotification('initialized', {});
      await client.open(contract, contractText);
      const lensOf = async (): Promise<string[]> => ((await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri(contract) } })) as CodeLens[])
        .map((l) => l.command?.title ?? '').filter((t) => t.startsWith('Today: '));
      assert.ok((await lensOf()).includes('Today: done 2015-11-20'));
      const before = refreshes;
      // R01's deadline moves to October 2015: done on 2015-11-20, it was 20 days late, and the lens
      // says so once the ledger of the edited contract is worked out.
      await client.change(contract, contractText.replace('due 2015-11\n', 'due 2015-10\n'), 2);
      const waitFor = async (test: () => boolean | Promise<boolean>): Promise<void> => {
        for (let i = 0; i < 100 && !(await test()); i++) await new Promise((r) => setTimeout(r, 50));
      };
      await waitFor(() => refreshes > before);
      assert.ok(refreshes > before, 'the server asked for the lenses again');
      assert.ok((await lensOf()).includes('Today: done 2015-11-20, 20 days late'), (await lensOf()).join('\n'));
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
