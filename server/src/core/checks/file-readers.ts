// Which files' checks read something about each file: the reverse of each file's reads grouped
// by the file they are about (checks/run.ts, `readGroupsOf`). An edit to one file of a large
// workspace changes the facts about the declarations of a few files (those its contributions
// concern); through this index it visits the files whose checks read about those, and leaves
// every other file's results standing without looking at them.
//
// The index is made once for a program's results, and carried to the next results through the
// files whose results changed: their earlier reads are taken out, and their new reads, which
// may not have been grouped yet (a large contract typed into), are put in when grouped; until
// then the file is visited at every edit, as a file with reads about no file in particular is.

import type { Read } from '../facts/engine';

/** The part of a file's check results this index reads. */
export interface ReaderResult {
  /** False when a check failed on the file: it is then checked afresh at every analysis. */
  readonly complete: boolean;
}

export interface FileReaders<R extends ReaderResult> {
  /** For each file, the files whose checks read something about its declarations. */
  readonly about: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * The files to visit at every analysis: those with reads about no file in particular, those
   * whose results are incomplete, and those whose reads are not yet in `about` (`waiting`).
   */
  readonly always: ReadonlySet<string>;
  /** The results whose reads are not yet in `about`, by file. */
  readonly waiting: ReadonlyMap<string, R>;
}

/** How a file's reads are grouped by the file they are about; `ready` says whether that is made already. */
export interface ReadGrouping<R> {
  groups(result: R): ReadonlyMap<string, readonly Read[]>;
  ready(result: R): boolean;
}

/**
 * The index of `byFile`, made from every file's grouped reads (grouping those not yet grouped)
 * but those of the files in `later` not yet grouped, which wait: a large contract just typed
 * into is visited at its next edit whatever this says.
 */
export function fileReaders<R extends ReaderResult>(byFile: ReadonlyMap<string, R>, grouping: ReadGrouping<R>, later: ReadonlySet<string>): FileReaders<R> {
  const about = new Map<string, Set<string>>();
  const always = new Set<string>();
  const waiting = new Map<string, R>();
  const readersOf = (target: string): Set<string> => {
    let readers = about.get(target);
    if (!readers) about.set(target, (readers = new Set()));
    return readers;
  };
  for (const [file, result] of byFile) {
    if (result.complete && later.has(file) && !grouping.ready(result)) {
      waiting.set(file, result);
      always.add(file);
    } else addReader(readersOf, always, file, result, grouping);
  }
  return { about, always, waiting };
}

/**
 * The index of results that are `before`'s with the results of the files in `changed`
 * replaced (`after` gives each file's result now): the earlier results' reads taken out, the
 * new ones put in when already grouped, and otherwise left waiting. Waiting results grouped
 * since are put in too.
 */
export function carriedReaders<R extends ReaderResult>(
  index: FileReaders<R>,
  beforeOf: (file: string) => R | undefined,
  after: (file: string) => R | undefined,
  changed: Iterable<string>,
  grouping: ReadGrouping<R>,
): FileReaders<R> {
  const about = new Map(index.about as ReadonlyMap<string, ReadonlySet<string>>);
  // The sets copied here, which may then be changed in place.
  const copied = new Set<ReadonlySet<string>>();
  const readersOf = (file: string): Set<string> => {
    const set = about.get(file);
    if (set && copied.has(set)) return set as Set<string>;
    const copy = new Set(set);
    copied.add(copy);
    about.set(file, copy);
    return copy;
  };
  const always = new Set(index.always);
  const waiting = new Map(index.waiting);
  const take = (file: string, result: R | undefined): void => {
    always.delete(file);
    if (waiting.delete(file) || !result || !result.complete) return;
    for (const target of grouping.groups(result).keys()) if (target !== '') readersOf(target).delete(file);
  };
  const put = (file: string, result: R | undefined): void => {
    if (!result) return;
    if (result.complete && !grouping.ready(result)) {
      waiting.set(file, result);
      always.add(file);
    } else addReader(readersOf, always, file, result, grouping);
  };
  for (const file of changed) {
    const before = waiting.get(file) ?? beforeOf(file);
    const now = after(file);
    if (before === now) continue;
    take(file, before);
    put(file, now);
  }
  // Results left waiting that have been grouped since (while the server had time to spare).
  for (const [file, result] of index.waiting) {
    if (waiting.get(file) !== result || !grouping.ready(result)) continue;
    waiting.delete(file);
    always.delete(file);
    put(file, result);
  }
  return { about, always, waiting };
}

/** Puts `file`'s result into the index: among the readers of each file its reads are about (`readersOf` gives a set it may change), or among those visited always. */
function addReader<R extends ReaderResult>(readersOf: (target: string) => Set<string>, always: Set<string>, file: string, result: R, grouping: ReadGrouping<R>): void {
  if (!result.complete) {
    always.add(file);
    return;
  }
  for (const target of grouping.groups(result).keys()) {
    if (target === '') always.add(file);
    else readersOf(target).add(file);
  }
}
