// The matrix's sections that read every norm (its parties, events and KPIs) or much of the
// contract (its money), kept through an edit that cannot have changed them, as its rows are
// (kept-rows.ts): an edit inside norms, with no line moved and nothing else they read changed,
// keeps each section whose part of every replaced norm is alike (whom it names for the
// parties; the events it arises on for the events; the KPIs that measure it for the KPIs; the
// scopes it names for the exclusivity table, with the conflicts found the same).
// The preview's change then finds them to be the very sections it sent before, whose text it
// has already made, and names them as unchanged.

import type { Analysis } from '../analysis/analysis';
import { carriedFromModel, normsReplacedSince } from '../model/carried-models';
import type { FileModel, NormModel } from '../model/semantic';
import { replacedPlaces } from '../syntax/unit-starts';
import type { LineIndex } from '../text/line-index';
import type { Matrix } from '../../../../shared/out/matrix';
import { sameLines } from './kept-rows';

export type KeptSections = Pick<Matrix, 'parties' | 'events' | 'kpis' | 'money' | 'exclusivity'>;

interface Entry {
  readonly sections: KeptSections;
  /** What a section reads that has no object of its own to be told by (the exclusivity conflicts, in words). */
  readonly keys: SectionKeys;
  /** Everything else the sections read, as the identities of the objects that hold it. */
  readonly inputs: string;
  readonly lines: LineIndex;
}

const entries = new WeakMap<FileModel, Entry>();

/** A number for each object asked about, the same each time: inputs compared without being held. */
const ids = new WeakMap<object, number>();
let lastId = 0;

function idOf(thing: object | null | undefined): number {
  if (!thing) return 0;
  let id = ids.get(thing);
  if (id === undefined) ids.set(thing, (id = ++lastId));
  return id;
}

type SectionName = keyof KeptSections;

/** What each section reads of a norm: two norms alike in it give the section the same content. */
const READS: Readonly<Record<SectionName, (a: NormModel, b: NormModel) => boolean>> = {
  parties: (a, b) =>
    sameItems(a.subjects, b.subjects) && a.accountable === b.accountable && sameItems(a.beneficiaries, b.beneficiaries) &&
    sameItems(a.consulted, b.consulted) && sameItems(a.informed, b.informed),
  events: (a, b) =>
    a.symbol.name === b.symbol.name && sameItems(a.when, b.when) && (a.deadline?.anchor ?? null) === (b.deadline?.anchor ?? null) &&
    (a.from?.at.kind === 'QName' ? a.from.at.text : null) === (b.from?.at.kind === 'QName' ? b.from.at.text : null),
  kpis: (a, b) => a.symbol.name === b.symbol.name && sameItems(a.kpis, b.kpis),
  money: () => true,
  exclusivity: (a, b) => a.objectScope === b.objectScope && a.scopeLine === b.scopeLine,
};

/** For a section, words that say all it reads of the file's diagnostics: the section is kept only while they are the same. */
export type SectionKeys = { readonly [K in SectionName]?: string };

/** The sections of `model`'s matrix: each the earlier one when nothing it reads changed, else made by its maker. */
export function keptSections(program: Analysis, file: string, model: FileModel, make: { readonly [K in SectionName]: () => KeptSections[K] }, keys: SectionKeys = {}): KeptSections {
  const lines = program.lines(file);
  const inputs = inputsOf(program, file, model);
  const same = entries.get(model);
  let earlier: KeptSections | null = same && same.inputs === inputs && same.lines === lines ? same.sections : null;
  // Which sections an edit inside norms left, when it left everything else they read.
  let keeps = (name: SectionName): boolean => earlier !== null && same?.keys[name] === keys[name];
  if (!earlier) {
    const from = carriedFromModel(model);
    const before = from ? entries.get(from) : undefined;
    const replaced = from && before && before.inputs === inputs && sameLines(from, model, before.lines, lines) ? normsOnlyReplaced(from, model) : null;
    if (from && before && replaced) {
      earlier = before.sections;
      keeps = (name) => before.keys[name] === keys[name] && replaced.every((i) => READS[name](from.norms.at(i)!, model.norms.at(i)!));
    }
  }
  const sections: KeptSections = {
    parties: earlier && keeps('parties') ? earlier.parties : make.parties(),
    events: earlier && keeps('events') ? earlier.events : make.events(),
    kpis: earlier && keeps('kpis') ? earlier.kpis : make.kpis(),
    money: earlier && keeps('money') ? earlier.money : make.money(),
    exclusivity: earlier && keeps('exclusivity') ? earlier.exclusivity : make.exclusivity(),
  };
  entries.set(model, { sections, keys, inputs, lines });
  return sections;
}

/**
 * What the sections read besides the norms and the lines: the file's declarations of other
 * kinds (through the model's lists, each kept by a carried model while none changed), the term,
 * the variations' effects, and every other file (the names and titles of their parties, their
 * grants, open scopes, interfaces and variations).
 */
function inputsOf(program: Analysis, file: string, model: FileModel): string {
  const own = [model.kpis, model.charges, model.bodies, model.grants, model.opens, model.interfaces, model.term, program.variationEffects(file)].map(idOf);
  const others: number[] = [];
  for (const [other, source] of program.files) if (other !== file) others.push(idOf(source));
  return `${own.join(',')};${model.calendar};${others.join(',')}`;
}

/** The places of the norms replaced since `earlier`, when the edit replaced norm units alone; else null. */
function normsOnlyReplaced(earlier: FileModel, model: FileModel): readonly number[] | null {
  const replaced = normsReplacedSince(model, earlier);
  const before = earlier.partnership.block;
  const after = model.partnership.block;
  const units = before && after ? replacedPlaces(before.units, after.units) : null;
  return replaced && units && units.every((p) => after!.units.at(p)!.node.kind === 'Norm') ? replaced : null;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}
