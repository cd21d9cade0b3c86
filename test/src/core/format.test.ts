// The formatter: canonical layout, idempotent, meaning and comments unchanged, broken text left alone.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatDocument } from '../../../server/out/core/format/format';
import { exportModel } from '../../../server/out/core/model/export';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { piecesOf } from '../../../server/out/core/format/pieces';
import { structureOf } from '../../../server/out/core/format/structure';
import { parseDocument } from '../../../server/out/core/syntax/parse';
import { examples, ownCorpus, partnershipFilesUnder, sharedCorpus } from '../helpers/paths';

const hasSyntaxError = (text: string): boolean => parseDocument('x.partnership', text).diagnostics.some((d) => d.code === 'P001');

/** Comment texts in order (white space at line ends dropped, as the formatter does). */
function commentsOf(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (text.startsWith('//', i) || text.startsWith('/*', i)) {
      const end = text[i + 1] === '/' ? text.slice(i).search(/[\r\n]|$/) + i : text.indexOf('*/', i) + 2;
      out.push(text.slice(i, end).split(/\r\n|\r|\n/).map((l) => l.trimEnd()).join('\n'));
      i = end - 1;
    }
  }
  return out;
}

/** The text without comments and white space outside strings: what only layout may not change. */
function tokensOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (text.startsWith('//', i)) {
      i = text.slice(i).search(/[\r\n]|$/) + i - 1;
    } else if (text.startsWith('/*', i)) {
      i = text.indexOf('*/', i) + 1;
    } else if (!/\s|\uFEFF/.test(text[i])) {
      out += text[i];
    }
  }
  return out;
}

/** Model (without its `file`) and diagnostics (code and message, line numbers hidden) of every file. */
function meaning(files: readonly string[], read: (file: string) => string | undefined): unknown {
  const program = new Analysis(files.map((file) => ({ file, text: read(file) })), { readFile: read });
  return files.map((file) => {
    const model = exportModel(program, file, (f) => path.basename(f)) as { file?: string } | null;
    if (model) delete model.file;
    const diagnostics = program.diagnostics(file).map((d) => `${d.code} ${d.message.replace(/\bline \d+/g, 'line #')}`).sort();
    return { file: path.basename(file), model, diagnostics };
  });
}

const readDisk = (file: string): string | undefined => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);

/** Every check of requirements 1 to 3 on a set of files checked together. */
function assertLayoutOnly(files: readonly string[], read: (file: string) => string | undefined): void {
  const formatted = new Map<string, string>();
  for (const file of files) {
    const text = read(file)!;
    const once = formatDocument(text);
    if (hasSyntaxError(text)) {
      assert.equal(once, null, `${file} has a syntax error and must not be formatted`);
      continue;
    }
    assert.ok(once !== null, `${file} should format`);
    assert.equal(formatDocument(once), once, `formatting ${file} twice changes it`);
    assert.deepEqual(commentsOf(once), commentsOf(text), `comments of ${file}`);
    assert.equal(tokensOf(once), tokensOf(text), `tokens of ${file}`);
    assert.ok(!/[ \t]$/m.test(once) && /\n$/.test(once), `${file}: trailing white space or no final line break`);
    formatted.set(file, once);
  }
  const readFormatted = (file: string): string | undefined => {
    if (formatted.has(file)) return formatted.get(file);
    const text = read(file);
    return text === undefined ? undefined : formatDocument(text) ?? text;
  };
  assert.deepEqual(meaning(files, readFormatted), meaning(files, read));
}

function groupsUnder(root: string): string[][] {
  const byFolder = new Map<string, string[]>();
  for (const file of partnershipFilesUnder(root)) byFolder.set(path.dirname(file), [...(byFolder.get(path.dirname(file)) ?? []), file]);
  return [...byFolder.values()];
}

/**
 * The same tokens laid out badly: all on as few lines as comments allow, and spread over blank
 * lines with comments of every kind between the tokens.
 */
function messyVariants(text: string): string[] {
  const pieces = piecesOf(text, structureOf(parseDocument('x.partnership', text).ast)!.atoms);
  const between = (spread: (i: number) => string) =>
    pieces.map((p, i) => (i === 0 ? '' : pieces[i - 1].kind === 'line-comment' ? '\n' : spread(i)) + text.slice(p.start, p.end)).join('');
  const extras = ['\n\n\n', ' /* c */ ', '\n  // lc\n', '\r\n/* own */\r\n', ' /* two\n   lines */ ', '\n/* lead */ ', '\t'];
  return [between(() => ' '), between((i) => extras[i % extras.length])];
}

