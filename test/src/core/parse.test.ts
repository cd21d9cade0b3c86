// Syntax: recovery gives one P001 per broken statement, at the unexpected token, in words a
// person can act on; declarations whose keyword and name parsed stay declared.
import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../server/out/core/syntax/parse';
import { firstPart, type QName } from '../../../server/out/core/syntax/ast';
import { docCommentBefore } from '../../../server/out/core/syntax/doc-comments';
import type { ChunkedList } from '../../../server/out/core/values/chunked-list';
import type { ChunkedOffsets } from '../../../server/out/core/values/chunked-offsets';
import { check, checkBody, covered } from '../helpers/program';
import { seededRandom } from '../helpers/random';

function p001(text: string): { message: string; text: string; line: number }[] {
  return parseDocument('/t.partnership', text).diagnostics.map((d) => ({
    message: d.message,
    text: covered(text, d),
    line: text.slice(0, d.start).split('\n').length,
  }));
}

describe('parsing and recovery', () => {
  it('accepts every form of the brief without errors', () => {
    const text = `import "other.partnership"
/// Docs.
partnership X "X" { term 2010-01-01 to 2020-12-31 source "Agreement"
  party A "A" as client party J "J" as joint-venture of A, B party B "B" as supplier
  scope S "S" { covers "all" scope T "T" }
  exclusive J over S except S.T from 2010-01-01 to 2012-12-31 clause "2.3.1"
  open S.T clause "1"
  interface S.T with S "plug in and play"
  obligation O "o" { A must provide "x" to J due 2011-01-01 every 6 months from 2010-02-01 accountable A consulted J, B informed B scope S measured-by K otherwise "late" clause "4" }
  permission P "p" { A may procure S.T }
  prohibition N "n" { J must not sell "data" }
  kpi K "k" { owner J scope S target >= 99.5% threshold < 98% otherwise "credit" measured every 2 weeks }
  kpi M "m" { target <= £1.5m threshold > GBP 2,000,000 measured quarterly }
  body Bd "b" { chair A members A, B approves S above £200k approves S up to £200,000 approves S.T from EUR 5k to EUR 1bn approves S.T any }
}`;
    assert.deepEqual(p001(text), []);
  });

  it('reads every kind of white space and comment between tokens as a plain space', () => {
    const text = `partnership X "X" { term 2010-01-01 to 2020-12-31
  party A "A" as client party B "B" as supplier of A
  scope S "S" { covers "all" scope T "T" }
  exclusive B over S except S.T from 2010-01-01 clause "2.3.1"
  obligation O "o" { A must not provide "x" to B due 2011-01-01 every 6 months accountable A consulted A, B }
  kpi K "k" { owner B target >= 99.5% threshold < 98% otherwise "credit" measured every 2 weeks }
  body Bd "b" { chair A members A, B approves S up to GBP 2,000,000 }
}`;
    const separators = [' ', '\t', '\u000B', '\u000C', '\u00A0', '\uFEFF', '\u2028', '\u2029', '\r\n', ' /* a * / comment */ ', '/**/', '\n// a line comment\n// and another\n', '\t/* one */ /* two */\n'];
    let n = 0;
    // Only the spaces between tokens: not inside strings, nor the one a currency code needs.
    const spaced = text.split('"').map((part, i) => (i % 2 ? part : part.replace(/(?<!\b[A-Z]{3}) /g, () => separators[n++ % separators.length]))).join('"');
    assert.ok(n > 100);
    const shape = (source: string): string =>
      JSON.stringify(parseDocument('/t.partnership', source).ast, (key, value) => (key === 'start' || key === 'end' || key === 'starts' || (key === 'text' && typeof value === 'string' && value.length > 0 && /^\s/.test(value)) ? undefined : value));
    assert.deepEqual(p001(spaced), []);
    assert.equal(shape(spaced), shape(text));
  });

  it('gives a reference its text as written and its parts, one or dotted, with their spans', () => {
    const text = 'partnership X "X" {\n  scope S "S" { scope T "T" }\n  party A "A" as client\n  exclusive A over X.S.T\n}\n';
    const partnership = parseDocument('/t.partnership', text).ast.items[0] as unknown as { block: { units: ChunkedList<{ node: { holder: QName; scope: QName } }>; starts: ChunkedOffsets } };
    const unit = partnership.block.units.findIndex((u) => u.node.holder !== undefined);
    const { holder, scope } = partnership.block.units.at(unit).node;
    const at = partnership.block.starts.at(unit);
    const written = (span: { start: number; end: number }): string => text.slice(at + span.start, at + span.end);
    // The parts are made from the text when read: a one-part name's is the name's own span.
    assert.deepEqual([holder.text, firstPart(holder)], ['A', 'A']);
    assert.deepEqual(holder.parts.map((p) => [p.kind, p.text, written(p)]), [['Ident', 'A', 'A']]);
    assert.equal(written(holder), 'A');
    // A dotted name's parts have their own spans, the dots between them.
    assert.deepEqual([scope.text, written(scope), firstPart(scope)], ['X.S.T', 'X.S.T', 'X']);
    assert.deepEqual(scope.parts.map((p) => [p.kind, p.text, written(p)]), [['Ident', 'X', 'X'], ['Ident', 'S', 'S'], ['Ident', 'T', 'T']]);
    // Written as JSON, both show their parts.
    assert.deepEqual(JSON.parse(JSON.stringify(holder)).parts, [{ kind: 'Ident', text: 'A', start: holder.start, end: holder.end }]);
    assert.deepEqual(JSON.parse(JSON.stringify(scope)).parts.map((p: { text: string }) => p.text), ['X', 'S', 'T']);
  });

  it('reads names, verbs, strings and dates exactly as far as their patterns go', () => {
    const norm = (line: string): string => `partnership X "X" {\n  party Sub-contractor_2 "S" as supplier\n  obligation O "o" {\n    ${line}\n  }\n}\n`;
    const normLine = (line: string) => {
      const partnership = parseDocument('/t.partnership', norm(line)).ast.items[0] as unknown as { block: { units: ChunkedList<{ node: { block: { items: unknown[] } } }> } };
      return partnership.block.units.at(1).node.block.items[0] as { kind: string; subjects: { parts: { text: string }[] }[]; verb: { text: string }; object: { kind: string; value?: string } };
    };
    // A name runs over letters, digits, `_` and `-`; a verb over lower-case letters only.
    const line = normLine('Sub-contractor_2 must deliver "a \\"quoted\\" word, a \\\\ and 1 % / {}"');
    assert.equal(line.subjects[0].parts[0].text, 'Sub-contractor_2');
    assert.equal(line.verb.text, 'deliver');
    assert.deepEqual([line.object.kind, line.object.value], ['String', 'a "quoted" word, a \\ and 1 % / {}']);
    assert.equal(normLine('Sub-contractor_2 must deliver ""').object.value, '');
    assert.deepEqual(p001(norm('Sub-contractor_2 must deliver "x"\n    due 2011-01-01')), []);
    // A verb with a capital or a digit in it, and dates that are too short or run on, are broken.
    for (const [text, found] of [
      ['Sub-contractor_2 must deliVer "x"', 'deliVer'],
      ['Sub-contractor_2 must deliver2 "x"', 'deliver2'],
      ['Sub-contractor_2 must deliver "x"\n    due 2011-1-01', '2011-1-01'],
      ['Sub-contractor_2 must deliver "x"\n    due 2011-01-011', '2011-01-011'],
      ['Sub-contractor_2 must deliver "x"\n    due 2011-01-0', '2011-01-0'],
    ]) {
      assert.deepEqual(p001(norm(text)).map((d) => d.text), [found], text);
    }
    // A string ends at the end of its line or of the file, with one message.
    assert.deepEqual(p001(norm('Sub-contractor_2 must deliver "x')).map((d) => d.line), [4]);
    assert.deepEqual(p001('partnership X "X').map((d) => d.message), ['This string is not closed: a string ends with `"` on the same line.']);
  });

  it('reports a bad date after `due` at the word, naming what was expected', () => {
    const text = 'partnership X "X" {\n  obligation O "o" {\n    A must do "x"\n    due tomorrow\n  }\n}\n';
    assert.deepEqual(p001(text), [{ message: 'Expected a date (YYYY-MM-DD, YYYY-MM or YYYY), `within` or a duration such as `6 months` after `due`, found `tomorrow`.', text: 'tomorrow', line: 4 }]);
  });

  it('gives one P001 per broken statement, in every kind of block, and none for the rest', () => {
    const text = [
      'partnership X "X" {',
      '  term 2010-01-01 to 2020-12-31',
      '  party A "A" as client',
      '  party A2 "A" as',
      '  scope S "S" { covers 12 scope T "T" }',
      '  obligation O "o" { A must do "x" due 2011-1-5 }',
      '  kpi K "k" { owner A target >= }',
      '  body Bd "b" { chair A approves S between £1 }',
      '  exclusive A over S from x',
      '}',
    ].join('\n');
    // The missing role of line 4 is reported at the token that stands in its place: `scope` on line 5.
    assert.deepEqual(p001(text).map((d) => [d.line, d.text]), [[5, 'scope'], [5, '12'], [6, '2011-1-5'], [7, '}'], [8, 'between'], [9, 'x']]);
  });

  it('reports a missing role where the next statement starts', () => {
    const text = 'partnership X "X" {\n  party C "Gamma" as\n  scope S "s"\n}\n';
    assert.deepEqual(p001(text), [{ message: 'Expected a name after `as`, found `scope`.', text: 'scope', line: 3 }]);
  });

  it('reports an unterminated string once, on its own line', () => {
    const text = 'partnership X "X" {\n  party A "Alpha as client\n  party B "B" as supplier\n}\n';
    const found = p001(text);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 2);
    assert.match(found[0].message, /not closed/);
    assert.equal(found[0].text, '"Alpha as client');
  });

  it('reports a missing `}` once, for the innermost block, at the end of the file', () => {
    const text = 'partnership X "X" {\n  obligation P "p" {\n    A must do "x"\n';
    assert.deepEqual(p001(text), [{ message: 'Expected `}` to close obligation `P`, found the end of the file.', text: '', line: 4 }]);
  });

  it('reports a missing `}` before the next declaration and keeps parsing it', () => {
    const c = checkBody('  obligation O "o" {\n    A must do "x"\n    due 2011-01-01\n  kpi K "k" { owner A measured monthly }');
    assert.deepEqual(c.codes('test.partnership', ['error']), ['8:3 P001']);
    assert.ok(c.program.files.get(c.path('test.partnership'))!.declarations.topLevel.has('K'));
  });

  it('keeps a declaration declared when its block is broken, so references resolve', () => {
    const c = checkBody('  kpi K { owner B }\n  obligation O "o" { B must do "x" measured-by K due 2011-01-01 }');
    assert.deepEqual(c.codes('test.partnership', ['error']), ['5:9 P001']);
  });

  it('reports a missing title, a missing norm line, a repeated line, a second partnership and a late import', () => {
    const text = 'partnership X "X" {\n  term 2010-01-01 to 2020-12-31\n  obligation O { due 2011-01-01 }\n  obligation Q "q" { A must do "x" due 2011-01-01 due 2012-01-01 }\n}\nimport "y.partnership"\npartnership Y "Y" { }\n';
    const messages = p001(text).map((d) => `${d.line} ${d.message}`);
    assert.deepEqual(messages, [
      '3 Obligation `O` has no norm line: its first line says who must do what, e.g. `Supplier must deliver Services to Council`.',
      '3 Expected the title of obligation `O` (a quoted string), found `{`.',
      '4 Obligation `Q` already has a `due` line (line 4); give it once.',
      '6 Imports come before the partnership: move this `import` to the top of the file.',
      '7 A file holds one partnership; `Y` is a second one. Put it in a file of its own and import it.',
    ]);
  });

  it('reads a duration\'s unit as a whole word, singular or plural, and `must not` as one modal', () => {
    const norm = (lines: string): string => `partnership X "X" {\n  obligation O "o" {\n    A must do "x"\n    ${lines}\n  }\n}\n`;
    const firstLines = (text: string) => {
      const partnership = parseDocument('/t.partnership', text).ast.items[0] as unknown as { block: { units: ChunkedList<{ node: { block: { items: unknown[] } } }> } };
      return partnership.block.units.at(0).node.block.items as { kind: string; modal?: { value: string }; duration?: { unit: string } }[];
    };
    for (const [words, unit] of [
      ['minute', 'minute'], ['minutes', 'minute'], ['hour', 'hour'], ['hours', 'hour'], ['day', 'day'], ['days', 'day'], ['week', 'week'],
      ['weeks', 'week'], ['month', 'month'], ['months', 'month'], ['year', 'year'], ['years', 'year'], ['working day', 'working-day'], ['working days', 'working-day'],
    ]) {
      const text = norm(`every 3 ${words}\n    notice 1 ${words}`);
      assert.deepEqual(p001(text), [], words);
      assert.deepEqual(firstLines(text).slice(1).map((l) => l.duration?.unit), [unit, unit], words);
    }
    // A unit runs on into a name, is not a unit, or is written in capitals: the duration is broken.
    for (const words of ['monthsx', 'month-end', 'month2', 'fortnights', 'Months', 'working hours', 'working']) {
      assert.deepEqual(p001(norm(`every 3 ${words}`)).map((d) => [d.message, d.text]), [['Expected a duration such as `6 months` after `every`, found `3`.', '3']], words);
    }
    assert.deepEqual(['A must not do "y"', 'A must do "y"', 'A must nothing "y"', 'A may do "y"', 'A can do "y"'].map((line) => firstLines(norm('').replace('A must do "x"', line))[0].modal?.value), ['must not', 'must', 'must', 'may', 'can']);
    assert.deepEqual(p001(norm('').replace('A must do "x"', 'A must not "y"')).map((d) => d.text), ['"y"']);
  });

  it('rejects a zero duration and a stray `}` after the partnership', () => {
    const text = 'partnership X "X" {\n  kpi K "k" { measured every 0 months }\n}\n}\n';
    assert.deepEqual(p001(text).map((d) => [d.line, d.text]), [[2, '0'], [4, '}']]);
  });

  it('handles CRLF and CR line ends and a byte order mark', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = '\uFEFFpartnership X "X" {' + eol + '  due x' + eol + '}' + eol;
      const found = p001(text);
      assert.equal(found.length, 1);
      assert.equal(found[0].text, 'due');
    }
  });

  it('turns binary data into one clear P001', () => {
    const found = p001('partnership \u0000\u0001\u0002 X');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /binary data/);
  });

  it('survives deep nesting with a diagnostic instead of a crash', () => {
    const text = 'partnership X "X" {\n' + 'scope S "s" {'.repeat(20000) + '\n}\n';
    const result = parseDocument('/deep.partnership', text);
    assert.ok(result.diagnostics.length >= 1);
  });

  it('never crashes on random text and keeps every range inside the document', () => {
        const randomInt = seededRandom(7);
    const random = (): number => randomInt(0x7fffffff) / 0x7fffffff;
    const alphabet = 'partnership party scope obligation must may not due every { } " \\ 2010-01-01 £5k 9% >= , . \n\t/ * x A-b_c';
    for (let i = 0; i < 300; i++) {
      let text = '';
      const n = Math.floor(random() * 200);
      for (let j = 0; j < n; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      const c = check({ 'r.partnership': text });
      for (const d of c.diagnostics('r.partnership')) {
        assert.ok(d.start >= 0 && d.end <= text.length && d.start <= d.end, `range ${d.start}-${d.end} outside ${text.length}`);
      }
    }
  });
});

