// What a check may read beyond the file it checks: facts gathered from every file checked
// together, each looked up by the declaration it concerns (a scope tree, a scope, a party, the
// declarations of one file). A fact about a declaration can only come from files that see it,
// so each file's contributions are grouped once, by the file that declares the key, and a
// lookup visits only the files that contributed to that file's keys.
//
// Every lookup a check makes is recorded with the value it saw. When the same file model is
// checked again in a later analysis and every recorded lookup still gives an equal value, the
// earlier result is reused (see run.ts): nothing the check read has changed.

import { rootOf, type KpiSymbol, type PartnershipSymbol, type PartySymbol, type ScopeSymbol } from '../binding/symbols';
import { grantsOverlappingOpen } from '../model/coverage';
import type { FileModel, Grant, InterfaceLink, NormModel, OpenScope } from '../model/semantic';
import type { Program, SourceFile } from '../program/program';
import { firstStartingFrom } from '../text/in-text-order';

export type QueryKind = 'grantsNear' | 'opensNear' | 'interfacesOf' | 'normsOf' | 'scopesNamedBy' | 'duty' | 'referenced' | 'measured';

/** A duty: what a party must or must not do, by verb and object (a scope, or a quoted object's key). */
export interface Duty {
  /** The party's file: facts about a duty come from the files that see the party. */
  readonly file: string;
  readonly party: PartySymbol;
  readonly verb: string;
  readonly object: ScopeSymbol | string;
}

/** One lookup a check made: which fact, about what, and the value it saw. */
export interface Read {
  readonly kind: QueryKind;
  readonly key: object | string;
  readonly value: readonly unknown[] | ReadonlySet<unknown>;
}

/** What one file adds to each kind of fact, by key. Computed once per file version. */
interface Contributions {
  readonly grants: Map<ScopeSymbol, Grant[]>;
  readonly opens: Map<ScopeSymbol, OpenScope[]>;
  readonly interfaces: Map<ScopeSymbol, InterfaceLink[]>;
  readonly norms: Map<PartySymbol, NormModel[]>;
  readonly referenced: Tally<PartnershipSymbol>;
  readonly measured: Tally<KpiSymbol>;
}

const contributionsOf = new WeakMap<SourceFile, Contributions>();

const EMPTY: readonly never[] = [];
const NONE: ReadonlySet<never> = new Set();

export class ProgramQueries {
  /** For each declaring file, the files that contributed a fact about its declarations, in program order. */
  private readonly contributors = new Map<string, SourceFile[]>();
  private readonly memo = new Map<QueryKind, Map<object | string, Read['value']>>();
  /** Declaring files whose contributors are the very files of the previous analysis. */
  private readonly stable = new Set<string>();
  /** Duties by party, verb and object, so that equal duties are one key. */
  private readonly duties = new Map<PartySymbol, Map<string, Map<ScopeSymbol | string, Duty>>>();
  /** Whether a lookup must give what it gave before, by kind and key (see `unchanged`). */
  private readonly unchangedKeys = new Map<QueryKind, Map<object | string, boolean>>();
  /** Whether a recorded value still holds, by kind, key and value: many norms record the same lookup. */
  private readonly held = new Map<QueryKind, Map<object | string, Map<Read['value'], boolean>>>();

  /**
   * With the previous analysis's queries, a lookup about a file whose contributors are all
   * unchanged hands back the earlier value itself, so comparing it costs nothing.
   */
  constructor(program: Program, private previous?: ProgramQueries) {
    for (const source of program.files.values()) {
      const files = new Set<string>();
      const c = contributions(source);
      for (const key of c.grants.keys()) files.add(key.file);
      for (const key of c.opens.keys()) files.add(key.file);
      for (const key of c.interfaces.keys()) files.add(key.file);
      for (const key of c.norms.keys()) files.add(key.file);
      for (const key of c.referenced.sets.keys()) files.add(key);
      for (const key of c.measured.sets.keys()) files.add(key);
      for (const file of files) {
        const list = this.contributors.get(file) ?? [];
        list.push(source);
        this.contributors.set(file, list);
      }
    }
    if (previous) {
      for (const [file, list] of this.contributors) {
        const before = previous.contributors.get(file);
        if (before && before.length === list.length && before.every((s, i) => s === list[i])) this.stable.add(file);
      }
    }
  }

