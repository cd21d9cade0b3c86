// Hover called directly on marked documents: the exact Markdown and the range of the word.
import * as assert from 'node:assert/strict';
import { handleHover } from '../../../../server/out/lsp/features/hover';
import { marked } from '../../helpers/features';

/** The hover's text and range, for one assertion. */
function hover(source: string | Record<string, string>): { value: string; range: unknown; expected: unknown } | null {
  const m = marked(source);
  const answer = handleHover(m.ctx, m.at);
  if (!answer) return null;
  const contents = answer.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  return { value: contents.value, range: answer.range, expected: m.ranges()[0] };
}

describe('hover handler', () => {
  it('describes a party at a reference: title, role and parents, doc comment', () => {
    const h = hover(`partnership P "P" {
  term 2020-01-01 to 2020-12-31
  party C "The council" as client
  /// Runs the services.
  party JV "JV Ltd" as joint-venture of C
  obligation N "N" {
    [|J|V|] must deliver "the work"
  }
}
`)!;
    assert.equal(h.value, '**party** `JV` — JV Ltd\n\nRole: joint-venture of `C`\n\nRuns the services.');
    assert.deepEqual(h.range, h.expected);
  });

  it('describes a KPI with its owner, target, threshold and frequency', () => {
    const h = hover(`partnership P "P" {
  term 2020-01-01 to 2020-12-31
  party A "A Ltd" as supplier
  kpi [|Up|time|] "Availability" {
    owner A
    target >= 99.5%
    threshold >= 98% otherwise "service credit"
    measured monthly
  }
}
`)!;
    assert.equal(h.value, '**KPI** `Uptime` — Availability\n\nOwner: `A`\n\nTarget: &gt;= 99.5%\n\nThreshold: &gt;= 98%, otherwise service credit\n\nMeasured: monthly');
    assert.deepEqual(h.range, h.expected);
  });

  it('describes a scope of an imported file, with its grants, and escapes the document text', () => {
    const h = hover({
      'catalogue.partnership': `partnership Catalogue "Catalogue" {
  term 2006-04-01 to 2030-03-31
  scope ICT "ICT services" {
    /// Run *day* to day.
    scope Core "ICT core <services>" {
      covers "The [website](x)"
    }
  }
}
`,
      'main.partnership': `import "catalogue.partnership"
partnership Main "Main" {
  term 2010-01-01 to 2020-12-31
  party S "S Ltd" as supplier
  exclusive S over Catalogue.ICT.[|Co|re|] clause "2.1"
}
`,
    })!;
    assert.equal(h.value, [
      '**scope** `ICT.Core` — ICT core &lt;services&gt;',
      'Covers:\n- The \\[website\\]\\(x\\)',
      'Exclusive to `S` from 2010-01-01 to 2020-12-31 (clause 2.1)',
      'Run \\*day\\* to day.',
    ].join('\n\n'));
    assert.deepEqual(h.range, h.expected);
  });

  it('describes the partnership at its name, with its term', () => {
    const h = hover('partnership [|Mai|n|] "The *main* contract" {\n  term 2020-01-01 to 2020-12-31\n}\n')!;
    assert.equal(h.value, '**partnership** `Main` — The \\*main\\* contract\n\nTerm: from 2020-01-01 to 2020-12-31');
    assert.deepEqual(h.range, h.expected);
  });

  it('documents a keyword, and says nothing inside a string', () => {
    const h = hover('partnership P "P" {\n  term 2020-01-01 to 2020-12-31\n  party A "A" as client\n  [|ex|clusive|] A over S\n  scope S "S"\n}\n')!;
    assert.match(h.value, /^\*\*exclusive\*\*\n\nAn exclusivity grant: /);
    assert.deepEqual(h.range, h.expected);
    assert.equal(hover('partnership P "P" {\n  term 2020-01-01 to 2020-12-31\n  party A "A Co|uncil" as client\n}\n'), null);
  });
});
