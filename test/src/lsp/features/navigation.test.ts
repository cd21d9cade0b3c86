// Definition, references and highlights called directly on marked documents, across files.
import * as assert from 'node:assert/strict';
import { DocumentHighlightKind } from 'vscode-languageserver';
import { handleDefinition, handleDocumentHighlight, handleReferences } from '../../../../server/out/lsp/features/navigation';
import { marked } from '../../helpers/features';

/** A catalogue of scopes another contract imports; `Core` is marked where it is declared. */
const catalogue = `partnership Catalogue "Catalogue" {
  term 2006-04-01 to 2030-03-31
  party Council "The council" as client
  scope ICT "ICT services" {
    scope [|Core|] "ICT core services"
    scope Projects "Projects"
  }
  obligation Plan "Plan" {
    Council must plan ICT.[|Core|]
  }
}
`;

describe('navigation handlers', () => {
  it('goes to a party declared in the same document', () => {
    const m = marked(`partnership P "P" {
  term 2020-01-01 to 2020-12-31
  party [|A|] "A Ltd" as supplier
  obligation N "N" {
    |A must deliver "the work"
  }
}
`);
    assert.deepEqual(handleDefinition(m.ctx, m.at), m.locations()[0]);
  });

  it('goes from the qualifier of a name to the imported partnership', () => {
    const m = marked({
      'catalogue.partnership': catalogue.replace('partnership Catalogue', 'partnership [|Catalogue|]').replace(/\[\|Core\|\]/g, 'Core'),
      'main.partnership': `import "catalogue.partnership"
partnership Main "Main" {
  term 2010-01-01 to 2020-12-31
  party S "S Ltd" as supplier of Cata|logue.Council
}
`,
    });
    assert.deepEqual(handleDefinition(m.ctx, m.at), m.locations('catalogue.partnership')[0]);
  });

  it('has no definition for a keyword or inside a string', () => {
    const keyword = marked('partnership P "P" {\n  term 2020-01-01 to 2020-12-31\n  par|ty A "A" as client\n}\n');
    assert.equal(handleDefinition(keyword.ctx, keyword.at), null);
    const string = marked('partnership P "P" {\n  term 2020-01-01 to 2020-12-31\n  party A "A C|ouncil" as client\n}\n');
    assert.equal(handleDefinition(string.ctx, string.at), null);
  });

  it('goes from a qualified name to its declaration in the imported file, and finds every reference in every file', () => {
    const m = marked({
      'catalogue.partnership': catalogue,
      'main.partnership': `import "catalogue.partnership"
partnership Main "Main" {
  term 2010-01-01 to 2020-12-31
  party S "S Ltd" as supplier
  exclusive S over Catalogue.ICT.[|Core|]
  obligation Run "Run" {
    S must deliver Catalogue.ICT.[|Co|re|] to Catalogue.Council
  }
}
`,
    });
    const [declaration, inCatalogue] = m.locations('catalogue.partnership');
    const inMain = m.locations('main.partnership');
    assert.deepEqual(handleDefinition(m.ctx, m.at), declaration);
    const sorted = (locations: { uri: string; range: { start: { line: number } } }[]) =>
      [...locations].sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line);
    assert.deepEqual(sorted(handleReferences(m.ctx, { ...m.at, context: { includeDeclaration: true } })), sorted([declaration, inCatalogue, ...inMain]));
    assert.deepEqual(sorted(handleReferences(m.ctx, { ...m.at, context: { includeDeclaration: false } })), sorted([inCatalogue, ...inMain]));
  });

  it('highlights the occurrences in the document only: the declaration written, the uses read', () => {
    const m = marked({
      'catalogue.partnership': catalogue.replace(/\[\|Core\|\]/g, 'Core'),
      'plan.partnership': `import "catalogue.partnership"
partnership Plan "Plan" {
  term 2010-01-01 to 2020-12-31
  party [|S|] "S Ltd" as supplier
  exclusive [|S|] over Catalogue.ICT.Core
  obligation Run "Run" {
    [||S|] must deliver Catalogue.ICT.Core to Catalogue.Council
  }
}
`,
    });
    const [declaration, ...uses] = m.ranges();
    assert.deepEqual(handleDocumentHighlight(m.ctx, m.at), [
      { range: declaration, kind: DocumentHighlightKind.Write },
      ...uses.map((range) => ({ range, kind: DocumentHighlightKind.Read })),
    ]);
  });
});