  /** Every grant with a valid period whose scope lies in the same scope tree as `scope`. */
  grantsNear(scope: ScopeSymbol): readonly Grant[] {
    const root = rootOf(scope);
    return this.lookup('grantsNear', root, () => this.gather(root.file, (c) => c.grants.get(root)));
  }

  /** `open` statements in the same scope tree as `scope` that are not themselves in error (P203). */
  opensNear(scope: ScopeSymbol): readonly OpenScope[] {
    const root = rootOf(scope);
    return this.lookup('opensNear', root, () =>
      this.gather(root.file, (c) => c.opens.get(root)).filter((o) => grantsOverlappingOpen(o, this.grantsNear(root)).length === 0),
    );
  }

  /** Interfaces with `scope` on either side. */
  interfacesOf(scope: ScopeSymbol): readonly InterfaceLink[] {
    return this.lookup('interfacesOf', scope, () => this.gather(scope.file, (c) => c.interfaces.get(scope)));
  }

  /** Every norm whose subject is `party`. */
  normsOf(party: PartySymbol): readonly NormModel[] {
    return this.lookup('normsOf', party, () => this.gather(party.file, (c) => c.norms.get(party)));
  }

  /**
   * The scopes that norms whose subject is `party` name, as their object or `scope` line. An
   * edit that leaves a norm's scopes as they were leaves this as it was, unlike `normsOf`.
   */
  scopesNamedBy(party: PartySymbol): ReadonlySet<ScopeSymbol> {
    return this.lookup('scopesNamedBy', party, () => {
      const named = new Set<ScopeSymbol>();
      for (const n of this.normsOf(party)) {
        if (n.objectScope) named.add(n.objectScope);
        if (n.scopeLine) named.add(n.scopeLine);
      }
      return named;
    });
  }

  /** The norms whose subject is `party` with this verb and object (see `dutyObject`). */
  normsWithDuty(party: PartySymbol, verb: string, object: ScopeSymbol | string): readonly NormModel[] {
    return this.dutyNorms(this.duty(party, verb, object));
  }

  /** The key of a duty, the same object for equal duties within this analysis. */
  duty(party: PartySymbol, verb: string, object: ScopeSymbol | string): Duty {
    let byVerb = this.duties.get(party);
    if (!byVerb) this.duties.set(party, (byVerb = new Map()));
    let byObject = byVerb.get(verb);
    if (!byObject) byVerb.set(verb, (byObject = new Map()));
    let duty = byObject.get(object);
    if (!duty) byObject.set(object, (duty = { file: party.file, party, verb, object }));
    return duty;
  }

  protected dutyNorms(duty: Duty): readonly NormModel[] {
    return this.lookup('duty', duty, () => dutyIndex(this.normsOf(duty.party)).get(duty.verb)?.get(duty.object) ?? EMPTY);
  }

  /** The declarations of `file` that some reference names. */
  referenced(file: string): ReadonlySet<PartnershipSymbol> {
    return this.lookup('referenced', file, () => this.union(file, (c) => c.referenced.sets.get(file)));
  }

  /** The KPIs of `file` that some norm is measured by. */
  measured(file: string): ReadonlySet<KpiSymbol> {
    return this.lookup('measured', file, () => this.union(file, (c) => c.measured.sets.get(file)));
  }

  /** Called once the checks have run: later analyses must not keep every earlier one alive. */
  forgetPrevious(): void {
    this.previous = undefined;
  }