describe('recovery refinements', () => {
  it('reports an empty file as declaring no partnership', () => {
    assert.deepEqual(p001('// only a comment\n').map((d) => d.message), ['This file declares no partnership: a `.partnership` file holds one `partnership Name "Title" { … }`.']);
  });

  it('keeps a `{` that ends the line of an unterminated title, so the block still parses', () => {
    const c = checkBody('  kpi K "Cuts on schedule {\n    owner B\n  }\n  obligation O "o" { B must do "x" measured-by K due 2011-01-01 }');
    assert.deepEqual(c.codes('test.partnership', ['error', 'warning']), ['5:9 P001']);
  });

  it('points at a stray word after a complete norm line, and drops the broken line from other checks', () => {
    const c = checkBody('  scope S "s"\n  exclusive A over S\n  obligation O "o" {\n    B must cut S to A fortnightly\n    due 2012-01-01\n  }');
    const errors = c.diagnostics('test.partnership').filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => [d.code, covered(c.text, d)]), [['P001', 'fortnightly']]);
  });
});

describe('doc comments', () => {
  it('document the declaration below across blank lines', () => {
    const text = '/// Doc.\n\n\nparty A "A" as client\n';
    assert.equal(docCommentBefore(text, text.indexOf('party')), 'Doc.');
  });

  it('documents the declaration right below, over several lines', () => {
    const text = 'x\n/// First line.\n///  Second line.\nparty A "A" as client\n';
    assert.equal(docCommentBefore(text, text.indexOf('party')), 'First line.\n Second line.');
  });

  it('does not document a declaration separated by a plain comment or code', () => {
    const text = '/// Doc.\n// plain\nparty A "A" as client\n';
    assert.equal(docCommentBefore(text, text.indexOf('party')), undefined);
  });

  it('reads the same doc comment as the rule says, whatever the lines above hold', () => {
    // The rule, line by line: the declaration begins its line; blank lines may separate it from
    // the `///` lines right above it (not `////`), which are its documentation.
    const byRule = (text: string, at: number): string | undefined => {
      const lines = text.slice(0, at).split(/\r\n|\r|\n/);
      if (lines.pop()!.trim() !== '') return undefined;
      while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
      const doc: string[] = [];
      for (let line = lines.pop(); line !== undefined; line = lines.pop()) {
        const trimmed = line.trim();
        if (!trimmed.startsWith('///') || trimmed.startsWith('////')) break;
        doc.unshift(trimmed.slice(3).replace(/^ /, ''));
      }
      return doc.join('\n').trim() || undefined;
    };
    const pieces = ['/// Doc', '////', '// plain', '///', 'x', ' ', '\t', '\u00A0', '\n', '\r\n', '\r', '}', 'party A "A" as client'];
        const random = seededRandom(11);
    for (let round = 0; round < 3000; round++) {
      let text = '';
      for (let n = random(8); n > 0; n--) text += pieces[random(pieces.length)];
      const at = text.length;
      text += 'party B "B" as supplier\n';
      assert.equal(docCommentBefore(text, at), byRule(text, at), JSON.stringify(text));
    }
  });
});
