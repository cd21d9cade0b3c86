// Semantic tokens called directly on a marked document, decoded back into words.
import * as assert from 'node:assert/strict';
import { handleSemanticTokens, tokenLegend } from '../../../../server/out/lsp/features/semantic-tokens';
import { LineIndex } from '../../../../server/out/core/text/line-index';
import { marked } from '../../helpers/features';

/** The tokens as `word type[+modifier]`, undoing LSP's relative encoding. */
function decode(text: string, data: readonly number[]): string[] {
  const lines = new LineIndex(text);
  const out: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaCharacter, length, type, modifiers] = data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaCharacter : deltaCharacter;
    const start = lines.offset({ line, character });
    const names = tokenLegend.tokenModifiers.filter((_, bit) => modifiers & (1 << bit));
    out.push(`${text.slice(start, start + length)} ${[tokenLegend.tokenTypes[type], ...names].join('+')}`);
  }
  return out;
}

describe('semantic tokens handler', () => {
  it('marks each declared and referenced name by what it is, declarations and roles apart, across files', () => {
    const m = marked({
      'main.partnership': `import "catalogue.partnership"
partnership Main "Main" {
  term 2010-01-01 to 2020-12-31
  party S "S Ltd" as supplier
  kpi Up "Uptime" {
    owner S
    target >= 99%
  }
  obligation Run "Run" {
    S must deliver Catalogue.ICT to Catalogue.Council
    measured-by Up
  }
}
`,
      'catalogue.partnership': 'partnership Catalogue "C" {\n  term 2006-04-01 to 2030-03-31\n  party Council "Council" as client\n  scope ICT "ICT"\n}\n',
    });
    const tokens = handleSemanticTokens(m.ctx, m.at);
    assert.deepEqual(decode(m.text(), tokens.data), [
      'Main namespace+declaration',
      'S class+declaration',
      'supplier enumMember',
      'Up kpi+declaration',
      'S class',
      'Run function+declaration',
      'S class',
      'Catalogue namespace',
      'ICT type',
      'Catalogue namespace',
      'Council class',
      'Up kpi',
    ]);
  });

  it('marks events, charges and variations, and the names of every second-version line', () => {
    const m = marked(`partnership Main "Main" {
  term 2010-01-01 to 2020-12-31
  party C "Council" as client
  party S "S Ltd" as supplier
  event Breach "Breach"
  charge Core "Core" {
    C pays S
    £1m per year
  }
  kpi Up "Uptime" {
    owner S
    credit 2% of Core when < 99%
  }
  body Board "Board" { escalates-to Board }
  obligation Fix "Fix" {
    S must fix "it" to C
    due within 5 days of Breach
  }
  variation Ext "Extension" {
    varies Main
    agreed 2012-01-01
    ends Fix
  }
}
`);
    assert.deepEqual(decode(m.text(), handleSemanticTokens(m.ctx, m.at).data), [
      'Main namespace+declaration',
      'C class+declaration', 'client enumMember',
      'S class+declaration', 'supplier enumMember',
      'Breach event+declaration',
      'Core charge+declaration', 'C class', 'S class',
      'Up kpi+declaration', 'S class', 'Core charge',
      'Board struct+declaration', 'Board struct',
      'Fix function+declaration', 'S class', 'C class', 'Breach event',
      'Ext variation+declaration', 'Main namespace', 'Fix function',
    ]);
  });

  it('declares in the manifest every type of the legend that is not one of LSP\'s own, with a grammar scope for each new kind', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const manifest = require('../../../../package.json') as { contributes: { semanticTokenTypes: { id: string }[]; semanticTokenScopes: { scopes: Record<string, string[]> }[] } };
    const standard = new Set(['namespace', 'class', 'type', 'function', 'struct', 'enumMember', 'event', 'variable', 'macro']);
    const own = tokenLegend.tokenTypes.filter((t) => !standard.has(t));
    assert.deepEqual(manifest.contributes.semanticTokenTypes.map((t) => t.id), own);
    const scopes = manifest.contributes.semanticTokenScopes[0].scopes;
    for (const kind of ['kpi', 'event', 'charge', 'variation']) assert.match(scopes[kind]?.[0] ?? '', new RegExp(`^entity\\.name\\.[a-z]+\\.${kind}\\.partnership$`), kind);
  });
});
