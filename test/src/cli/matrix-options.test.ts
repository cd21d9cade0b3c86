// What the exported matrix says beyond its cells: the rows' order and grouping, targets in
// words, both sides of each conflict, and where and when it was made (or not, for
// reproducible output).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { targetText } from '../../../shared/out/matrix-wording';
import type { Matrix } from '../../../shared/out/matrix';
import { run } from '../helpers/cli';
import { cliPath, repoRoot } from '../helpers/paths';

const SB = 'examples/service-birmingham/service-birmingham.partnership';
const PLATFORM = 'examples/portfolio/customer-platform.partnership';

/** The norms a file declares, in the order it declares them. */
function declared(file: string): string[] {
  return [...fs.readFileSync(path.join(repoRoot, file), 'utf8').matchAll(/^\s*(?:obligation|permission|prohibition) (\w+)/gm)].map((m) => m[1]);
}

/** An HTML fragment's text: its tags (the spans that keep words whole) left out. */
const textOf = (html: string): string => html.replace(/<[^>]*>/g, '');

/** The bold norm names of a Markdown matrix's rows, in the order printed. */
/** The norms of the matrix's own table (the money section below it has bold rows too). */
const printedNorms = (markdown: string): string[] => [...markdown.slice(markdown.indexOf('## Obligation matrix'), markdown.indexOf('\n## ', markdown.indexOf('## Obligation matrix') + 1)).matchAll(/^\| \*\*(\w+)\*\* /gm)].map((m) => m[1]);

describe('partnership matrix: order, words, conflicts and provenance', () => {
  it('keeps the contract’s order within each scope group, and lists every norm in that order with --group-by order', () => {
    const json = JSON.parse(run(['matrix', SB, '--format', 'json']).stdout) as Matrix;
    for (const group of json.groups) {
      const lines = group.rows.map((r) => r.line);
      assert.deepEqual(lines, [...lines].sort((a, b) => a - b), group.scope?.path ?? 'no scope');
    }
    const byScope = run(['matrix', SB, '--format', 'md']).stdout;
    const inOrder = run(['matrix', SB, '--format', 'md', '--group-by', 'order']).stdout;
    assert.notDeepEqual(printedNorms(byScope).filter((n) => /^R0/.test(n)), ['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09']);
    assert.deepEqual(printedNorms(inOrder), declared(SB));
    assert.match(inOrder, /\| \*\*Every norm, in the order of the contract\*\* \|/);
    const bad = run(['matrix', SB, '--group-by', 'party']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--group-by must be one of scope, order \(got 'party'\)/);
  });

  it('gives KPI targets in words as well as symbols', () => {
    assert.deepEqual(['>= 99.5%', '<= 2', '> 3', '< £1.5m', '= 0'].map(targetText), [
      'at least 99.5% (>= 99.5%)', 'at most 2 (<= 2)', 'more than 3 (> 3)', 'less than £1.5m (< £1.5m)', 'exactly 0 (= 0)',
    ]);
    assert.match(textOf(run(['matrix', SB, '--format', 'html']).stdout), /Availability: at least 99\.5% \(&#62;= 99\.5%\)/);
    assert.match(run(['matrix', SB, '--format', 'csv']).stdout, /Availability: at least 99\.5% \(>= 99\.5%\)/);
  });

  it('names the file and line of both sides of every conflict', () => {
    const json = JSON.parse(run(['matrix', PLATFORM, '--format', 'json']).stdout) as Matrix;
    assert.ok(json.conflicts.length >= 2);
    const lineOf = (file: string, line: number) => fs.readFileSync(path.join(repoRoot, 'examples/portfolio', file), 'utf8').split('\n')[line - 1];
    for (const c of json.conflicts) {
      assert.equal(c.file, 'customer-platform.partnership');
      assert.equal(c.related.length, 1);
      assert.equal(c.related[0].file, 'joint-venture.partnership');
      assert.match(lineOf(c.related[0].file, c.related[0].line), /exclusive SB over Catalogue\.ICT\.Core/);
    }
    assert.match(lineOf('customer-platform.partnership', json.conflicts[0].line), /exclusive Vendor/);
    const markdown = run(['matrix', PLATFORM, '--format', 'md']).stdout;
    assert.match(markdown, /^- customer-platform\.partnership, line 16: P201 .* Other side: joint-venture\.partnership, line 19 /m);
    const row = json.exclusivity.find((r) => r.conflicts.length > 0)!;
    assert.ok(row.conflicts.every((c) => c.includes('(other side: joint-venture.partnership, line 19)')), row.conflicts.join('\n'));
  });

  it('says which files the page was made from and when, and leaves the moment out with --no-timestamp', () => {
    const files = 'examples/portfolio/catalogue.partnership, examples/portfolio/customer-platform.partnership and examples/portfolio/joint-venture.partnership';
    const withTime = run(['matrix', PLATFORM]).stdout;
    const provenance = /<p class="provenance">(.*)<\/p>/.exec(withTime)?.[1] ?? '';
    assert.match(textOf(provenance), new RegExp(`^Made by partnership \\S+ from ${files.replace(/\./g, '\\.')} on \\d{4}-\\d\\d-\\d\\d at \\d\\d:\\d\\d UTC\\.$`));
    const first = run(['matrix', PLATFORM, '--no-timestamp', '--format', 'md']).stdout;
    assert.ok(first.includes(`*Made by partnership `) && first.includes(` from ${files}.*`), first.slice(0, 400));
    assert.doesNotMatch(first, / UTC/);
    assert.equal(run(['matrix', PLATFORM, '--no-timestamp', '--format', 'md']).stdout, first);

    const atEpoch = (value: string) => spawnSync(process.execPath, [cliPath, 'matrix', PLATFORM, '--format', 'md'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: value } });
    assert.match(atEpoch('86400').stdout, / on 1970-01-02 at 00:00 UTC\.\*/);
    const bad = atEpoch('yesterday');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /SOURCE_DATE_EPOCH must be a whole number of seconds/);
  });
});
