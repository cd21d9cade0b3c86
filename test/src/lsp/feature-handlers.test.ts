// Completion and rename handlers called directly on documents with a cursor marker `‸`, over a
// program of two files, one importing the other: what each slot offers, imported names
// qualified, and new names judged by the parser.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem } from 'vscode-languageserver';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { ROLES, STATEMENT_KEYWORDS } from '../../../server/out/core/language/vocabulary';
import { Positions } from '../../../server/out/lsp/convert';
import { DocumentIds } from '../../../server/out/lsp/documents';
import { handleCompletion } from '../../../server/out/lsp/features/completion';
import type { FeatureContext } from '../../../server/out/lsp/features/context';
import { handleRename } from '../../../server/out/lsp/features/rename';
import { withCursor } from '../helpers/markers';
import { MemoryHost } from '../helpers/memory-host';
import { LedgerView } from '../../../server/out/lsp/ledger-view';

const ROOT = path.resolve('/virtual-handlers');
const CATALOGUE = path.join(ROOT, 'catalogue.partnership');
const MAIN = path.join(ROOT, 'main.partnership');
const catalogueText = 'partnership Catalogue "c" {\n  term 2010-01-01 to 2020-12-31\n  party Vendor "V" as supplier\n  scope ICT "ICT" { scope Core "Core" }\n  kpi Uptime "u" { owner Vendor }\n}\n';
const head = 'import "catalogue.partnership"\npartnership S "s" {\n  term 2010-01-01 to 2020-12-31\n  party P "P" as supplier\n  party Q "Q" as client\n  scope Web "Web" { scope Shop "Shop" }\n  kpi K "k" { owner P }\n';

function featureContext(mainText: string): FeatureContext {
  const texts = new Map([[CATALOGUE, catalogueText], [MAIN, mainText]]);
  const program = new Analysis([{ file: MAIN, text: mainText }], { readFile: (file) => texts.get(file) });
  return { program, positions: new Positions((file) => texts.get(file)), ids: new DocumentIds(), ledger: new LedgerView(new MemoryHost(), () => program, (file) => file) };
}

function complete(marked: string): CompletionItem[] {
  const { text, offset } = withCursor(marked);
  const ctx = featureContext(text);
  return handleCompletion(ctx, { textDocument: { uri: pathToFileURL(MAIN).toString() }, position: ctx.positions.index(MAIN).position(offset) });
}

const labels = (marked: string): string[] => complete(marked).map((i) => i.label);
const inPartnership = (line: string): string => `${head}  ${line}\n}\n`;
const inNorm = (line: string): string => `${head}  obligation O "o" {\n    P must run Web\n    ${line}\n  }\n}\n`;

describe('completion, called on a document', () => {
  it('offers the keywords of each block, with snippets for declarations', () => {
    assert.deepEqual(labels(`‸${head}}\n`), STATEMENT_KEYWORDS.file);
    const declarations = complete(inPartnership('‸'));
    assert.deepEqual(declarations.map((i) => i.label), STATEMENT_KEYWORDS.partnership);
    assert.match(declarations.find((i) => i.label === 'party')!.insertText!, new RegExp(ROLES.join(',')));
    assert.deepEqual(labels(`${head}  kpi L "l" {\n    ‸\n  }\n}\n`), STATEMENT_KEYWORDS.kpi);
    assert.deepEqual(labels(`${head}  body B "b" {\n    ‸\n  }\n}\n`), STATEMENT_KEYWORDS.body);
    assert.deepEqual(labels(`${head}  scope X "x" {\n    ‸\n  }\n}\n`), STATEMENT_KEYWORDS.scope);
    assert.deepEqual(labels(inNorm('‸')), [...STATEMENT_KEYWORDS.norm, 'P', 'Q', 'Catalogue.Vendor']);
  });

  it('offers own names plain and imported ones qualified: top-level scopes, and every other declaration', () => {
    assert.deepEqual(labels(inNorm('accountable ‸')), ['P', 'Q', 'Catalogue.Vendor']);
    assert.deepEqual(labels(inNorm('measured-by K, ‸')), ['K', 'Catalogue.Uptime']);
    assert.deepEqual(labels(inPartnership('exclusive P over ‸')), ['Web', 'Web.Shop', 'Catalogue.ICT', 'Catalogue.ICT.Core']);
    assert.deepEqual(labels(inPartnership('open Catalogue.ICT.‸')), ['Core']);
    assert.deepEqual(labels(inPartnership('open Catalogue.‸')), ['Vendor', 'ICT', 'Uptime']);
    assert.deepEqual(labels(inPartnership('open Web.‸')), ['Shop']);
  });

  it('offers roles, modals, frequencies, comparators and bands where they go', () => {
    assert.deepEqual(labels(inPartnership('party R "R" as ‸')), [...ROLES]);
    assert.deepEqual(labels(inNorm('Q ‸')), ['must', 'may', 'must not', 'can']);
    assert.deepEqual(labels(`${head}  kpi L "l" {\n    measured ‸\n  }\n}\n`), ['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'every']);
    assert.deepEqual(labels(`${head}  kpi L "l" {\n    target ‸\n  }\n}\n`), ['>=', '<=', '>', '<', '=']);
    assert.deepEqual(labels(`${head}  body B "b" {\n    approves Web ‸\n  }\n}\n`), ['above', 'up to', 'from', 'any']);
    assert.match(String(complete(inNorm('Q ‸')).find((i) => i.label === 'must not')!.documentation), /prohibition/);
  });

  it('offers nothing for a new name, a date or inside a string', () => {
    assert.deepEqual(labels(inPartnership('party ‸')), []);
    assert.deepEqual(labels(inNorm('due within ‸')), []);
    assert.deepEqual(labels(inNorm('otherwise "‸')), []);
  });
});

describe('rename, called on a document', () => {
  const rename = (newName: string): unknown => {
    const { text, offset } = withCursor(inNorm('accountable ‸P'));
    const ctx = featureContext(text);
    return handleRename(ctx, { textDocument: { uri: pathToFileURL(MAIN).toString() }, position: ctx.positions.index(MAIN).position(offset), newName });
  };

  it('accepts any name the parser reads as one, keywords that start no statement included', () => {
    for (const name of ['Provider', 'over', 'client', 'x-1_b']) {
      const edit = rename(name) as { changes: Record<string, { newText: string }[]> };
      const edits = Object.values(edit.changes).flat();
      assert.ok(edits.length >= 3 && edits.every((e) => e.newText === name), name);
    }
  });

  it('refuses reserved words and malformed names, saying which', () => {
    assert.throws(() => rename('measured'), /`measured` is a keyword and cannot be a name/);
    assert.throws(() => rename('measured-by'), /is a keyword/);
    assert.throws(() => rename('2P'), /`2P` is not a valid name/);
    assert.throws(() => rename('P Q'), /is not a valid name/);
  });
});
