// Contracts as the benchmark generates them: the shared first-version generator's, with the
// second version's constructs the benchmark adds (scripts/bench/second-version.js).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot, sharedCorpus } from './paths';

const secondVersion = require(path.join(repoRoot, 'scripts', 'bench', 'second-version.js')) as { rewrite(prefix: string): void };

/** The text of a generated contract of `norms` norms, with the second version's constructs. */
export function generatedContract(norms: number): string {
  const prefix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-gen-')), 'c');
  execFileSync(process.execPath, [path.resolve(sharedCorpus, '..', 'bench', 'gen-partnership.mjs'), String(norms), prefix]);
  secondVersion.rewrite(prefix);
  return fs.readFileSync(`${prefix}.partnership`, 'utf8');
}
