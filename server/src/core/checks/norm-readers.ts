// Which norms of a file looked up what. After an edit inside one norm, only a few lookups can
// give something new; the norms to check again are the readers of those lookups, found here
// instead of by confirming each of tens of thousands of norms' lookups one by one.

import type { ProgramQueries, QueryKind, Read } from './queries';

/** For each lookup (kind and key), the places of the norms that made it, in a file's norms. */
export type NormReaders = Map<QueryKind, Map<object | string, number[]>>;

interface NormReads {
  readonly reads: readonly Read[];
}

/**
 * Readers by the check result they describe. A result patched from another takes over its
 * readers and changes them in place (see `takeReaders`): the earlier result is not patched twice.
 */
const readersOf = new WeakMap<object, NormReaders>();

/** The readers of `result`'s norms, taken over from it; gathered from its norms when it has none. */
export function takeReaders(result: object, norms: readonly NormReads[]): NormReaders {
  const kept = readersOf.get(result);
  if (kept) {
    readersOf.delete(result);
    return kept;
  }
  const readers: NormReaders = new Map();
  norms.forEach((norm, place) => addReader(readers, place, norm.reads));
  return readers;
}

export function keepReaders(result: object, readers: NormReaders): void {
  readersOf.set(result, readers);
}

export function addReader(readers: NormReaders, place: number, reads: readonly Read[]): void {
  for (const read of reads) {
    let byKey = readers.get(read.kind);
    if (!byKey) readers.set(read.kind, (byKey = new Map()));
    const list = byKey.get(read.key);
    if (list) list.push(place);
    else byKey.set(read.key, [place]);
  }
}

export function removeReader(readers: NormReaders, place: number, reads: readonly Read[]): void {
  for (const read of reads) {
    const byKey = readers.get(read.kind);
    const list = byKey?.get(read.key);
    const at = list ? list.indexOf(place) : -1;
    if (at < 0) continue;
    list!.splice(at, 1);
    if (list!.length === 0) byKey!.delete(read.key);
  }
}

/**
 * Marks the norms (by place) at least one of whose lookups no longer gives what it recorded.
 * A lookup the queries know to be unchanged is skipped with all its readers; the others are
 * confirmed reader by reader, each against the value that reader recorded.
 */
export function staleReaders(readers: NormReaders, norms: readonly NormReads[], queries: ProgramQueries): Uint8Array {
  const stale = new Uint8Array(norms.length);
  for (const [kind, byKey] of readers) {
    for (const [key, places] of byKey) {
      if (queries.unchanged(kind, key)) continue;
      for (const place of places) {
        if (stale[place]) continue;
        const read = norms[place].reads.find((r) => r.kind === kind && r.key === key);
        if (!read || !queries.stillHolds(read)) stale[place] = 1;
      }
    }
  }
  return stale;
}
