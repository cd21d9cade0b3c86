// Moving a subtree's offsets after an edit before it. On a 50,000-norm contract an edit in the
// middle moves about a million nodes, so this is written out per kind of node: each field is
// read by name, where a walk over every key of every node would look each one up generically.
// The random-edit tests compare the moved tree with a fresh parse, field by field.

import type { Block, FileNode, Junk, QName, Span, Statement } from './ast';

type Node = FileNode['items'][number] | Statement;

/** Moves every offset of `node` and of the nodes inside it by `delta`. */
export function moveNode(node: Node, delta: number): void {
  if (delta === 0) return;
  move(node, delta);
}

function move(node: Node | Junk, delta: number): void {
  span(node, delta);
  switch (node.kind) {
    case 'Junk':
      return;
    case 'Term':
      span(node.from, delta);
      span(node.to, delta);
      return;
    case 'Import':
      span(node.path, delta);
      return;
    case 'Partnership':
    case 'Scope':
    case 'Norm':
    case 'Kpi':
    case 'Body':
      span(node.name, delta);
      if (node.title) span(node.title, delta);
      if (node.block) block(node.block as Block<Statement>, delta);
      return;
    case 'Source':
    case 'Covers':
    case 'Otherwise':
    case 'Clause':
      span(node.text, delta);
      return;
    case 'Party':
      span(node.name, delta);
      if (node.title) span(node.title, delta);
      if (node.role) span(node.role, delta);
      names(node.parents, delta);
      return;
    case 'Exclusive':
      qname(node.holder, delta);
      qname(node.scope, delta);
      names(node.except, delta);
      if (node.from) span(node.from, delta);
      if (node.to) span(node.to, delta);
      if (node.clause) span(node.clause, delta);
      return;
    case 'Open':
      qname(node.scope, delta);
      if (node.clause) span(node.clause, delta);
      return;
    case 'Interface':
      qname(node.a, delta);
      qname(node.b, delta);
      if (node.note) span(node.note, delta);
      return;
    case 'NormLine':
      qname(node.subject, delta);
      span(node.modal, delta);
      span(node.verb, delta);
      if (node.object.kind === 'QName') qname(node.object, delta);
      else span(node.object, delta);
      if (node.beneficiary) qname(node.beneficiary, delta);
      return;
    case 'Due':
      span(node.date, delta);
      return;
    case 'Every':
      span(node.duration, delta);
      if (node.from) span(node.from, delta);
      return;
    case 'Accountable':
    case 'Owner':
    case 'Chair':
      qname(node.party, delta);
      return;
    case 'Consulted':
    case 'Informed':
    case 'Members':
      names(node.parties, delta);
      return;
    case 'ScopeLine':
      qname(node.scope, delta);
      return;
    case 'MeasuredBy':
      names(node.kpis, delta);
      return;
    case 'Target':
      span(node.comparator, delta);
      span(node.value, delta);
      return;
    case 'Threshold':
      span(node.comparator, delta);
      span(node.value, delta);
      if (node.consequence) span(node.consequence, delta);
      return;
    case 'Measured':
      if (node.frequency.kind === 'Duration') span(node.frequency, delta);
      else span(node.frequency, delta);
      return;
    case 'Approves':
      qname(node.scope, delta);
      span(node.band, delta);
      if (node.band.low) span(node.band.low, delta);
      if (node.band.high) span(node.band.high, delta);
      return;
    default:
      return unknownKind(node);
  }
}

/** A kind of node this file does not know is a compile error here. */
function unknownKind(node: never): never {
  throw new Error(`moveNode: unknown kind of node ${(node as { kind: string }).kind}`);
}

/** Nodes are read-only to everything but the parser and this move. */
function span(node: Span, delta: number): void {
  (node as { start: number }).start += delta;
  (node as { end: number }).end += delta;
}

function block(node: Block<Statement>, delta: number): void {
  span(node, delta);
  const items = node.items;
  for (let i = 0; i < items.length; i++) move(items[i], delta);
}

function qname(node: QName, delta: number): void {
  span(node, delta);
  const parts = node.parts;
  for (let i = 0; i < parts.length; i++) span(parts[i], delta);
}

function names(list: readonly QName[], delta: number): void {
  for (let i = 0; i < list.length; i++) qname(list[i], delta);
}