  /** `stillHold` for lookups grouped by the file that declares what they looked up. */
  stillHoldByFile(groups: ReadonlyMap<string, readonly Read[]>): boolean {
    for (const [file, reads] of groups) if (!this.stable.has(file) && !this.stillHold(reads)) return false;
    return true;
  }

  /** True when every lookup still gives a value equal to the one recorded. */
  stillHold(reads: readonly Read[]): boolean {
    for (const read of reads) if (!this.stillHolds(read)) return false;
    return true;
  }

  /** True when the lookup still gives a value equal to the one recorded. */
  stillHolds(read: Read): boolean {
    // A lookup whose contributions are all unchanged gives what it gave before.
    if (this.unchanged(read.kind, read.key)) return true;
    // A short value is compared at once; a long one (a party's norms) once per analysis.
    const size = Array.isArray(read.value) ? read.value.length : (read.value as ReadonlySet<unknown>).size;
    if (size <= 16) return sameValue(read.value, this.value(read.kind, read.key));
    let byKey = this.held.get(read.kind);
    if (!byKey) this.held.set(read.kind, (byKey = new Map()));
    let byValue = byKey.get(read.key);
    if (!byValue) byKey.set(read.key, (byValue = new Map()));
    let holds = byValue.get(read.value);
    if (holds === undefined) byValue.set(read.value, (holds = sameValue(read.value, this.value(read.kind, read.key))));
    return holds;
  }

  /**
   * A view whose lookups are recorded into `reads`, each key once; `collectInto` starts another
   * list (one per norm, say) without making another view.
   */
  recording(reads: Read[]): RecordingQueries {
    let sink = reads;
    // A norm's checks make a handful of lookups: a short list is searched in place, and only a
    // long one (a whole file's checks) gets a set of what it holds.
    let seen: Map<QueryKind, Set<object | string>> | undefined;
    const record = <V extends Read['value']>(kind: QueryKind, key: object | string, value: V): V => {
      if (!seen) {
        for (let i = 0; i < sink.length; i++) if (sink[i].key === key && sink[i].kind === kind) return value;
        sink.push({ kind, key, value });
        if (sink.length > SEARCHED_IN_PLACE) {
          seen = new Map();
          for (const read of sink) keysOf(seen, read.kind).add(read.key);
        }
        return value;
      }
      const keys = keysOf(seen, kind);
      if (!keys.has(key)) {
        keys.add(key);
        sink.push({ kind, key, value });
      }
      return value;
    };
    const view = Object.create(this) as RecordingQueries;
    view.grantsNear = (scope) => record('grantsNear', rootOf(scope), this.grantsNear(scope));
    view.opensNear = (scope) => record('opensNear', rootOf(scope), this.opensNear(scope));
    view.interfacesOf = (scope) => record('interfacesOf', scope, this.interfacesOf(scope));
    view.normsOf = (party) => record('normsOf', party, this.normsOf(party));
    view.scopesNamedBy = (party) => record('scopesNamedBy', party, this.scopesNamedBy(party));
    view.dutyNorms = (duty) => record('duty', duty, this.dutyNorms(duty));
    view.referenced = (file) => record('referenced', file, this.referenced(file));
    view.measured = (file) => record('measured', file, this.measured(file));
    view.collectInto = (next) => {
      sink = next;
      seen = undefined;
    };
    return view;
  }

  /**
   * Whether a lookup must give what it gave in the previous analysis: each file that contributes
   * to it is the same file, or gives the very same part for this key (a file patched for an edit
   * inside one norm shares every part the edit did not change).
   */
  unchanged(kind: QueryKind, key: object | string): boolean {
    const file = declaringFileOf(key);
    if (this.stable.has(file)) return true;
    // Remembered: a declaration of a shared catalogue may have a thousand contributors.
    let byKey = this.unchangedKeys.get(kind);
    if (!byKey) this.unchangedKeys.set(kind, (byKey = new Map()));
    let answer = byKey.get(key);
    if (answer === undefined) {
      const before = this.previous?.contributors.get(file);
      const now = this.contributors.get(file);
      answer = !!before && !!now && before.length === now.length &&
        now.every((source, i) => source === before[i] || samePart(kind, key, contributions(source), contributions(before[i])));
      byKey.set(key, answer);
    }
    return answer;
  }

