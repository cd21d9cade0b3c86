// Where things are, wherever the compiled tests run from.
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'grammar'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository root above ${from}`);
  }
}

export const repoRoot = findRoot(__dirname);
export const sharedCorpus = path.resolve(repoRoot, '..', 'shared', 'corpus');
export const sharedCorpusV2 = path.resolve(repoRoot, '..', 'shared', 'corpus-v2');
export const ownCorpus = path.join(repoRoot, 'test', 'corpus');
export const examples = path.join(repoRoot, 'examples');
export const cliPath = path.join(repoRoot, 'bin', 'partnership.js');

export function partnershipFilesUnder(folder: string): string[] {
  return filesUnder(folder, '.partnership');
}

export function typeScriptFilesUnder(folder: string): string[] {
  return filesUnder(folder, '.ts');
}

function filesUnder(folder: string, extension: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full, extension));
    else if (entry.name.endsWith(extension)) out.push(full);
  }
  return out.sort();
}
