// Definition, references, highlights and rename for the second version's names and reference
// positions: events, charges and variations, and the names written after `due within … of`,
// `when`, `from`, `credit … of`, `escalates-to`, `varies`, `ends`, `returns` and `pays`, in the
// file that declares them and in a file that imports it.
import * as assert from 'node:assert/strict';
import { DocumentHighlightKind, ResponseError, type Location } from 'vscode-languageserver';
import { handleDefinition, handleDocumentHighlight, handleReferences } from '../../../../server/out/lsp/features/navigation';
import { handleRename } from '../../../../server/out/lsp/features/rename';
import { applyEdits, marked } from '../../helpers/features';

/** Names written `@Name`: the one under test is marked at every occurrence, the others are plain. */
const main = `partnership @Main "Main" {
  term 2006-04-01 to 2021-03-31
  party @BCC "Council" as client
  party @SB "Service Birmingham" as joint-venture of @BCC 19.9%, @Cap 80.1%
  party @Cap "Capita" as supplier
  party PSP "Partners" as group of @BCC, @Cap
  scope @ICT "ICT" { scope Core "Core" }
  event @Breach "Notice of breach" clause "40.1"
  charge @CoreCharge "Core charge" {
    @BCC pays @SB
    £1m per year
    scope @ICT
  }
  obligation @Rectify "Rectification plan" {
    @SB must submit "a plan" to @BCC
    due within 10 working days of @Breach
  }
  obligation Review "Review" {
    @BCC, @Cap must review "the plan" to @SB, PSP
    due within 5 days of @Rectify
    when @Breach
  }
  permission StepIn "Step in" {
    @BCC may operate @ICT
    from @Breach
  }
  kpi @Up "Uptime" {
    owner @SB
    credit 2% of @CoreCharge when < 99%
    measured monthly
  }
  body @Board "Board" {
    chair @BCC
    escalates-to @Leaders
  }
  body @Leaders "Leaders" { chair @BCC }
  exclusive @SB over @ICT
  variation @Ext "Extension" {
    varies @Main
    agreed 2010-06-30
    ends exclusive @SB over @ICT
    ends @Rectify
    ends @CoreCharge
    ends @Board
    returns @ICT to @BCC
  }
}
`;
const exit = `import "main.partnership"
partnership Exit "Exit" {
  term 2017-12-15 to 2021-03-31
  party Vendor "Vendor" as supplier
  variation @Moves "The core moves" {
    varies @Main
    effective 2018-04-01
    ends exclusive @Main.@SB over @Main.@ICT
    ends @Main.@Up
    returns @Main.@ICT to @Main.@BCC
  }
  obligation Notify "Notify" {
    Vendor must notify "the council" to @Main.@BCC
    when @Main.@Breach
  }
}
`;

/** Both files with `name` marked everywhere and the cursor in its last occurrence in `cursorIn`. */
function documents(name: string, cursorIn: 'main' | 'exit'): ReturnType<typeof marked> {
  const mark = (text: string, withCursor: boolean): string => {
    const pieces = text.split(`@${name}`);
    const joined = pieces.map((p, i) => (i === 0 ? p : (withCursor && i === pieces.length - 1 ? `[|${name.slice(0, 1)}|${name.slice(1)}|]` : `[|${name}|]`) + p)).join('');
    return joined.replace(/@/g, '');
  };
  assert.ok((cursorIn === 'main' ? main : exit).includes(`@${name}`), name);
  return marked({ 'main.partnership': mark(main, cursorIn === 'main'), 'exit.partnership': mark(exit, cursorIn === 'exit') });
}

const byPlace = (a: Location, b: Location): number => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
const everywhere = (m: ReturnType<typeof marked>): Location[] => [...m.locations('main.partnership'), ...m.locations('exit.partnership')].sort(byPlace);

