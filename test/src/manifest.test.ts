// The extension's manifest as people meet it: the command palette's order for a search, and
// the README the VSIX carries instead of the developer README.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './helpers/paths';

interface Command {
  readonly command: string;
  readonly title: string;
  readonly category?: string;
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { commands: Command[] } };

/**
 * The palette's order for commands never run before: those whose "Category: Title" holds every
 * word searched for, by label (VS Code sorts by recent use first, then by label).
 */
function palette(query: string): string[] {
  const words = query.toLowerCase().split(/\s+/);
  return manifest.contributes.commands
    .map((c) => ({ id: c.command, label: c.category ? `${c.category}: ${c.title}` : c.title }))
    .filter((c) => words.every((w) => c.label.toLowerCase().includes(w)))
    .sort((a, b) => a.label.localeCompare(b.label))
    .map((c) => c.id);
}

describe('the extension manifest', () => {
  it('lists Open Obligation Matrix to the Side first when searching for the obligation matrix', () => {
    for (const query of ['obligation matrix', 'matrix', 'partnership matrix']) {
      assert.deepEqual(palette(query), ['partnership.openMatrixToSide', 'partnership.exportMatrix'], query);
    }
  });
});
