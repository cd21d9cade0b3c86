// The matrix's sections that read every norm (its parties, events, KPIs and exclusivity table)
// or much of the contract (its money), kept through an edit that cannot have changed them, as
// its rows are (kept-rows.ts): an edit inside norms, with no line moved and nothing else they
// read changed (kept-basis.ts), keeps each section whose part of every replaced norm is alike
// (whom it names for the parties; the events it arises on for the events; the KPIs that
// measure it for the KPIs; the scopes it names for the exclusivity table, with the conflicts
// found the same).
// The preview's change then finds them to be the very sections it sent before, whose text it
// has already made, and names them as unchanged.

import { sameList } from '../facts/engine';
import type { FileModel, NormModel } from '../model/semantic';
import type { Matrix } from '../../../../shared/out/matrix';
import { type MatrixBasis, replacedSince, sameBasis } from './kept-basis';

export type KeptSections = Pick<Matrix, 'parties' | 'events' | 'kpis' | 'money' | 'exclusivity'>;

interface Entry {
  readonly basis: MatrixBasis;
  /** What a section reads that has no object of its own to be told by (the exclusivity conflicts, in words). */
  readonly keys: SectionKeys;
  readonly sections: KeptSections;
}

const entries = new WeakMap<FileModel, Entry>();

type SectionName = keyof KeptSections;

/** What each section reads of a norm: two norms alike in it give the section the same content. */
const READS: Readonly<Record<SectionName, (a: NormModel, b: NormModel) => boolean>> = {
  parties: (a, b) =>
    sameList(a.subjects, b.subjects) && a.accountable === b.accountable && sameList(a.beneficiaries, b.beneficiaries) &&
    sameList(a.consulted, b.consulted) && sameList(a.informed, b.informed),
  events: (a, b) =>
    a.symbol.name === b.symbol.name && sameList(a.when, b.when) && (a.deadline?.anchor ?? null) === (b.deadline?.anchor ?? null) &&
    (a.from?.at.kind === 'QName' ? a.from.at.text : null) === (b.from?.at.kind === 'QName' ? b.from.at.text : null),
  kpis: (a, b) => a.symbol.name === b.symbol.name && sameList(a.kpis, b.kpis),
  money: () => true,
  exclusivity: (a, b) => a.objectScope === b.objectScope && a.scopeLine === b.scopeLine,
};

/** For a section, words that say all it reads of the file's diagnostics: the section is kept only while they are the same. */
export type SectionKeys = { readonly [K in SectionName]?: string };

/** The sections of `model`'s matrix: each the earlier one when nothing it reads changed, else made by its maker. */
export function keptSections(model: FileModel, basis: MatrixBasis, make: { readonly [K in SectionName]: () => KeptSections[K] }, keys: SectionKeys = {}): KeptSections {
  const same = entries.get(model);
  let earlier: KeptSections | null = same && sameBasis(same.basis, basis) ? same.sections : null;
  // Which sections an edit inside norms left, when it left everything else they read.
  let keeps = (name: SectionName): boolean => earlier !== null && same?.keys[name] === keys[name];
  if (!earlier) {
    const replaced = replacedSince(model, (from) => entries.get(from)?.basis, basis);
    const before = replaced && entries.get(replaced.earlier);
    if (replaced && before) {
      earlier = before.sections;
      keeps = (name) => before.keys[name] === keys[name] && replaced.places.every((i) => READS[name](replaced.earlier.norms.at(i)!, model.norms.at(i)!));
    }
  }
  const sections: KeptSections = {
    parties: earlier && keeps('parties') ? earlier.parties : make.parties(),
    events: earlier && keeps('events') ? earlier.events : make.events(),
    kpis: earlier && keeps('kpis') ? earlier.kpis : make.kpis(),
    money: earlier && keeps('money') ? earlier.money : make.money(),
    exclusivity: earlier && keeps('exclusivity') ? earlier.exclusivity : make.exclusivity(),
  };
  entries.set(model, { basis, keys, sections });
  return sections;
}
