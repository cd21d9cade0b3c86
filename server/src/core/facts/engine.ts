// Declared lookups: facts that cross declarations or files, each declared once with how it is
// computed and when two of its values are equal (as salsa's queries are for rust-analyzer).
// A `Facts` answers lookups for one analysis, computing each value once. A check reads through
// a `Recorder`, which notes every lookup it made and the value it saw; the next analysis
// re-runs the check only when one of those lookups gives a different value (`stillHold`).
//
// A value equal to the one the previous analysis gave is handed on as that very object, so a
// recorded value is nearly always confirmed by identity. A lookup whose inputs are all the
// previous analysis's (see `Lookup.inputs`) is not computed again at all.

/** A lookup over an input of type `I` (the files of one analysis, say): from `K` to `V`. */
export interface Lookup<I, K, V> {
  readonly name: string;
  /** The value for `key`, reading the analysis's input and other lookups through `facts`. */
  compute(facts: Facts<I>, key: K): V;
  equals(a: V, b: V): boolean;
  /**
   * What the value is computed from, compared by identity (an array is compared item by
   * item); when it is what the previous analysis computed from, the previous value stands
   * without being computed. Absent: always computed.
   */
  inputs?(facts: Facts<I>, key: K): unknown;
  /**
   * The file whose declarations the key is about, when every value for such keys comes from
   * the facts `stable` says are unchanged for that file (see `Facts.holdAll`).
   */
  fileOf?(key: K): string;
  /**
   * A lookup whose value, for the key `key` gives, this one's value is made from alone: while
   * that gives the previous analysis's very value, so does this one for every key that maps to
   * it (a party's norms, say, for each of the party's duties), and a reader asking whether
   * this one changed may stop there (`Facts.unchangedBy`).
   */
  readonly madeFrom?: { readonly lookup: Lookup<I, never, unknown>; key(key: K): unknown };
}

type AnyLookup = Lookup<unknown, unknown, unknown>;

/** What a check may read. */
export interface LookupReader<I> {
  read<K, V>(lookup: Lookup<I, K, V>, key: K): V;
}

/** One lookup a check made, and the value it saw. */
export interface Read {
  readonly lookup: AnyLookup;
  readonly key: unknown;
  readonly value: unknown;
}

/**
 * A lookup's value for one key in one analysis, and what it was computed from. Its `read` is
 * made with it: every check that reads the same lookup and key notes that one object (a
 * 50,000-norm contract's checks make some 300,000 reads of a few thousand values). The value
 * is kept beside it too, so that reading it is one step from the table.
 */
interface Memo {
  readonly value: unknown;
  readonly read: Read;
  readonly inputs: unknown;
}

/** The lookups of one analysis. */
export class Facts<I> implements LookupReader<I> {
  private readonly memo = new Map<AnyLookup, Map<unknown, Memo>>();

  /** `previous`: the facts of the analysis this one follows, forgotten by `settle`. */
  constructor(readonly input: I, private previous?: Facts<I>) {}

  read<K, V>(lookup: Lookup<I, K, V>, key: K): V {
    return this.memoOf(lookup, key).value as V;
  }

  /** The lookup's value for `key` as a read a check can note: the same object for every reader of this analysis. */
  readOf<K, V>(lookup: Lookup<I, K, V>, key: K): Read {
    return this.memoOf(lookup, key).read;
  }

  private memoOf<K, V>(lookup: Lookup<I, K, V>, key: K): Memo {
    const def = lookup as unknown as AnyLookup;
    let byKey = this.memo.get(def);
    if (!byKey) this.memo.set(def, (byKey = new Map()));
    const known = byKey.get(key);
    if (known) return known;
    const inputs = lookup.inputs?.(this, key);
    const earlier = this.previous?.memo.get(def)?.get(key);
    // The same inputs: the previous memo itself, value and all.
    if (earlier && lookup.inputs && sameInputs(inputs, earlier.inputs)) {
      byKey.set(key, earlier);
      return earlier;
    }
    const computed = lookup.compute(this, key);
    // An equal value is the previous one, read and all: what read it before still holds by identity.
    const memo: Memo = earlier && lookup.equals(computed, earlier.value as V)
      ? { value: earlier.value, read: earlier.read, inputs }
      : { value: computed, read: { lookup: def, key, value: computed }, inputs };
    byKey.set(key, memo);
    return memo;
  }