const messy = `import   "catalogue.partnership"   import "other.partnership"// two imports
/// The council's ICT deal.
partnership   Deal "ICT Partnership"{term 2010-01-01 to 2025-03-31 source "Agreement, 2010" // where it comes from
party BCC "Borough Council"as client party Sup "Supplier Ltd" as supplier
   party JV "Joint Venture Ltd" as joint-venture of BCC ,Sup
/// The services.
scope ICT "ICT services" { scope Core "Core" { covers "Support \\"and\\" maintenance" scope Net "Network" } scope Projects "Projects" /* open to market */ }
exclusive JV over ICT.Core
  except ICT.Core.Net   // carve-out
  from 2010-04-01 clause "2.3.1"
open ICT.Projects clause"2.3.2"
obligation Deliver "Deliver core" { JV must deliver ICT.Core to BCC
measured-by Avail,Disputes every 6 month from 2010-06-01 clause "4.1" }
kpi Avail "Availability" { owner JV target >=99.5% threshold <   98% otherwise "credit" measured monthly }
kpi Disputes "Disputes" {owner BCC target <= 2 measured every 3 months}\t \t



body Board "Programme Board" { chair BCC members BCC,JV
  approves ICT.Projects above £200k approves ICT.Projects up to GBP  200,000
}
body Empty "Empty body" {   }
      /* a block comment before a party */ party Aud "Auditor" as regulator
// end of the deal
}`;

const messyFormatted = `import "catalogue.partnership"
import "other.partnership" // two imports

/// The council's ICT deal.
partnership Deal "ICT Partnership" {
  term 2010-01-01 to 2025-03-31
  source "Agreement, 2010" // where it comes from
  party BCC "Borough Council" as client
  party Sup "Supplier Ltd" as supplier
  party JV "Joint Venture Ltd" as joint-venture of BCC, Sup

  /// The services.
  scope ICT "ICT services" {
    scope Core "Core" {
      covers "Support \\"and\\" maintenance"
      scope Net "Network"
    }
    scope Projects "Projects" /* open to market */
  }

  exclusive JV over ICT.Core except ICT.Core.Net // carve-out
      from 2010-04-01 clause "2.3.1"
  open ICT.Projects clause "2.3.2"

  obligation Deliver "Deliver core" {
    JV must deliver ICT.Core to BCC
    measured-by Avail, Disputes
    every 6 month from 2010-06-01
    clause "4.1"
  }

  kpi Avail "Availability" {
    owner JV
    target >= 99.5%
    threshold < 98% otherwise "credit"
    measured monthly
  }

  kpi Disputes "Disputes" {
    owner BCC
    target <= 2
    measured every 3 months
  }

  body Board "Programme Board" {
    chair BCC
    members BCC, JV
    approves ICT.Projects above £200k
    approves ICT.Projects up to GBP 200,000
  }

  body Empty "Empty body" { }
  /* a block comment before a party */ party Aud "Auditor" as regulator
  // end of the deal
}
`;

/** Formats inline text and checks it is stable and means the same. */
function format(text: string): string {
  const file = path.resolve('/virtual-format/doc.partnership');
  assertLayoutOnly([file], (f) => (f === file ? text : undefined));
  return formatDocument(text)!;
}