  private value(kind: QueryKind, key: object | string): Read['value'] {
    switch (kind) {
      case 'grantsNear':
        return this.grantsNear(key as ScopeSymbol);
      case 'opensNear':
        return this.opensNear(key as ScopeSymbol);
      case 'interfacesOf':
        return this.interfacesOf(key as ScopeSymbol);
      case 'normsOf':
        return this.normsOf(key as PartySymbol);
      case 'scopesNamedBy':
        return this.scopesNamedBy(key as PartySymbol);
      case 'duty': {
        const { party, verb, object } = key as Duty;
        return this.normsWithDuty(party, verb, object);
      }
      case 'referenced':
        return this.referenced(key as string);
      case 'measured':
        return this.measured(key as string);
    }
  }

  private lookup<V extends Read['value']>(kind: QueryKind, key: object | string, compute: () => V): V {
    let byKey = this.memo.get(kind);
    if (!byKey) {
      byKey = new Map();
      this.memo.set(kind, byKey);
    }
    let value = byKey.get(key) as V | undefined;
    if (value === undefined) {
      const earlier = this.unchanged(kind, key) ? (this.previous?.memo.get(kind)?.get(key) as V | undefined) : undefined;
      value = earlier ?? compute();
      byKey.set(key, value);
    }
    return value;
  }

  private gather<T>(declaringFile: string, pick: (c: Contributions) => readonly T[] | undefined): readonly T[] {
    // One file's part is handed back as it is, so what is built from it (a party's duties) is
    // built once for that part and patched with it.
    let only: readonly T[] | undefined;
    let out: T[] | undefined;
    for (const source of this.contributors.get(declaringFile) ?? EMPTY) {
      const part = pick(contributions(source));
      if (!part) continue;
      if (out) out.push(...part);
      else if (only) out = [...only, ...part];
      else only = part;
    }
    return out ?? only ?? EMPTY;
  }

  private union<T>(declaringFile: string, pick: (c: Contributions) => ReadonlySet<T> | undefined): ReadonlySet<T> {
    let out: Set<T> | undefined;
    for (const source of this.contributors.get(declaringFile) ?? EMPTY) {
      const part = pick(contributions(source));
      if (part) for (const item of part) (out ??= new Set()).add(item);
    }
    return out ?? NONE;
  }
}

/** How many recorded lookups are searched one by one before they get a set. */
const SEARCHED_IN_PLACE = 16;

function keysOf(seen: Map<QueryKind, Set<object | string>>, kind: QueryKind): Set<object | string> {
  let keys = seen.get(kind);
  if (!keys) seen.set(kind, (keys = new Set()));
  return keys;
}

export interface RecordingQueries extends ProgramQueries {
  /** Records the lookups that follow into `reads` instead. */
  collectInto(reads: Read[]): void;
}

/** A party's norms by verb and object, built once per list so each duty is a lookup. */
const dutyIndexes = new WeakMap<readonly NormModel[], Map<string, Map<ScopeSymbol | string, NormModel[]>>>();

function dutyIndex(norms: readonly NormModel[]): Map<string, Map<ScopeSymbol | string, NormModel[]>> {
  let index = dutyIndexes.get(norms);
  if (!index) {
    index = new Map();
    for (let i = 0; i < norms.length; i++) {
      const n = norms[i];
      const object = dutyObject(n);
      if (!n.verb || object === undefined) continue;
      let byObject = index.get(n.verb);
      if (!byObject) index.set(n.verb, (byObject = new Map()));
      const list = byObject.get(object);
      if (list) list.push(n);
      else byObject.set(object, [n]);
    }
    dutyIndexes.set(norms, index);
  }
  return index;
}