describe('navigation for the second version\'s names', () => {
  const cases: readonly (readonly [string, 'main' | 'exit'])[] = [
    ['Breach', 'main'], ['Breach', 'exit'], ['CoreCharge', 'main'], ['Rectify', 'main'], ['Board', 'main'], ['Leaders', 'main'],
    ['Up', 'exit'], ['BCC', 'main'], ['BCC', 'exit'], ['Cap', 'main'], ['SB', 'exit'], ['ICT', 'exit'], ['Main', 'exit'], ['Ext', 'main'], ['Moves', 'exit'],
  ];
  for (const [name, cursorIn] of cases) {
    it(`finds every occurrence of ${name} from its last one in ${cursorIn}.partnership, and its declaration`, () => {
      const m = documents(name, cursorIn);
      const all = everywhere(m);
      const references = handleReferences(m.ctx, { ...m.at, context: { includeDeclaration: true } });
      assert.deepEqual([...references].sort(byPlace), all);
      // The declaration is the mark right after a declaration's keyword.
      const declaration = all.find((l) => {
        const file = l.uri.endsWith('main.partnership') ? 'main.partnership' : 'exit.partnership';
        const line = m.text(file).split('\n')[l.range.start.line];
        return /\b(partnership|party|scope|event|charge|obligation|kpi|body|variation) $/.test(line.slice(0, l.range.start.character));
      });
      assert.deepEqual(handleDefinition(m.ctx, m.at), declaration);
      const highlights = handleDocumentHighlight(m.ctx, m.at);
      assert.deepEqual(highlights.map((h) => h.range), m.ranges(m.document));
      assert.equal(highlights.filter((h) => h.kind === DocumentHighlightKind.Write).length, m.document === 'main.partnership' || name === 'Moves' ? 1 : 0);
    });
  }
});

describe('rename for the second version\'s names', () => {
  it('renames an event at its declaration, its deadlines, `when` and `from` lines, in both files', () => {
    const m = documents('Breach', 'exit');
    const edit = handleRename(m.ctx, { ...m.at, newName: 'BreachNotice' });
    const after = (file: string): string => applyEdits(m.text(file), edit.changes![m.uri(file)]);
    assert.equal(after('main.partnership'), m.text('main.partnership').replace(/\bBreach\b/g, 'BreachNotice'));
    assert.equal(after('exit.partnership'), m.text('exit.partnership').replace('Main.Breach', 'Main.BreachNotice'));
    assert.match(after('main.partnership'), /due within 10 working days of BreachNotice\n/);
  });

  it('renames a charge where a credit names it and a variation ends it', () => {
    const m = documents('CoreCharge', 'main');
    const edits = handleRename(m.ctx, { ...m.at, newName: 'UnitaryCharge' }).changes![m.uri('main.partnership')];
    assert.equal(edits.length, 3);
    assert.equal(applyEdits(m.text('main.partnership'), edits), m.text('main.partnership').replace(/CoreCharge/g, 'UnitaryCharge'));
  });

  it('renames a variation, which nothing names but its declaration', () => {
    const m = documents('Ext', 'main');
    assert.deepEqual(handleRename(m.ctx, { ...m.at, newName: 'Extension2010' }).changes, { [m.uri('main.partnership')]: [{ range: m.ranges()[0], newText: 'Extension2010' }] });
  });

  it('refuses the second version\'s reserved words as new names, and names already taken', () => {
    const m = documents('Breach', 'main');
    for (const word of ['when', 'pays', 'endeavours', 'escalates-to', 'credit-cap', 'varies', 'ends', 'returns', 'event', 'charge', 'variation', 'calendar']) {
      assert.throws(() => handleRename(m.ctx, { ...m.at, newName: word }), (e: unknown) => e instanceof ResponseError && /is a keyword and cannot be a name/.test(e.message), word);
    }
    assert.throws(() => handleRename(m.ctx, { ...m.at, newName: 'CoreCharge' }), /already declared in this partnership/);
  });
});
