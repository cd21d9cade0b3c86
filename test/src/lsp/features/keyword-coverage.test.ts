// Every statement keyword of every block context is documented where it is written (hover) and
// offered, with its documentation, where a statement of that block may start (completion).
import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver';
import { BLOCK_CONTEXTS, type BlockContext, KEYWORD_DOCS, STATEMENT_KEYWORDS } from '../../../../server/out/core/language/vocabulary';
import { handleCompletion } from '../../../../server/out/lsp/features/completion';
import { handleHover } from '../../../../server/out/lsp/features/hover';
import { marked } from '../../helpers/features';

const head = 'partnership P "P" {\n  term 2020-01-01 to 2030-12-31\n  party A "A" as supplier\n  party C "C" as client\n  scope S "S"\n';

/** A document with `line` where a statement of `context` stands. */
function inContext(context: BlockContext, line: string): string {
  switch (context) {
    case 'file':
      return `${line}\n${head}}\n`;
    case 'partnership':
      return `${head}  ${line}\n}\n`;
    case 'scope':
      return `${head}  scope X "X" {\n    ${line}\n  }\n}\n`;
    case 'norm':
      return `${head}  obligation O "O" {\n    A must run S\n    ${line}\n  }\n}\n`;
    case 'kpi':
      return `${head}  kpi K "K" {\n    owner A\n    ${line}\n  }\n}\n`;
    case 'body':
      return `${head}  body B "B" {\n    chair C\n    ${line}\n  }\n}\n`;
    case 'charge':
      return `${head}  charge X "X" {\n    C pays A\n    ${line}\n  }\n}\n`;
    case 'variation':
      return `${head}  variation V "V" {\n    agreed 2025-01-01\n    ${line}\n  }\n}\n`;
  }
}

describe('statement keywords in every block', () => {
  for (const context of BLOCK_CONTEXTS) {
    it(`documents and offers every statement keyword of ${context === 'file' ? 'the file' : `a ${context} block`}`, () => {
      const m = marked(inContext(context, '|'));
      const offered = new Map(handleCompletion(m.ctx, m.at).map((i) => [i.label, i]));
      const problems: string[] = [];
      for (const word of STATEMENT_KEYWORDS[context]) {
        if (!KEYWORD_DOCS[word]) problems.push(`${word}: no documentation`);
        const item = offered.get(word);
        if (!item) problems.push(`${word}: not offered`);
        else if (item.documentation !== KEYWORD_DOCS[word]) problems.push(`${word}: offered without its documentation`);
        // The cursor inside the keyword, as written where it starts a statement.
        const hover = handleHover(...((h) => [h.ctx, h.at] as const)(marked(inContext(context, `${word.slice(0, 1)}|${word.slice(1)}`))));
        const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
        if (!value.startsWith(`**${word}**\n\n${KEYWORD_DOCS[word]}`)) problems.push(`${word}: hover ${JSON.stringify(value.slice(0, 60))}`);
      }
      assert.deepEqual(problems, []);
    });
  }

  it('documents the words that start no statement but join the second version\'s lines', () => {
    for (const word of ['pays', 'per', 'within', 'before', 'start', 'expiry', 'reasonable', 'all-reasonable', 'best', 'quarter', 'working', 'scotland', 'weekdays']) {
      assert.ok(KEYWORD_DOCS[word], word);
    }
  });
});