/** Normalised quoted objects by norm: a norm an edit did not touch keeps its model, so its key. */
const quotedObjects = new WeakMap<NormModel, string>();

/** A norm's object as a duty sees it: the scope, or the quoted text ignoring case and runs of white space. */
export function dutyObject(norm: NormModel): ScopeSymbol | string | undefined {
  if (norm.objectScope) return norm.objectScope;
  if (norm.objectText === null) return undefined;
  let key = quotedObjects.get(norm);
  if (key === undefined) quotedObjects.set(norm, (key = norm.objectText.trim().replace(/\s+/g, ' ').toLowerCase()));
  return key;
}

/** Keys are declarations, or a file's path for facts about all of that file's declarations. */
export function declaringFileOf(key: object | string): string {
  return typeof key === 'string' ? key : (key as { file: string }).file;
}

/** The part of a file's contributions a lookup reads. */
function samePart(kind: QueryKind, key: object | string, a: Contributions, b: Contributions): boolean {
  switch (kind) {
    case 'grantsNear':
      return a.grants.get(key as ScopeSymbol) === b.grants.get(key as ScopeSymbol);
    case 'opensNear':
      return a.opens.get(key as ScopeSymbol) === b.opens.get(key as ScopeSymbol) && a.grants.get(key as ScopeSymbol) === b.grants.get(key as ScopeSymbol);
    case 'interfacesOf':
      return a.interfaces.get(key as ScopeSymbol) === b.interfaces.get(key as ScopeSymbol);
    case 'normsOf':
    case 'scopesNamedBy':
      return a.norms.get(key as PartySymbol) === b.norms.get(key as PartySymbol);
    case 'duty':
      return dutyList(a, key as Duty) === dutyList(b, key as Duty);
    case 'referenced':
      return a.referenced.sets.get(key as string) === b.referenced.sets.get(key as string);
    case 'measured':
      return a.measured.sets.get(key as string) === b.measured.sets.get(key as string);
  }
}

function contributions(source: SourceFile): Contributions {
  let c = contributionsOf.get(source);
  if (c) return c;
  c = patchedContributions(source) ?? gatheredContributions(source);
  contributionsOf.set(source, c);
  return c;
}

function gatheredContributions(source: SourceFile): Contributions {
  const c: Contributions = {
    grants: new Map(), opens: new Map(), interfaces: new Map(), norms: normsBySubject(source.model), referenced: referencedBy(source, false), measured: measuredBy(source, false),
  };
  const model = source.model;
  if (model) {
    for (const g of model.grants) if (g.period !== null) push(c.grants, rootOf(g.scope), g);
    for (const o of model.opens) push(c.opens, rootOf(o.scope), o);
    for (const link of model.interfaces) for (const side of new Set([link.a, link.b])) push(c.interfaces, side, link);
  }
  return c;
}

function normsBySubject(model: FileModel | null): Map<PartySymbol, NormModel[]> {
  const norms = new Map<PartySymbol, NormModel[]>();
  const all = model?.norms ?? EMPTY;
  for (let i = 0; i < all.length; i++) if (all[i].subject) push(norms, all[i].subject!, all[i]);
  return norms;
}

/**
 * A file patched for an edit inside one norm contributes what it did before, except the norms
 * of the replaced norm's subjects (old and new), and the declarations and KPIs it names: those
 * are adjusted for the one norm. Every other part is the very same object, which tells lookups
 * that nothing changed for them.
 */
