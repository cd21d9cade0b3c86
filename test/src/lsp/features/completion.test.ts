// Completion called directly on marked documents: what is offered where the cursor stands,
// own names plain and imported names qualified by their partnership.
import * as assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { handleCompletion } from '../../../../server/out/lsp/features/completion';
import { marked } from '../../helpers/features';

const catalogue = `partnership Catalogue "Catalogue" {
  term 2006-04-01 to 2030-03-31
  party Council "The council" as client
  scope ICT "ICT services" {
    scope Core "ICT core services"
    scope Projects "Projects"
  }
  kpi Shared "Shared KPI" {
    owner Council
    target >= 90%
  }
}
`;

/** The labels offered at the cursor of `main`, which imports the catalogue. */
function labels(main: string): string[] {
  const m = marked({ 'catalogue.partnership': catalogue, 'main.partnership': `import "catalogue.partnership"\n${main}` });
  return handleCompletion(m.ctx, { ...m.at }).map((item) => item.label);
}

const head = 'partnership Main "Main" {\n  term 2010-01-01 to 2020-12-31\n  party S "S Ltd" as supplier\n  scope Local "Local"\n';

describe('completion handler', () => {
  it('offers parties after accountable: own plain, imported qualified', () => {
    assert.deepEqual(labels(`${head}  obligation N "N" {\n    S must deliver Local\n    accountable |\n  }\n}\n`), ['S', 'Catalogue.Council']);
  });

  it('offers scopes after over, by path', () => {
    assert.deepEqual(labels(`${head}  exclusive S over |\n}\n`), ['Local', 'Catalogue.ICT', 'Catalogue.ICT.Core', 'Catalogue.ICT.Projects']);
  });

  it('offers the children of an imported scope after its qualified name and a dot', () => {
    assert.deepEqual(labels(`${head}  exclusive S over Catalogue.ICT.|\n}\n`), ['Core', 'Projects']);
    assert.deepEqual(labels(`${head}  exclusive S over Catalogue.|\n}\n`), ['Council', 'ICT', 'Shared']);
  });

  it('offers KPIs after measured-by, also after a comma', () => {
    const kpi = '  kpi Mine "Mine" {\n    owner S\n    target >= 1%\n  }\n';
    assert.deepEqual(labels(`${head}${kpi}  obligation N "N" {\n    S must deliver Local\n    measured-by |\n  }\n}\n`), ['Mine', 'Catalogue.Shared']);
    assert.deepEqual(labels(`${head}${kpi}  obligation N "N" {\n    S must deliver Local\n    measured-by Mine, |\n  }\n}\n`), ['Mine', 'Catalogue.Shared']);
  });

  it('offers roles after as, each documented', () => {
    const m = marked('partnership P "P" {\n  term 2020-01-01 to 2020-12-31\n  party A "A" as |\n}\n');
    const items = handleCompletion(m.ctx, m.at);
    assert.deepEqual(items.map((i) => i.label), ['client', 'supplier', 'joint-venture', 'subcontractor', 'client-function', 'regulator', 'partner', 'group']);
    assert.ok(items.every((i) => i.kind === CompletionItemKind.EnumMember && typeof i.documentation === 'string' && i.documentation.length > 0));
  });

  it('offers the statements of the enclosing block on an empty line: snippets in a partnership, keywords and parties in a norm', () => {
    const m = marked('partnership P "P" {\n  term 2020-01-01 to 2020-12-31\n  |\n}\n');
    const items = handleCompletion(m.ctx, m.at);
    assert.deepEqual(items.map((i) => i.label), ['term', 'source', 'party', 'scope', 'exclusive', 'open', 'interface', 'obligation', 'permission', 'prohibition', 'kpi', 'body', 'note', 'event', 'charge', 'variation', 'power', 'value', 'objective', 'calendar']);
    const party = items.find((i) => i.label === 'party')!;
    assert.equal(party.insertTextFormat, InsertTextFormat.Snippet);
    assert.match(party.insertText!, /^party \$\{1:Name\} "\$\{2:Full name\}" as \$\{3\|client,/);
    assert.deepEqual(labels(`${head}  obligation N "N" {\n    |\n  }\n}\n`), [
      'due', 'every', 'accountable', 'consulted', 'informed', 'scope', 'measured-by', 'otherwise', 'clause', 'note',
      'when', 'from', 'until', 'amount', 'endeavours', 'notice', 'S', 'Catalogue.Council',
    ]);
  });

  it('offers the modals after the subject of a norm, and nothing inside a word that needs no completion', () => {
    assert.deepEqual(labels(`${head}  obligation N "N" {\n    S |\n  }\n}\n`), ['must', 'may', 'must not', 'can']);
    assert.deepEqual(labels(`${head}  obligation N "N" {\n    S must deliver "wo|rk"\n  }\n}\n`), []);
  });
});
