// The language core stays editor-agnostic: the command line, the server and the tests share it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, typeScriptFilesUnder } from '../helpers/paths';

describe('architecture', () => {
  it('the core imports nothing from VS Code or the LSP libraries', () => {
    const core = path.join(repoRoot, 'server', 'src', 'core');
    for (const file of typeScriptFilesUnder(core)) {
      const text = fs.readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const spec of imports) {
        // csv-parse: the results files' reader (a plain library, no editor or protocol in it).
        assert.ok(spec.startsWith('.') || spec.startsWith('node:') || spec === 'csv-parse/sync', `${path.relative(repoRoot, file)} imports ${spec}`);
        if (spec.startsWith('.')) assert.ok(!path.resolve(path.dirname(file), spec).includes(`${path.sep}lsp${path.sep}`), `${file} reaches into the server`);
      }
    }
  });

  it('the extension and the server share only shared/, which imports neither', () => {
    const apart = { client: ['server'], shared: ['client', 'server'], server: ['client'] };
    for (const [side, others] of Object.entries(apart)) {
      for (const file of typeScriptFilesUnder(path.join(repoRoot, side, 'src'))) {
        for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/(?:from|import\() ?'([^']+)'/g)) {
          if (!spec.startsWith('.')) continue;
          const target = path.relative(repoRoot, path.resolve(path.dirname(file), spec)).split(path.sep)[0];
          assert.ok(!others.includes(target), `${path.relative(repoRoot, file)} imports ${spec}`);
        }
      }
    }
  });
});
