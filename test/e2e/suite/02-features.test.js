'use strict';
// The language features as VS Code's own commands reach them (the same path an editor takes):
// hover, completion, definition, rename, formatting, outline, quick fixes, code lens,
// semantic tokens and folding.

const assert = require('assert');
const path = require('path');
const vscode = require('vscode');
const {
  FILES, fileUri, sameUri, diagnosticsOf, codeOf, codesOf, describeDiagnostics, waitFor, waitForCode, positionOf, lineMatching,
  open, restore, labelsOf, hoverText,
} = require('./helpers');

const base = (uri) => path.basename(uri.path);

describe('language features', function () {
  let sb; // Service Birmingham, open in an editor
  let sbText;

  before(async () => {
    ({ document: sb } = await open(FILES.serviceBirmingham));
    sbText = sb.getText();
    await waitFor(() => diagnosticsOf(sb.uri).length > 0, 'the server to check service-birmingham.partnership');
  });

  afterEach(async () => {
    await restore(sb, sbText);
  });

  it('hovers a party reference with its full name', async () => {
    // `BCC` in `as joint-venture of BCC, Capita` is a reference to the party BCC.
    const at = positionOf(sb, 'joint-venture of BCC', 'joint-venture of '.length + 1);
    const hovers = await waitFor(async () => {
      const result = await vscode.commands.executeCommand('vscode.executeHoverProvider', sb.uri, at);
      return result && result.length > 0 ? result : undefined;
    }, 'a hover on BCC');
    const text = hoverText(hovers);
    assert.match(text, /\*\*party\*\* `BCC` — Birmingham City Council/);
    assert.match(text, /Role: client/);
    const range = hovers.find((h) => h.range).range;
    assert.strictEqual(sb.getText(range), 'BCC');
  });

  it('completes parties after `accountable ` on a new line of a norm block', async () => {
    const line = lineMatching(sb, /^\s*obligation R01 /);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(sb.uri, new vscode.Position(line + 1, 0), '    accountable \n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const at = new vscode.Position(line + 1, '    accountable '.length);
    const labels = await waitFor(async () => {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', sb.uri, at);
      const found = labelsOf(list);
      return found.includes('BCC') ? found : undefined;
    }, 'parties in the completion list');
    for (const party of ['BCC', 'Capita', 'SB', 'ICF', 'Scrutiny']) assert.ok(labels.includes(party), `${party} not offered: ${labels.join(', ')}`);
    // Only parties belong there: no KPI, scope or keyword.
    for (const other of ['Availability', 'ICT', 'due', 'accountable']) assert.ok(!labels.includes(other), `${other} offered after accountable`);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', sb.uri, at);
    const bcc = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'BCC');
    assert.strictEqual(bcc.kind, vscode.CompletionItemKind.Class);
    assert.strictEqual(bcc.detail, 'Birmingham City Council');
  });

  it('goes to a definition in another file', async () => {
    const { document: cp } = await open(FILES.customerPlatform);
    const at = positionOf(cp, 'Catalogue.ICT.Core.CustomerApps', 'Catalogue.ICT.Core.'.length + 2);
    const results = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', cp.uri, at);
    assert.ok(results && results.length === 1, `expected one definition, got ${JSON.stringify(results)}`);
    const target = results[0];
    const uri = target.targetUri || target.uri;
    const range = target.targetSelectionRange || target.targetRange || target.range;
    assert.ok(sameUri(uri, fileUri(FILES.catalogue)), `definition in ${uri.path}, expected catalogue.partnership`);
    const catalogue = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(catalogue.getText(range), 'CustomerApps');
    assert.match(catalogue.lineAt(range.start.line).text, /^\s*scope CustomerApps "Customer-facing applications"/);
  });

  it('renames a party across files', async () => {
    const catalogue = await vscode.workspace.openTextDocument(fileUri(FILES.catalogue));
    const at = positionOf(catalogue, 'party Council', 'party '.length + 1);
    const edit = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', catalogue.uri, at, 'CityCouncil');
    assert.ok(edit, 'no rename edit');
    const byFile = new Map(edit.entries().map(([uri, edits]) => [base(uri), { uri, edits }]));
    assert.deepStrictEqual([...byFile.keys()].sort(), ['catalogue.partnership', 'customer-platform.partnership', 'joint-venture.partnership']);
    const originals = new Map();
    for (const { uri, edits } of byFile.values()) {
      const document = await vscode.workspace.openTextDocument(uri);
      originals.set(document, document.getText());
      // Every occurrence of `Council` as a name (not the word in titles) and nothing else.
      const expected = (document.getText().match(/\bparty Council\b|Catalogue\.Council\b/g) || []).length;
      assert.strictEqual(edits.length, expected, `${base(uri)}: ${edits.length} edits, expected ${expected}`);
      for (const e of edits) {
        assert.strictEqual(document.getText(e.range), 'Council', `${base(uri)} ${e.range.start.line + 1}: edits ${document.getText(e.range)}`);
        assert.strictEqual(e.newText, 'CityCouncil');
      }
    }
    try {
      assert.ok(await vscode.workspace.applyEdit(edit), 'the rename edit was not applied');
      const jv = await vscode.workspace.openTextDocument(fileUri(FILES.jointVenture));
      // The renamed reference still leads to the renamed declaration...
      const ref = positionOf(jv, 'Catalogue.CityCouncil', 'Catalogue.'.length + 1);
      const definitions = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', jv.uri, ref);
      assert.ok(definitions.length === 1 && sameUri(definitions[0].targetUri || definitions[0].uri, catalogue.uri), 'renamed reference does not resolve');
      // ...and no file has an unknown name.
      for (const document of originals.keys()) {
        assert.ok(!codesOf(document.uri).includes('P101'), `${base(document.uri)}: ${describeDiagnostics(document.uri)}`);
      }
    } finally {
      for (const [document, text] of originals) await restore(document, text);
    }
  });

  it('formats a document back to its canonical layout', async () => {
    const { document: jv } = await open(FILES.jointVenture);
    const original = jv.getText();
    try {
      const messy = original
        .replace(/^ {2}term /m, '      term    ')
        .replace(/^ {4}SB must deliver Catalogue\.ICT\.Core to/m, 'SB   must deliver Catalogue.ICT.Core   to')
        .replace(/^ {2}}$/m, '        }   ');
      assert.notStrictEqual(messy, original);
      await restore(jv, messy);
      const edits = await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', jv.uri, { tabSize: 2, insertSpaces: true });
      assert.ok(edits && edits.length > 0, 'formatting proposed no edit');
      const apply = new vscode.WorkspaceEdit();
      apply.set(jv.uri, edits);
      assert.ok(await vscode.workspace.applyEdit(apply));
      assert.strictEqual(jv.getText(), original);
      const again = await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', jv.uri, { tabSize: 2, insertSpaces: true });
      assert.strictEqual((again || []).length, 0, 'a formatted document should need no edit');
    } finally {
      await restore(jv, original);
    }
  });

  it('gives the outline of a document', async () => {
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', sb.uri);
    assert.strictEqual(symbols.length, 1);
    const [partnership] = symbols;
    assert.strictEqual(partnership.name, 'ServiceBirmingham');
    assert.strictEqual(partnership.kind, vscode.SymbolKind.Module);
    const child = (parent, name) => {
      const found = parent.children.find((c) => c.name === name);
      assert.ok(found, `${name} is not a child of ${parent.name}: ${parent.children.map((c) => c.name).join(', ')}`);
      return found;
    };
    const bcc = child(partnership, 'BCC');
    assert.strictEqual(bcc.kind, vscode.SymbolKind.Class);
    assert.strictEqual(bcc.detail, 'Birmingham City Council · client');
    const ict = child(partnership, 'ICT');
    assert.strictEqual(ict.kind, vscode.SymbolKind.Namespace);
    const core = child(ict, 'Core');
    assert.deepStrictEqual(core.children.map((c) => c.name), ['CorporateApps', 'ServiceApps']);
    assert.strictEqual(child(partnership, 'UserForecast').kind, vscode.SymbolKind.Function);
    assert.strictEqual(child(partnership, 'Availability').kind, vscode.SymbolKind.Property);
    assert.strictEqual(child(partnership, 'ProgrammeBoard').kind, vscode.SymbolKind.Struct);
    assert.ok(!partnership.children.some((c) => c.name === 'Core'), 'nested scopes belong under their parent');
  });

  it('offers the quick fixes of P104 (unknown role) and P101 (unknown name)', async () => {
    const cases = [
      { code: 'P104', find: 'as client\n', typo: 'as cleint\n', title: 'Change to `client`' },
      { code: 'P101', find: 'SB must deliver ICT.Core to BCC', typo: 'SB must deliver ICT.Core to BCX', title: 'Change to `BCC`' },
    ];
    for (const c of cases) {
      const start = sb.getText().indexOf(c.find);
      assert.ok(start >= 0, c.find);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(sb.uri, new vscode.Range(sb.positionAt(start), sb.positionAt(start + c.find.length)), c.typo);
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitForCode(sb.uri, c.code, true);
      const diagnostic = diagnosticsOf(sb.uri).find((d) => codeOf(d) === c.code);
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', sb.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const fix = (actions || []).find((a) => a.title === c.title);
      assert.ok(fix, `${c.code}: no "${c.title}" among ${JSON.stringify((actions || []).map((a) => a.title))}`);
      assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `${c.code}: the fix is not a quick fix`);
      assert.strictEqual(fix.isPreferred, true);
      assert.ok(fix.edit, `${c.code}: the fix has no edit`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.strictEqual(sb.getText(), sbText, `${c.code}: the fix did not restore the text`);
      await waitForCode(sb.uri, c.code, false);
    }
  });

  it('puts a code lens above every norm', async () => {
    const lenses = await waitFor(async () => {
      const result = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', sb.uri);
      return result && result.length > 0 ? result : undefined;
    }, 'code lenses');
    const norms = sbText.split('\n').filter((l) => /^\s*(obligation|permission|prohibition)\s/.test(l)).length;
    const obligations = sbText.split('\n').filter((l) => /^\s*obligation\s/.test(l)).length;
    // What each norm is, and (the example's results file tracks it) where each obligation stands today.
    const today = lenses.filter((l) => l.command && l.command.title.startsWith('Today: '));
    assert.strictEqual(lenses.length - today.length, norms);
    assert.strictEqual(today.length, obligations);
    const line = lineMatching(sb, /^\s*obligation CoreDelivery /);
    const lens = lenses.find((l) => l.range.start.line === line && !l.command.title.startsWith('Today: '));
    assert.ok(lens && lens.command, `no lens on line ${line + 1}`);
    assert.strictEqual(lens.command.title, 'SB must · every 1 month · measured by Availability');
    const onR01 = lenses.filter((l) => l.range.start.line === lineMatching(sb, /^\s*obligation R01 /)).map((l) => l.command.title);
    assert.deepStrictEqual(onR01, ['Today: done 2015-11-20', 'SB must · due by 2015-11 · no KPI']);
  });

  it('colours names by what they are (semantic tokens)', async () => {
    const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', sb.uri);
    const tokens = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', sb.uri);
    assert.ok(legend && tokens && tokens.data.length > 0, 'no semantic tokens');
    const decoded = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dLine, dChar, length, type, mods] = tokens.data.slice(i, i + 5);
      line += dLine;
      char = dLine === 0 ? char + dChar : dChar;
      const modifiers = legend.tokenModifiers.filter((_, bit) => mods & (1 << bit));
      decoded.push({ text: sb.getText(new vscode.Range(line, char, line, char + length)), line, type: legend.tokenTypes[type], modifiers });
    }
    const on = (pattern) => lineMatching(sb, pattern);
    const find = (text, lineNo) => decoded.find((t) => t.text === text && t.line === lineNo);
    const partyLine = on(/^\s*party BCC /);
    assert.deepStrictEqual(find('BCC', partyLine), { text: 'BCC', line: partyLine, type: 'class', modifiers: ['declaration'] });
    assert.strictEqual(find('client', partyLine).type, 'enumMember');
    const grant = on(/^\s*exclusive SB over ICT\.Core /);
    assert.deepStrictEqual(find('SB', grant), { text: 'SB', line: grant, type: 'class', modifiers: [] });
    assert.strictEqual(find('ICT', grant).type, 'type');
    assert.strictEqual(find('Core', grant).type, 'type');
    assert.deepStrictEqual(find('ServiceBirmingham', on(/^partnership ServiceBirmingham /)).modifiers, ['declaration']);
    assert.strictEqual(find('Availability', on(/^\s*kpi Availability /)).type, 'kpi');
    assert.deepStrictEqual(find('Availability', on(/^\s*measured-by Availability/)), { text: 'Availability', line: on(/^\s*measured-by Availability/), type: 'kpi', modifiers: [] });
  });

  it('folds blocks and comment runs', async () => {
    const ranges = await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', sb.uri);
    assert.ok(ranges && ranges.length > 0, 'no folding ranges');
    const has = (start, end, kind) => ranges.some((r) => r.start === start && r.end === end && r.kind === kind);
    const describe = () => ranges.map((r) => `${r.start + 1}-${r.end + 1}${r.kind ? `/${r.kind}` : ''}`).join(' ');
    const partnership = lineMatching(sb, /^partnership ServiceBirmingham /);
    const last = sbText.trimEnd().split('\n').length - 1; // the closing `}`
    assert.ok(has(partnership, last - 1, undefined), `no fold for the partnership block: ${describe()}`);
    const r01 = lineMatching(sb, /^\s*obligation R01 /);
    assert.ok(has(r01, r01 + 5, undefined), `no fold for R01: ${describe()}`);
    assert.ok(has(0, partnership - 1, vscode.FoldingRangeKind.Comment), `no fold for the leading doc comment: ${describe()}`);
  });
});