function patchedContributions(source: SourceFile): Contributions | null {
  const patch = source.patch;
  const earlierSource = patch?.source.deref();
  const earlierModel = patch?.previous.deref();
  const earlier = earlierSource && contributionsOf.get(earlierSource);
  if (!patch || !earlier || !earlierModel || !source.model) return null;
  const before = earlierModel.norms[patch.index];
  const after = source.model.norms[patch.index];
  return {
    grants: earlier.grants,
    opens: earlier.opens,
    interfaces: earlier.interfaces,
    norms: normsWithOneReplaced(earlier.norms, before, after) ?? normsBySubject(source.model),
    referenced: retallied(earlier.referenced, patch.namedBefore, patch.namedAfter) ?? referencedBy(source, true),
    measured: retallied(earlier.measured, before?.kpis ?? EMPTY, after?.kpis ?? EMPTY) ?? measuredBy(source, true),
  };
}

/** Norms by subject, with `before` replaced by `after` (the same norm, edited) in its subject's list. */
function normsWithOneReplaced(
  earlier: ReadonlyMap<PartySymbol, NormModel[]>,
  before: NormModel | undefined,
  after: NormModel | undefined,
): Map<PartySymbol, NormModel[]> | null {
  const place = before?.subject ? (earlier.get(before.subject)?.indexOf(before) ?? -1) : -1;
  if (before?.subject && place < 0) return null;
  const norms = new Map(earlier);
  if (before?.subject && after && before.subject === after.subject) {
    const earlierList = norms.get(before.subject)!;
    const list = earlierList.slice();
    list[place] = after;
    norms.set(before.subject, list);
    patchDutyIndex(earlierList, list, before, after);
    return norms;
  }
  if (before?.subject) {
    const earlierList = norms.get(before.subject)!;
    const list = earlierList.filter((n) => n !== before);
    if (list.length > 0) norms.set(before.subject, list);
    else norms.delete(before.subject);
    patchDutyIndex(earlierList, list, before, undefined);
  }
  if (after?.subject) {
    const earlierList = norms.get(after.subject);
    const list = earlierList?.slice() ?? [];
    list.splice(placeInFile(list, after), 0, after);
    norms.set(after.subject, list);
    if (earlierList) patchDutyIndex(earlierList, list, undefined, after);
  }
  return norms;
}

/** Where a norm goes in a list of norms in the order of the file. */
function placeInFile(list: readonly NormModel[], norm: NormModel): number {
  return firstStartingFrom(list, (n) => n.node.start, norm.node.start);
}

/** The norms of a party's file part with one duty. */
function dutyList(c: Contributions, duty: Duty): readonly NormModel[] | undefined {
  const list = c.norms.get(duty.party);
  return list && dutyIndex(list).get(duty.verb)?.get(duty.object);
}

/**
 * Gives `list` (`earlierList` with `before` taken out and `after` put in) the duty index of
 * `earlierList`, when it has one, with only the lists of the two norms' duties copied and
 * changed: every other duty keeps its very list, which tells lookups it is unchanged.
 */
function patchDutyIndex(earlierList: readonly NormModel[], list: readonly NormModel[], before: NormModel | undefined, after: NormModel | undefined): void {
  const earlier = dutyIndexes.get(earlierList);
  if (!earlier) return;
  const index = new Map(earlier);
  const copiedVerbs = new Set<string>();
  const change = (norm: NormModel, put: boolean): boolean => {
    const object = dutyObject(norm);
    if (!norm.verb || object === undefined) return true;
    let byObject = index.get(norm.verb);
    if (!byObject || !copiedVerbs.has(norm.verb)) {
      copiedVerbs.add(norm.verb);
      index.set(norm.verb, (byObject = new Map(byObject)));
    }
    const duties = byObject.get(object)?.slice() ?? [];
    const place = put ? placeInFile(duties, norm) : duties.indexOf(norm);
    if (place < 0) return false;
    if (put) duties.splice(place, 0, norm);
    else duties.splice(place, 1);
    if (duties.length > 0) byObject.set(object, duties);
    else byObject.delete(object);
    if (byObject.size === 0) index.delete(norm.verb);
    return true;
  };
  // An index that does not hold the norm it should is left to be built afresh.
  if ((!before || change(before, false)) && (!after || change(after, true))) dutyIndexes.set(list, index);
}

