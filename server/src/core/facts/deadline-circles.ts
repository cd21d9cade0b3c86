// Deadlines counted from obligations, and the circles they make (P305): `A due within 5 days
// of B` with `B due within 5 days of A` never falls due. A circle may pass through several
// units and files, so it is a declared lookup: each file's edges are worked out once per
// list of norms, the circles once per analysis from every file's edges, and a norm's check
// reads only its own circle, whose value stays the same object while the circle does.

import type { NormSymbol } from '../binding/symbols';
import type { NormModel } from '../model/semantic';
import type { ProgramLookup } from './lookups';
import { sameList } from './engine';

type Edges = ReadonlyMap<NormSymbol, NormSymbol>;

const NO_EDGES: Edges = new Map();

/** Whether a norm's deadline counts from a norm, and from which. */
export function deadlineAnchorNorm(norm: NormModel): NormSymbol | null {
  const anchor = norm.deadline?.form === 'within' ? norm.deadline.anchor : null;
  return anchor?.kind === 'norm' ? anchor : null;
}

/** Only an obligation is done, so only a deadline counted from an obligation can close a circle. */
export const isObligation = (symbol: NormSymbol): boolean => symbol.decl.keyword === 'obligation';

/** In one file: each norm whose deadline counts from an obligation, with that obligation. */
const edgesOfFile: ProgramLookup<string, Edges> = {
  name: 'deadlineEdgesOfFile',
  inputs: (facts, file) => facts.input.files.get(file)?.model?.norms ?? null,
  compute(facts, file) {
    let edges: Map<NormSymbol, NormSymbol> | undefined;
    facts.input.files.get(file)?.model?.norms.forEach((norm) => {
      const anchor = deadlineAnchorNorm(norm);
      if (anchor && isObligation(anchor)) (edges ??= new Map()).set(norm.symbol, anchor);
    });
    return edges ?? NO_EDGES;
  },
  equals: sameEdges,
};

/** Every circle of deadlines in the program, by each norm in it; the circle in the order its deadlines count. */
const circles: ProgramLookup<null, ReadonlyMap<NormSymbol, readonly NormSymbol[]>> = {
  name: 'deadlineCircles',
  inputs: (facts) => [...facts.input.files.keys()].map((file) => facts.read(edgesOfFile, file)),
  compute(facts) {
    const edges = new Map<NormSymbol, NormSymbol>();
    for (const file of facts.input.files.keys()) for (const [from, to] of facts.read(edgesOfFile, file)) edges.set(from, to);
    return circlesOf(edges);
  },
  equals: (a, b) => a === b || (a.size === b.size && [...a].every(([norm, circle]) => sameList(circle, b.get(norm) ?? []))),
};

/** The circle of deadlines the key's deadline is part of, or null. */
export const deadlineCircleOf: ProgramLookup<NormSymbol, readonly NormSymbol[] | null> = {
  name: 'deadlineCircleOf',
  compute: (facts, norm) => facts.read(circles, null).get(norm) ?? null,
  equals: (a, b) => a === b || (a !== null && b !== null && sameList(a, b)),
};

/**
 * The circles of a graph in which each norm counts from at most one other: each norm is
 * walked once, so a long chain costs its length and a circle is found without looping.
 */
export function circlesOf(edges: Edges): Map<NormSymbol, readonly NormSymbol[]> {
  const found = new Map<NormSymbol, readonly NormSymbol[]>();
  const done = new Set<NormSymbol>();
  for (const first of edges.keys()) {
    if (done.has(first)) continue;
    const path: NormSymbol[] = [];
    const onPath = new Map<NormSymbol, number>();
    let at: NormSymbol | undefined = first;
    while (at !== undefined && !done.has(at) && !onPath.has(at)) {
      onPath.set(at, path.length);
      path.push(at);
      at = edges.get(at);
    }
    if (at !== undefined && onPath.has(at)) {
      const circle = path.slice(onPath.get(at));
      for (const norm of circle) found.set(norm, circle);
    }
    for (const norm of path) done.add(norm);
  }
  return found;
}

function sameEdges(a: Edges, b: Edges): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [from, to] of a) if (b.get(from) !== to) return false;
  return true;
}