describe('formatter', () => {
  it('lays out a messy contract exactly as the canonical text', () => {
    assert.equal(format(messy), messyFormatted);
  });

  it('keeps CRLF line endings and a byte order mark', () => {
    const crlf = '\uFEFFpartnership P "P" { term 2010-01-01 to 2020-12-31 /* a\r\n   b */\r\n}';
    assert.equal(format(crlf), '\uFEFFpartnership P "P" {\r\n  term 2010-01-01 to 2020-12-31 /* a\r\n   b */\r\n}\r\n');
    assert.equal(format('partnership P "P" {\n term 2010-01-01 to 2020-12-31 }'), 'partnership P "P" {\n  term 2010-01-01 to 2020-12-31\n}\n');
  });

  it('keeps comments where they were: own line, end of line, in front of a statement, inside a statement', () => {
    const text = [
      '// file comment',
      'partnership P "P" { // after the brace',
      '',
      '',
      '  /* own line */',
      '  term 2010-01-01 to 2020-12-31 party A "A" as client /* after A */ party B "B" as supplier',
      '  /// not the doc of C: a blank line follows',
      '',
      '  party C "C" as partner',
      '  exclusive A /* inline */ over',
      '    // inside the statement',
      '    S from /* before the date */ 2012-01-01',
      '  scope S "S" { /* nothing else */ }',
      '  scope T "T" {',
      '  }',
      '  // before the closing brace',
      '',
      '  /* in front of */ // then a line comment',
      '}',
      '// after everything',
    ].join('\n');
    assert.equal(format(text), [
      '// file comment',
      'partnership P "P" { // after the brace',
      '  /* own line */',
      '  term 2010-01-01 to 2020-12-31',
      '  party A "A" as client /* after A */',
      '  party B "B" as supplier',
      '  /// not the doc of C: a blank line follows',
      '',
      '  party C "C" as partner',
      '  exclusive A /* inline */ over',
      '      // inside the statement',
      '      S from /* before the date */ 2012-01-01',
      '',
      '  scope S "S" { /* nothing else */',
      '  }',
      '',
      '  scope T "T" { }',
      '  // before the closing brace',
      '',
      '  /* in front of */ // then a line comment',
      '}',
      '// after everything',
      '',
    ].join('\n'));
  });

  it('writes literals exactly as the author wrote them', () => {
    const text = 'partnership P "Tab\there \\\\ \\"q\\"" { term 2010-01-01 to 2020-12-31 party A "A" as client\n' +
      'kpi K "K" { owner A target >= £200,000 threshold < GBP\t 1.5m } obligation O "O" { A must pay "x" every 1 month }\n' +
      'body B "B" { approves S from £ 5k to EUR 5 } scope S "S" }';
    assert.equal(format(text), [
      'partnership P "Tab\there \\\\ \\"q\\"" {',
      '  term 2010-01-01 to 2020-12-31',
      '  party A "A" as client',
      '',
      '  kpi K "K" {',
      '    owner A',
      '    target >= £200,000',
      '    threshold < GBP 1.5m',
      '  }',
      '',
      '  obligation O "O" {',
      '    A must pay "x"',
      '    every 1 month',
      '  }',
      '',
      '  body B "B" {',
      '    approves S from £ 5k to EUR 5',
      '  }',
      '',
      '  scope S "S"',
      '}',
      '',
    ].join('\n'));
  });

  it('leaves a document without a partnership empty, unless that is a syntax error', () => {
    const empty = (text: string, formatted: string) => assert.equal(formatDocument(text), hasSyntaxError(text) ? null : formatted);
    empty('', '');
    empty('\uFEFF  \n', '\uFEFF');
    empty('// only a comment   \n\n\n', '// only a comment\n');
  });

  it('returns null for a document with a syntax error', () => {
    for (const broken of [
      'partnership P "P" { term 2010-01-01 to }',
      'partnership P "P" { term 2010-01-01 to 2020-12-31',
      'partnership P { term 2010-01-01 to 2020-12-31 }',
      'partnership P "P" { term 2010-01-01 to 2020-12-31 party A "unterminated }',
      'partnership P "P" { term 2010-01-01 to 2020-12-31 /* open comment }',
      'partnership P "P" { term 2010-01-01 to 2020-12-31 scope S "S" { covers } }',
      'partnership P "P" { term 2010-01-01 to 2020-12-31 obligation O "O" { A must deliver } }',
      'partnership P "P" { term 2010-01-01 to 2020-12-31 } import "late.partnership"',
    ]) {
      assert.equal(formatDocument(broken), null, broken);
    }
  });

  for (const [label, root] of [['shared corpus', sharedCorpus], ['examples', examples], ['own corpus', ownCorpus]] as const) {
    if (!fs.existsSync(root)) continue;
    describe(`changes only the layout of the ${label}`, () => {
      for (const files of groupsUnder(root)) {
        it(path.relative(root, path.dirname(files[0])) || '.', () => assertLayoutOnly(files, readDisk));
      }
    });
    describe(`changes only the layout of messy rewrites of the ${label}`, () => {
      for (const files of groupsUnder(root)) {
        it(path.relative(root, path.dirname(files[0])) || '.', () => {
          for (const file of files) {
            const text = readDisk(file)!;
            if (hasSyntaxError(text)) continue;
            for (const variant of messyVariants(text)) assertLayoutOnly([file], (f) => (f === file ? variant : readDisk(f)));
          }
        });
      }
    });
  }
});
