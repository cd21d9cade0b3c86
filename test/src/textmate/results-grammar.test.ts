// The colouring of results files (syntaxes/partnership-results.tmLanguage.json), run by the
// engine VS Code uses: each cell is coloured as a whole by what it is, and a note that mentions
// a kind or a date stays one string.
import * as assert from 'node:assert/strict';
import * as textmate from 'vscode-textmate';
import { loadScope, RESULTS_SCOPE } from '../helpers/textmate';

describe('results files: TextMate grammar', () => {
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await loadScope(RESULTS_SCOPE);
  });

  /** Each token's text and its innermost scope without the suffix. */
  function tokens(line: string): string[] {
    return grammar.tokenizeLine(line, textmate.INITIAL).tokens
      .map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1].replace(/\.partnership-results$/, '')] as const)
      .filter(([text]) => text.trim() !== '' && text !== ',')
      .map(([text, scope]) => `${text} ${scope}`);
  }

  it('colours kinds, names, dates, values and quoted notes', () => {
    assert.deepEqual(tokens('result,ServiceBirmingham.Availability,2016-04,99.1%,"Network outage, 12 May"'), [
      'result keyword.control.kind',
      'ServiceBirmingham.Availability variable.other.name',
      '2016-04 constant.numeric.date',
      '99.1% constant.numeric.value',
      '" string.quoted.double', 'Network outage, 12 May string.quoted.double', '" string.quoted.double',
    ]);
    assert.deepEqual(tokens('result,P1Fix,2016-05-14,6 hours,'), ['result keyword.control.kind', 'P1Fix variable.other.name', '2016-05-14 constant.numeric.date', '6 hours constant.numeric.value']);
    assert.deepEqual(tokens('done,R01,2015-11-20,,'), ['done keyword.control.kind', 'R01 variable.other.name', '2015-11-20 constant.numeric.date']);
  });

  it('keeps a kind word or a date inside a note part of the note', () => {
    assert.deepEqual(tokens('done,R01,2015-11-20,,"done late, see 2015-12-01"'), [
      'done keyword.control.kind', 'R01 variable.other.name', '2015-11-20 constant.numeric.date',
      '" string.quoted.double', 'done late, see 2015-12-01 string.quoted.double', '" string.quoted.double',
    ]);
    assert.deepEqual(tokens('waiver,Availability,2016-06,,agreed at the board'), [
      'waiver keyword.control.kind', 'Availability variable.other.name', '2016-06 constant.numeric.date', 'agreed at the board string.unquoted',
    ]);
  });
});