/**
 * Declarations grouped by their file, with how many times each was counted when `counts` is
 * kept. An edit inside one norm uncounts what the norm named before and counts what it names
 * now (see `retallied`); a file's set is copied only when something enters or leaves it, so
 * every other set stays the same object.
 */
interface Tally<T extends { readonly file: string }> {
  readonly sets: Map<string, Set<T>>;
  /** Null when not counted (a file's first analysis), or once handed on to the tally made from this one. */
  counts: Map<T, number> | null;
}

function referencedBy(source: SourceFile, counted: boolean): Tally<PartnershipSymbol> {
  return tallyOf((visit) => {
    // By index: a `for … of` loop makes an object for each of a file's first tally's steps.
    const all = source.references.all;
    for (let i = 0; i < all.length; i++) if (all[i].target) visit(all[i].target!);
  }, counted);
}

function measuredBy(source: SourceFile, counted: boolean): Tally<KpiSymbol> {
  return tallyOf((visit) => {
    const norms = source.model?.norms ?? EMPTY;
    for (let i = 0; i < norms.length; i++) for (let j = 0; j < norms[i].kpis.length; j++) visit(norms[i].kpis[j]);
  }, counted);
}

/** The tally of what `each` visits; counted only when a patch will need the counts. */
function tallyOf<T extends { readonly file: string }>(each: (visit: (item: T) => void) => void, counted: boolean): Tally<T> {
  const sets = new Map<string, Set<T>>();
  if (!counted) {
    each((item) => add(sets, item.file, item));
    return { sets, counts: null };
  }
  const counts = new Map<T, number>();
  each((item) => {
    const was = counts.get(item);
    counts.set(item, (was ?? 0) + 1);
    if (was === undefined) add(sets, item.file, item);
  });
  return { sets, counts };
}

/**
 * `earlier` with `removed` uncounted and `added` counted. Its counts are taken over and changed
 * in place; null when it has none (not counted, or already taken over by another analysis made
 * from the same one), and the whole file must be counted.
 */
function retallied<T extends { readonly file: string }>(earlier: Tally<T>, removed: readonly T[], added: readonly T[]): Tally<T> | null {
  const counts = earlier.counts;
  if (!counts) return null;
  earlier.counts = null;
  const sets = new Map(earlier.sets);
  // Net changes: a declaration named before and after the edit stays where it is.
  const changes = new Map<T, number>();
  for (const item of removed) changes.set(item, (changes.get(item) ?? 0) - 1);
  for (const item of added) changes.set(item, (changes.get(item) ?? 0) + 1);
  // The first change to a file's set copies it; later ones change the copy.
  const copied = new Set<string>();
  for (const [item, by] of changes) {
    const was = counts.get(item) ?? 0;
    const now = was + by;
    if (now > 0) counts.set(item, now);
    else counts.delete(item);
    if ((was > 0) === (now > 0)) continue;
    let set = sets.get(item.file);
    if (!copied.has(item.file)) {
      copied.add(item.file);
      sets.set(item.file, (set = new Set(set)));
    }
    if (now > 0) set!.add(item);
    else set!.delete(item);
  }
  for (const file of copied) if (sets.get(file)!.size === 0) sets.delete(file);
  return { sets, counts };
}

function push<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function add<K, T>(map: Map<K, Set<T>>, key: K, item: T): void {
  const set = map.get(key);
  if (set) set.add(item);
  else map.set(key, new Set([item]));
}

/** Lists are equal when they hold the same things in the same order; sets when they hold the same things. */
function sameValue(a: Read['value'], b: Read['value']): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (a instanceof Set && b instanceof Set) {
    if (a.size !== b.size) return false;
    for (const item of a) if (!b.has(item)) return false;
    return true;
  }
  return false;
}
