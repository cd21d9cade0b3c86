// Issue 16, items 4, 5 and 7: what the command line writes is inert. A CSV opened in a real
// spreadsheet (LibreOffice, headless) holds no formula; text printed to a terminal holds no
// control character; SARIF messages hold no link.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { csvField } from '../../../server/out/core/matrix/csv';
import { main } from '../../../server/out/cli/main';
import { cliPath } from '../helpers/paths';

const HYPERLINK = '=HYPERLINK("http://attacker.invalid/x","Open invoice")';
const FORMULAS = [HYPERLINK, '+1+2', '-3+4', '@SUM(1,2)', '\t=1+1'];
const quoted = (s: string): string => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** Opens CSV files with LibreOffice Calc and returns each as flat OpenDocument XML. */
function openInSpreadsheet(files: readonly string[]): string[] {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-calc-'));
  const profile = `-env:UserInstallation=file://${fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-lo-profile-'))}`;
  const r = spawnSync('soffice', [profile, '--headless', '--convert-to', 'fods', '--outdir', out, ...files], { encoding: 'utf8', timeout: 120000 });
  assert.equal(r.error, undefined, `LibreOffice (libreoffice-calc-nogui) must be installed: ${r.error?.message}`);
  return files.map((f) => fs.readFileSync(path.join(out, path.basename(f, '.csv') + '.fods'), 'utf8'));
}

function run(args: readonly string[], isTty: boolean): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty });
  return { code, stdout, stderr };
}

describe('inert output', function () {
  this.timeout(180000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-inert-'));

  it('a matrix CSV opened in LibreOffice Calc has no formula, and shows each title as text', () => {
    const norms = FORMULAS.map((title, i) => `  obligation N${i} ${quoted(title)} { B must run S due 2011-01-01 }`);
    const contract = path.join(dir, 'formulas.partnership');
    fs.writeFileSync(contract, ['partnership X "X" {', '  term 2010-01-01 to 2020-12-31', '  party A "A" as client', '  party B "B" as supplier', `  scope S ${quoted(HYPERLINK)}`, ...norms, '}', ''].join('\n'));
    const csv = path.join(dir, 'matrix.csv');
    assert.equal(spawnSync(process.execPath, [cliPath, 'matrix', '--format', 'csv', '-o', csv, contract]).status, 0);
    // The same titles written without neutralising: the reader does find formulas there.
    const raw = path.join(dir, 'raw.csv');
    fs.writeFileSync(raw, `Title\r\n"${HYPERLINK.replace(/"/g, '""')}"\r\n`);
    const [sheet, rawSheet] = openInSpreadsheet([csv, raw]);
    assert.match(rawSheet, /table:formula="of:=HYPERLINK/);
    assert.doesNotMatch(sheet, /table:formula=/);
    assert.ok(sheet.includes('&apos;=HYPERLINK(&quot;http://attacker.invalid/x&quot;,&quot;Open invoice&quot;)') || sheet.includes("'=HYPERLINK("), 'the title is shown as text');
    for (const field of ['+1+2', '-3+4', '@SUM(1)', '=1+1', '\t=1', '\r=1']) assert.match(csvField(field), /^"?'/, JSON.stringify(field));
    assert.equal(csvField('\r=1'), `"'\r=1"`);
    assert.equal(csvField('Plain, text'), '"Plain, text"');
  });

  it('prints no control or bidirectional character to a terminal: messages, paths, code frames, errors', () => {
    const evil = '\u001b]0;pwned\u0007\u001b[2K\u001b[1A0 errors\u009b31m\u202e';
    const name = path.join(dir, `contract\u001b[2J.partnership`);
    fs.writeFileSync(name, `partnership X "X" {\n  term 2010-01-01 to 2020-12-31\n  party A ${quoted(`A ${evil}`)} as client\n  obligation O "o" { A must pay Council${evil.replace(/\W/g, '')} due 2011-01-01 }\n  obligation P "p" { A must file "${evil}" due 2011-01-01 }\n  prohibition Q "q" { A must not file "${evil}" }\n}\n`);
    const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
    for (const tty of [false, true]) {
      for (const format of ['text', 'json', 'sarif']) {
        const r = run(['check', '--format', format, name], tty);
        const shown = tty ? r.stdout.replace(/\u001b\[[0-9;]*m/g, '') : r.stdout;
        assert.doesNotMatch(shown, unsafe, `${format} on ${tty ? 'a terminal' : 'a pipe'}`);
        if (format === 'text') assert.match(shown, /\\x1B\]0;pwned\\x07/);
        // The JSON values keep the characters (SARIF escapes `[` and `]` besides).
        else assert.match(JSON.stringify(JSON.parse(r.stdout)), /\\u001b(\\\\)?\]0;pwned\\u0007/, format);
      }
    }
    const missing = run(['check', path.join(dir, `gone\u001b[2J\u202e.partnership`)], false);
    assert.equal(missing.code, 2);
    assert.doesNotMatch(missing.stderr, unsafe);
    assert.match(missing.stderr, /gone\\x1B\[2J\\u202E\.partnership/);
    const matrix = run(['matrix', '--format', 'md', name], true);
    assert.doesNotMatch(matrix.stdout, unsafe);
  });

  it('SARIF messages escape square brackets, so a title cannot become a link', () => {
    const file = path.join(dir, 'link.partnership');
    fs.writeFileSync(file, 'partnership X "X" {\n  term 2010-01-01 to 2020-12-31\n  party A "[Open invoice](https://attacker.invalid/x)" as client\n  obligation O "o" { A must pay "[x](https://attacker.invalid)" due 2011-01-01 }\n  prohibition P "p" { A must not pay "[x](https://attacker.invalid)" }\n}\n');
    const sarif = JSON.parse(run(['check', '--format', 'sarif', file], false).stdout);
    const texts: string[] = sarif.runs[0].results.flatMap((r: { message: { text: string }; relatedLocations?: { message: { text: string } }[] }) => [r.message.text, ...(r.relatedLocations ?? []).map((l) => l.message.text)]);
    const withLink = texts.filter((t) => t.includes('attacker.invalid'));
    assert.ok(withLink.length >= 2, texts.join('\n'));
    for (const t of withLink) {
      assert.doesNotMatch(t, /(^|[^\\])\[[^\]]*(^|[^\\])\]\(/, t);
      assert.match(t, /\\\[x\\\]\(https:\/\/attacker\.invalid\)/);
    }
  });
});
