// The JavaScript engine settings the language server runs with, and the check that an engine
// accepts them. Every start of the server takes them from here: the VS Code client
// (`execArgv`), bin/partnership-language-server.js (which starts the server in a new engine)
// and the benchmark.
//
// Opening a contract builds its whole tree, declarations and model at once, and nearly all of
// it stays alive. With the engine's defaults the young generation starts at 1 MB and grows step
// by step, so that memory is copied again at every one of a dozen early collections; and the
// first full collection comes when the heap reaches a few tens of megabytes, with a pause of
// 150 ms in the middle of opening a 50,000-norm contract. A 64 MB young generation holds all
// that opening a 5,000-norm contract makes (about 40 MB), so nothing is copied while it opens.
// The first full collection waits until the old generation reaches 768 MB: a workspace of
// 1,000 contracts of 100 norms keeps about 530 MB alive once analysed, all of it made while it
// opens, so that a lower limit (256 MB) marked the whole heap in the middle of the opening
// (140 ms, and the write barriers of the marking besides), to free almost nothing; the
// engine's own limit, which it lowers as it sees objects survive, came at 168 MB. A
// 50,000-norm contract keeps about 200 MB, and marked its heap during the edits after it
// opened with the lower limit, no longer now. An editing session's garbage is
// collected young, so a server holding a 5,000-norm contract stays near 220 MB through the
// benchmark's edits either way (docs/performance.md).
//
// The engine reads these sizes when it starts: set later (`v8.setFlagsFromString`) they change
// nothing, so they must be on the command line. Node refuses to start with a setting its
// engine does not know, and an engine may drop one in any release; two of these are not among
// the settings Node lists as known (`process.allowedNodeEnvironmentFlags`). So the engine is
// asked first, and the server runs without any setting rather than not at all.
//
// A command run once (`bin/partnership.js`) is mostly the engine's first run of its code, and
// the parser's functions are large: on the engine of Node 20 (V8 11.3), optimising later than
// its default (`--interrupt-budget`, 4.4 times its default) made `check` of a 5,000-norm
// contract about a quarter faster, `calendar` an eighth and `status` a tenth
// (docs/performance.md). The language server is the same first run while it opens its first
// contracts (a 5,000-norm contract opened a fifth sooner, a workspace of 1,000 files a
// twentieth), but its edits, which run the same code again and again, ran slower at 50,000
// norms: it optimises later until its first analysis of any file, then at the engine's own
// pace. Later engines decide by other settings (V8 13 has no `--interrupt-budget`) and were
// not measured: they keep their own.

import { execFile } from 'node:child_process';

/** Optimising later, for the engine it was measured on: the setting, and the engine's own value of it. */
interface LaterOptimising {
  readonly later: string;
  readonly engineDefault: string;
}

function laterOptimising(v8Version: string): LaterOptimising | undefined {
  return v8Version.startsWith('11.3.') ? { later: '--interrupt-budget=300000', engineDefault: '--interrupt-budget=67584' } : undefined;
}

/** The engine's settings for optimising code in a command run once, for the engine `v8Version` names; none for an engine not measured. */
export function tieringFlags(v8Version: string = process.versions.v8): readonly string[] {
  const tuning = laterOptimising(v8Version);
  return tuning ? [tuning.later] : [];
}

export const ENGINE_FLAGS: readonly string[] = ['--max-semi-space-size=64', '--min-semi-space-size=64', '--initial-old-space-size=768'];

/**
 * Gives a command run once the settings of `tieringFlags`: unlike the heap's sizes, the engine
 * reads them as it goes, so they take effect for the code loaded after this. Only an engine
 * known to have them is given them: another would print an error for an unknown setting among
 * the command's diagnostics.
 */
export function tuneForOneRun(setFlags: (flags: string) => void, v8Version: string = process.versions.v8): readonly string[] {
  const flags = tieringFlags(v8Version);
  for (const flag of flags) setFlags(flag);
  return flags;
}

/**
 * For the language server: the settings of `tieringFlags` while it opens its first contracts.
 * Returns what sets the engine's own values back, to be called once the first analysis of any
 * file is done; calling it again does nothing.
 */
export function tuneForOpening(setFlags: (flags: string) => void, v8Version: string = process.versions.v8): () => void {
  const tuning = laterOptimising(v8Version);
  if (!tuning) return () => {};
  setFlags(tuning.later);
  let opened = false;
  return () => {
    if (opened) return;
    opened = true;
    setFlags(tuning.engineDefault);
  };
}

/** Longer than any engine takes to start; a probe that takes longer counts as a refusal. */
const PROBE_TIMEOUT_MS = 10000;

/**
 * `flags` when the engine at `execPath` starts with them all, otherwise none. The engine runs
 * an empty program with them, as Node would run the server (Electron's own executable, VS
 * Code's, runs as Node with ELECTRON_RUN_AS_NODE, as the language client starts it).
 */
export function acceptedEngineFlags(execPath: string = process.execPath, flags: readonly string[] = ENGINE_FLAGS): Promise<readonly string[]> {
  return new Promise((resolve) => {
    const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
    execFile(execPath, [...flags, '--eval', ''], { env, timeout: PROBE_TIMEOUT_MS, windowsHide: true }, (error) => resolve(error ? [] : flags));
  });
}
