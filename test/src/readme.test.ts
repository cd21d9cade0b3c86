// The READMEs' commands run as written, from the repository root, and write only where git
// ignores; the reference manual's matrix example prints what it shows.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from './helpers/cli';
import { repoRoot } from './helpers/paths';

const ignored = fs.readFileSync(path.join(repoRoot, '.gitignore'), 'utf8').split('\n').filter((l) => l.endsWith('/')).map((l) => l.slice(0, -1));

/** The `npx partnership …` lines of a Markdown file's code blocks, with their comments cut off. */
function commandsIn(file: string): string[] {
  const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
  const blocks = [...text.matchAll(/^```\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  return blocks.flatMap((b) => b.split('\n')).filter((l) => /(^|&& )npx partnership /.test(l)).map((l) => l.replace(/\s+#.*$/, ''));
}

describe('the READMEs', () => {
  for (const file of ['README.md', 'examples/README.md']) {
    const commands = commandsIn(file);
    it(`${file}: every command runs as written and writes only into a folder git ignores`, function () {
      this.timeout(60000);
      assert.ok(commands.length > 0, 'some commands');
      for (const command of commands) {
        for (const target of [...command.matchAll(/(?:-o|>) (\S+)/g)].map((m) => m[1])) {
          assert.ok(ignored.includes(target.split('/')[0]), `${command}: ${target} is in a folder .gitignore lists`);
        }
        const r = spawnSync('sh', ['-c', command.replace(/npx partnership /g, `${JSON.stringify(process.execPath)} bin/partnership.js `)], { cwd: repoRoot, encoding: 'utf8' });
        // 1 is a check that found errors, as the portfolio's are meant to; 2 would be bad usage.
        assert.ok(r.status === 0 || (r.status === 1 && / check /.test(command)), `${command} exited with ${r.status}: ${r.stderr}`);
      }
    });
  }
});

describe('the reference manual’s matrix example', () => {
  it('prints what the manual shows, byte for byte, with --no-timestamp', () => {
    const manual = fs.readFileSync(path.join(repoRoot, 'docs', 'language.md'), 'utf8');
    const source = /^```\n(\/\/\/[^\n]*\npartnership Leisure [\s\S]*?)^```$/m.exec(manual)?.[1];
    const shown = /^```\n\$ (npx partnership matrix contracts\/leisure\.partnership [^\n]*)\n([\s\S]*?)^```$/m.exec(manual);
    assert.ok(source && shown, 'the example and its output');
    assert.match(shown[1], /--no-timestamp/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-manual-'));
    fs.mkdirSync(path.join(dir, 'contracts'));
    fs.writeFileSync(path.join(dir, 'contracts', 'leisure.partnership'), source);
    const r = run(shown[1].split(' ').slice(2), dir);
    assert.equal(r.stdout, shown[2]);
  });
});
