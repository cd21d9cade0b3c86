// The index of which files' checks read about which files, made at once and carried from one
// analysis's results to the next through the files whose results changed.
import * as assert from 'node:assert/strict';
import { carriedReaders, type FileReaders, fileReaders, type ReadGrouping } from '../../../server/out/core/checks/file-readers';
import type { Read } from '../../../server/out/core/facts/engine';

/** A file's results as the index sees them: complete or not, and the files its reads are about ('' for none in particular). */
interface Result {
  readonly complete: boolean;
  readonly about: readonly string[];
}

const result = (...about: string[]): Result => ({ complete: true, about });
const failed = (): Result => ({ complete: false, about: [] });

/** Groups a result's reads when asked, noting it; `ready` says whether it was grouped. */
function grouping(): ReadGrouping<Result> & { readonly grouped: Set<Result> } {
  const grouped = new Set<Result>();
  return {
    grouped,
    groups(r) {
      grouped.add(r);
      return new Map<string, readonly Read[]>(r.about.map((file) => [file, []]));
    },
    ready: (r) => grouped.has(r),
  };
}

/** The index as plain lists, sorted, for comparing. */
function plain(index: FileReaders<Result>): { about: Record<string, string[]>; always: string[]; waiting: string[] } {
  const about: Record<string, string[]> = {};
  for (const [file, readers] of [...index.about].sort(([a], [b]) => a.localeCompare(b))) if (readers.size > 0) about[file] = [...readers].sort();
  return { about, always: [...index.always].sort(), waiting: [...index.waiting.keys()].sort() };
}

describe('which files read about which', () => {
  it('index each file under the files its reads are about, and visit always those reading about none or incomplete', () => {
    const byFile = new Map<string, Result>([
      ['a', result('a', 'catalogue')],
      ['b', result('b', 'catalogue', '')],
      ['c', failed()],
      ['catalogue', result('catalogue')],
    ]);
    assert.deepEqual(plain(fileReaders(byFile, grouping(), new Set())), {
      about: { a: ['a'], b: ['b'], catalogue: ['a', 'b', 'catalogue'] },
      always: ['b', 'c'],
      waiting: [],
    });
  });

  it('leave the reads of files to be visited anyway ungrouped until they are grouped, and visit them meanwhile', () => {
    const big = result('big', 'catalogue');
    const byFile = new Map<string, Result>([['big', big], ['catalogue', result('catalogue')]]);
    const groups = grouping();
    const index = fileReaders(byFile, groups, new Set(['big']));
    assert.ok(!groups.grouped.has(big), 'the large file just edited is not grouped to make the index');
    assert.deepEqual(plain(index), { about: { catalogue: ['catalogue'] }, always: ['big'], waiting: ['big'] });
    // Grouped meanwhile (the server's work ahead): the next index carried puts it in.
    groups.groups(big);
    const next = carriedReaders(index, (f) => byFile.get(f), (f) => byFile.get(f), [], groups);
    assert.deepEqual(plain(next), { about: { big: ['big'], catalogue: ['big', 'catalogue'] }, always: [], waiting: [] });
  });

  it('carry the index through the files whose results changed, as made afresh, without changing the earlier one', () => {
    const before = new Map<string, Result>([
      ['a', result('a', 'catalogue')],
      ['b', result('b', '')],
      ['c', failed()],
      ['d', result('d')],
      ['catalogue', result('catalogue')],
    ]);
    const groups = grouping();
    const index = fileReaders(before, groups, new Set());
    const earlier = plain(index);
    // a stops reading the catalogue, b reads about a file in particular only, c's checks now
    // complete, d's new results not yet grouped, the catalogue's results the same object.
    const after = new Map<string, Result>([
      ['a', result('a')],
      ['b', result('b', 'catalogue')],
      ['c', result('c', 'a')],
      ['d', result('d', 'catalogue')],
      ['catalogue', before.get('catalogue')!],
    ]);
    for (const f of ['a', 'b', 'c']) groups.groups(after.get(f)!);
    const carried = carriedReaders(index, (f) => before.get(f), (f) => after.get(f), after.keys(), groups);
    assert.deepEqual(plain(carried), {
      about: { a: ['a', 'c'], b: ['b'], c: ['c'], catalogue: ['b', 'catalogue'] },
      always: ['d'],
      waiting: ['d'],
    });
    assert.deepEqual(plain(index), earlier, 'the earlier index is as it was');
    // Once d's reads are grouped, the index is the one made afresh from the results.
    groups.groups(after.get('d')!);
    const settled = carriedReaders(carried, (f) => after.get(f), (f) => after.get(f), [], groups);
    assert.deepEqual(plain(settled), plain(fileReaders(after, grouping(), new Set())));
  });
});
