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

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { commands: Command[]; configuration: { properties: Record<string, unknown> } };
  scripts: Record<string, string>;
};

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

  it('packs its own README, whose links and pictures are files the VSIX carries, and which names every command and setting', () => {
    const readmePath = /--readme-path (\S+)/.exec(manifest.scripts.package)?.[1];
    assert.equal(readmePath, 'client/README.md');
    const readme = fs.readFileSync(path.join(repoRoot, readmePath), 'utf8');
    // vsce puts the README at the extension's root, so its links are read from there.
    const packed = fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(links.some((l) => l.endsWith('.png')), 'a picture of the matrix');
    for (const link of links) {
      assert.ok(!/^[a-z]+:/i.test(link) || link.startsWith('https://'), `${link} is a file or a web page`);
      if (/^[a-z]+:/i.test(link) || link.startsWith('#')) continue;
      assert.ok(fs.existsSync(path.join(repoRoot, link)), `${link} exists`);
      assert.ok(packed.includes(link), `${link} is packed (.vscodeignore)`);
    }
    for (const c of manifest.contributes.commands) assert.ok(readme.includes(`${c.category}: ${c.title}`), c.title);
    for (const setting of Object.keys(manifest.contributes.configuration.properties)) assert.ok(readme.includes(`\`${setting}\``), setting);
  });
});

describe('the supported Node versions', () => {
  it('are ones every dependency supports, so npm ci warns of no engine on them', () => {
    // semver is npm's own reading of version ranges.
    const semver = require('semver') as { subset(sub: string, dom: string): boolean };
    const ours = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: unknown }> };
    const narrower = Object.entries(lock.packages).flatMap(([name, p]) => {
      const node = p.engines && typeof p.engines === 'object' ? (p.engines as { node?: unknown }).node : undefined;
      return typeof node === 'string' && !semver.subset(ours, node) ? [`${name} needs ${node}`] : [];
    });
    assert.deepEqual(narrower, [], `package.json says ${ours}`);
  });
});
