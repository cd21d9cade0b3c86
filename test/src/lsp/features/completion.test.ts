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

describe('completion in the second version\'s lines', () => {
  const v2 = `partnership Main "Main" {
  term 2010-01-01 to 2020-12-31
  party S "S Ltd" as supplier
  party C "Council" as client
  scope Local "Local"
  event Breach "Notice of material breach" clause "40.1"
  charge Core "Core charge" {
    C pays S
    £1m per year
  }
  body Board "Board" { chair C }
  body Leaders "Leaders" { chair C }
  kpi Up "Uptime" { owner S }
  obligation Plan "Plan" {
    S must deliver "a plan" to C
  }
  permission StepIn "Step in" {
    C may operate Local
  }
`;
  /** The labels offered at the cursor, in a document that imports the catalogue. */
  const at = (rest: string): string[] => labels(`${v2}${rest}}\n`);
  const inNorm = (line: string): string[] => at(`  obligation N "N" {\n    S must deliver Local\n    ${line}\n  }\n`);
  const inBlock = (declaration: string, line: string): string[] => at(`  ${declaration} {\n    ${line}\n  }\n`);

  it('offers within after due, what a deadline counts from after of, and expiry after before', () => {
    assert.deepEqual(inNorm('due |'), ['within', 'before expiry']);
    assert.deepEqual(inNorm('due within 10 working days |'), ['of']);
    // Events and obligations (the norms that are done), never a permission; and the term's first day.
    assert.deepEqual(inNorm('due within 10 working days of |'), ['Breach', 'Plan', 'start']);
    assert.deepEqual(inNorm('due 12 months |'), ['before']);
    assert.deepEqual(inNorm('due 12 months before |'), ['expiry']);
  });

  it('offers events after when and from, expiry after until, and the levels after endeavours', () => {
    assert.deepEqual(inNorm('when |'), ['Breach']);
    assert.deepEqual(inNorm('when Breach, |'), ['Breach']);
    assert.deepEqual(inNorm('from |'), ['Breach', 'start']);
    assert.deepEqual(inNorm('every 1 month from |'), ['Breach', 'start']);
    assert.deepEqual(inNorm('until |'), ['expiry']);
    assert.deepEqual(inNorm('endeavours |'), ['reasonable', 'all-reasonable', 'best']);
  });

  it('offers parties for joint subjects and beneficiaries, and the calendars', () => {
    assert.deepEqual(at('  obligation N "N" {\n    S, |\n  }\n'), ['S', 'C', 'Catalogue.Council']);
    assert.deepEqual(inNorm('S, C must deliver Local to C, |'), ['S', 'C', 'Catalogue.Council']);
    assert.deepEqual(at('  calendar |\n'), ['england-and-wales', 'scotland', 'northern-ireland', 'weekdays']);
  });

  it('offers charges after credit … of, bodies after escalates-to, and the meeting word', () => {
    assert.deepEqual(inBlock('kpi K "K"', 'credit 2% of |'), ['Core']);
    assert.deepEqual(inBlock('kpi K "K"', 'credit 2% of Core when |'), ['>=', '<=', '>', '<', '=']);
    assert.deepEqual(inBlock('body B "B"', 'escalates-to |'), ['Board', 'Leaders']);
    assert.deepEqual(inBlock('body B "B"', 'meets |'), ['every']);
  });

  it('offers a charge\'s statements, its payer and payee, and the units of an amount', () => {
    assert.deepEqual(inBlock('charge X "X"', '|'), ['scope', 'note', 'clause', 'indexed', 'credit-cap', 'S', 'C', 'Catalogue.Council', 'amount line']);
    assert.deepEqual(inBlock('charge X "X"', 'C |'), ['pays']);
    assert.deepEqual(inBlock('charge X "X"', 'C pays |'), ['S', 'C', 'Catalogue.Council']);
    assert.deepEqual(inBlock('charge X "X"', '£35 per |'), ['year', 'quarter', 'month', 'week', 'day']);
    assert.deepEqual(inBlock('charge X "X"', 'credit-cap 12% per |'), ['year', 'quarter', 'month']);
  });

  it('offers a variation\'s statements, the partnerships it may vary and what it may end or return', () => {
    assert.deepEqual(inBlock('variation V "V"', '|'), ['varies', 'agreed', 'effective', 'ends', 'returns', 'clause', 'note', 'term to']);
    assert.deepEqual(inBlock('variation V "V"', 'varies |'), ['Main', 'Catalogue']);
    assert.deepEqual(inBlock('variation V "V"', 'ends |'), ['Core', 'Board', 'Leaders', 'Up', 'Plan', 'StepIn', 'Catalogue.Shared', 'exclusive', 'open']);
    assert.deepEqual(inBlock('variation V "V"', 'returns |'), ['Local', 'Catalogue.ICT', 'Catalogue.ICT.Core', 'Catalogue.ICT.Projects']);
    assert.deepEqual(inBlock('variation V "V"', 'returns Local to |'), ['S', 'C', 'Catalogue.Council']);
  });

  it('offers snippets for the new declarations, each with its required lines', () => {
    const m = marked('partnership P "P" {\n  term 2020-01-01 to 2020-12-31\n  |\n}\n');
    const items = new Map(handleCompletion(m.ctx, m.at).map((i) => [i.label, i]));
    for (const word of ['event', 'charge', 'variation', 'power', 'value', 'objective', 'calendar']) {
      const item = items.get(word)!;
      assert.equal(item.insertTextFormat, InsertTextFormat.Snippet, word);
      assert.ok(item.insertText!.startsWith(`${word} `), word);
    }
    assert.match(items.get('charge')!.insertText!, /\$\{3:Payer\} pays \$\{4:Payee\}\n\t\$\{5:£1m\} per \$\{6\|year,quarter,month,week,day\|\}/);
    assert.match(items.get('power')!.insertText!, / can .*\n\twhen .*\n\tnotice /);
    assert.match(items.get('calendar')!.insertText!, /\|england-and-wales,scotland,northern-ireland,weekdays\|/);
  });
});
