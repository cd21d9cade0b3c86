// Runs a bundled script from the engine's code cache, kept beside it. The language server and
// the command line are started again and again with the same code, and opening a contract is
// mostly the engine's first run of that code: compiling the functions it calls is part of the
// wait. The engine can hand back what it compiled (`vm.Script#createCachedData`) and take it
// at the next start, so that those functions are not compiled again.
//
// The cache is named by the script's content, the engine's version and the machine's
// architecture, so a rebuilt script or another engine never reads one made for another (the
// engine itself checks only the source's length). It sits in the script's own folder, which
// only those who may change the code can write: a folder nobody may write (an install for every
// user) keeps none, and the script runs as it would without it. Nothing here may stop the
// script from running: a cache that cannot be read, or that the engine refuses, is left aside.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** What became of the cache for one start. */
export type CacheUse = 'used' | 'made' | 'none';

const CACHE_SUFFIX = '.code-cache';

/** The cache file of `script` with the content `source`, for this engine. */
export function cacheFileOf(script: string, source: string): string {
  const key = createHash('sha256').update(source).update(process.version).update(process.arch).digest('hex').slice(0, 16);
  return path.join(path.dirname(script), `${path.basename(script, '.js')}.${key}${CACHE_SUFFIX}`);
}

interface Prepared {
  readonly run: (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;
  readonly script: vm.Script;
  readonly cacheFile: string;
  readonly used: boolean;
}

/**
 * Runs the CommonJS script `file` as `require` would, compiled from its cache when there is a
 * good one, and gives back what it exports and what became of the cache. When there was none,
 * the cache is made when the process exits (an editor stops its server with `exit`; a command
 * ends): by then the engine has compiled what the run called, opening a contract and editing it.
 */
export function runWithCodeCache(file: string): { readonly exports: unknown; readonly cache: CacheUse } {
  const prepared = prepare(file);
  if (!prepared) return { exports: createRequire(file)(file), cache: 'none' };
  if (!prepared.used) process.once('exit', () => keep(prepared.script, prepared.cacheFile));
  const module = { exports: {} };
  prepared.run(module.exports, createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, cache: prepared.used ? 'used' : 'made' };
}

/** The script compiled, from its cache when the engine takes it; null when it cannot be read here. */
function prepare(file: string): Prepared | null {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    // Unreadable here: `require` reads it again and reports what is wrong.
    return null;
  }
  const cacheFile = cacheFileOf(file, source);
  const cachedData = readCache(cacheFile);
  // The module wrapper Node itself puts around a CommonJS file, on the same line as its first,
  // so that positions in stack traces are the file's own.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: file, cachedData });
  const run = script.runInThisContext() as Prepared['run'];
  return { run, script, cacheFile, used: cachedData !== undefined && !script.cachedDataRejected };
}

function readCache(cacheFile: string): Buffer | undefined {
  try {
    return fs.readFileSync(cacheFile);
  } catch (error) {
    // No cache yet is the usual first start; any other failure leaves the cache aside too.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') process.stderr.write(`code cache: ${cacheFile} not read (${(error as Error).message})\n`);
    return undefined;
  }
}

/** Writes the cache (through a file of its own, renamed, so no start reads half of one), and removes those of other builds. */
function keep(script: vm.Script, cacheFile: string): void {
  const folder = path.dirname(cacheFile);
  const prefix = path.basename(cacheFile).replace(/\.[0-9a-f]+\.code-cache$/, '.');
  const partial = `${cacheFile}.${process.pid}.partial`;
  try {
    fs.writeFileSync(partial, script.createCachedData(), { mode: 0o644 });
    fs.renameSync(partial, cacheFile);
    for (const name of fs.readdirSync(folder)) {
      if (name.startsWith(prefix) && name.endsWith(CACHE_SUFFIX) && path.join(folder, name) !== cacheFile) fs.rmSync(path.join(folder, name), { force: true });
    }
  } catch (error) {
    fs.rmSync(partial, { force: true });
    // A folder this user may not write keeps no cache, as intended; anything else is worth a line in the server's log.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') process.stderr.write(`code cache: ${cacheFile} not written (${(error as Error).message})\n`);
  }
}