  /** Whether the lookup gives the very value the previous analysis gave (carried over when equal). */
  sameAsPrevious<K, V>(lookup: Lookup<I, K, V>, key: K): boolean {
    const earlier = this.previous?.memo.get(lookup as unknown as AnyLookup)?.get(key);
    return earlier !== undefined && this.read(lookup, key) === earlier.value;
  }

  /**
   * Whether the lookup certainly gives the previous analysis's value for `key`, because the
   * lookup it is made from (`Lookup.madeFrom`) gives its very previous value; false when that
   * cannot be told so (it may still give an equal value).
   */
  unchangedBy<K, V>(lookup: Lookup<I, K, V>, key: K): boolean {
    const from = lookup.madeFrom;
    return from !== undefined && this.sameAsPrevious(from.lookup as Lookup<I, unknown, unknown>, from.key(key));
  }

  /**
   * True when every group of reads still holds: a group about a file `stable` says is
   * unchanged holds as a whole, the others read by read.
   */
  holdAll(groups: ReadonlyMap<string, readonly Read[]>, stable: (facts: Facts<I>, file: string) => boolean): boolean {
    for (const [file, reads] of groups) if (!(file && stable(this, file)) && !this.stillHold(reads)) return false;
    return true;
  }

  /** True when every lookup still gives the value recorded. */
  stillHold(reads: readonly Read[]): boolean {
    for (let i = 0; i < reads.length; i++) {
      const r = reads[i];
      const now = this.memoOf(r.lookup as Lookup<I, unknown, unknown>, r.key);
      if (now.read !== r && now.value !== r.value && !r.lookup.equals(now.value, r.value)) return false;
    }
    return true;
  }

  /** Called once the analysis is complete: later analyses must not keep every earlier one alive. */
  settle(): void {
    this.previous = undefined;
  }
}

/**
 * Reads through `facts`, noting each lookup into the list it is given; with `notes` false,
 * noting nothing (no later analysis will ask whether the reads still hold).
 */
export class Recorder<I> implements LookupReader<I> {
  private reads: Read[] = [];

  constructor(private readonly facts: Facts<I>, private readonly notes = true) {}

  /** Notes the lookups that follow into `reads`. */
  into(reads: Read[]): void {
    this.reads = reads;
  }

  read<K, V>(lookup: Lookup<I, K, V>, key: K): V {
    const read = this.facts.readOf(lookup, key);
    if (this.notes) this.reads.push(read);
    return read.value as V;
  }
}

function sameInputs(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Lists are equal when they hold the same things in the same order. */
export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Sets are equal when they hold the same things. */
export function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

/** Reads grouped by the file they are about (`Lookup.fileOf`; '' when a lookup says none), each read once. */
export function readsByFile(lists: readonly (readonly Read[])[]): Map<string, Read[]> {
  const groups = new Map<string, Read[]>();
  const seen = new Map<AnyLookup, Set<unknown>>();
  for (const reads of lists) groupReads(groups, seen, reads, 0, reads.length);
  return groups;
}

/**
 * How many reads `readsByFileInSteps` groups between two steps: a contract of 50,000 norms has
 * some 300,000, which take about 20 ms at once, longer than a server may keep a message waiting.
 */
export const READS_A_STEP = 32768;

/** `readsByFile`, made `READS_A_STEP` reads at a time, yielding between. */
export function* readsByFileInSteps(lists: readonly (readonly Read[])[]): Generator<void, Map<string, Read[]>, void> {
  const groups = new Map<string, Read[]>();
  const seen = new Map<AnyLookup, Set<unknown>>();
  let left = READS_A_STEP;
  for (const reads of lists) {
    for (let from = 0; from < reads.length; ) {
      if (left === 0) {
        yield;
        left = READS_A_STEP;
      }
      const to = Math.min(reads.length, from + left);
      groupReads(groups, seen, reads, from, to);
      left -= to - from;
      from = to;
    }
  }
  return groups;
}

/**
 * Adds `reads[from]` to `reads[to - 1]` to their file's group, each lookup and key once: the one
 * loop both forms share (written as `for … of` loops inside the generator, the grouping took
 * twice as long).
 */
function groupReads(groups: Map<string, Read[]>, seen: Map<AnyLookup, Set<unknown>>, reads: readonly Read[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const read = reads[i];
    let keys = seen.get(read.lookup);
    if (!keys) seen.set(read.lookup, (keys = new Set()));
    if (keys.has(read.key)) continue;
    keys.add(read.key);
    const file = read.lookup.fileOf?.(read.key) ?? '';
    const group = groups.get(file);
    if (group) group.push(read);
    else groups.set(file, [read]);
  }
}
