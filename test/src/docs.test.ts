// The reference manual stays true: every `npx partnership check contracts` example it prints
// is run again on the source blocks written just above it, and must print the same; every
// diagnostic code has its section (SARIF links to them).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { catalog } from '../../server/out/core/diagnostics/catalog';
import { run } from './helpers/cli';
import { repoRoot } from './helpers/paths';

const manual = fs.readFileSync(path.join(repoRoot, 'docs', 'language.md'), 'utf8');

interface Example {
  readonly sources: { name: string | null; text: string }[];
  readonly expected: string;
  readonly line: number;
}

function examples(): Example[] {
  const out: Example[] = [];
  const block = /(?:^`(contracts\/[^`]+)`:\n\n)?^```\n([\s\S]*?)^```$/gm;
  let sources: { name: string | null; text: string }[] = [];
  for (let m = block.exec(manual); m; m = block.exec(manual)) {
    const body = m[2];
    if (body.startsWith('$ npx partnership check contracts\n')) {
      out.push({ sources, expected: body.slice(body.indexOf('\n') + 1), line: manual.slice(0, m.index).split('\n').length });
      sources = [];
    } else if (/^(\/\/\/|\/\/|import |partnership )/m.test(body.split('\n')[0])) {
      sources.push({ name: m[1] ?? null, text: body });
    } else {
      sources = [];
    }
  }
  return out;
}

describe('reference manual', () => {
  it('has a section, with an anchor, for every diagnostic code', () => {
    for (const code of Object.keys(catalog)) {
      assert.ok(manual.includes(`<a id="${code.toLowerCase()}"></a>`), `anchor for ${code}`);
      assert.match(manual, new RegExp(`^### ${code} `, 'm'), `heading for ${code}`);
    }
  });

  const all = examples();
  it('prints at least thirty checked examples', () => assert.ok(all.length >= 30, String(all.length)));

  for (const example of all) {
    it(`example at line ${example.line} prints what the manual says`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-docs-'));
      const firstPath = /^contracts\/(\S+?\.partnership)/m.exec(example.expected)?.[1] ?? 'contract.partnership';
      for (const source of example.sources) {
        const name = source.name ?? `contracts/${firstPath}`;
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), source.text);
      }
      assert.ok(example.sources.length > 0, 'the example shows its source');
      const r = run(['check', 'contracts'], dir);
      assert.equal(r.stdout, example.expected);
    });
  }
});
