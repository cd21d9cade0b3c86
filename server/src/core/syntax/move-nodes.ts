// Moving a subtree's offsets after an edit before it. On a 50,000-norm contract an edit in the
// middle moves about a million nodes, so this is written out per kind of node: each field is
// read by name, where a walk over every key of every node would look each one up generically.
// The random-edit tests compare the moved tree with a fresh parse, field by field.

import type { Block, DateLit, FileNode, Ident, Junk, Modal, QName, Span, Statement, StringLit, Verb } from './ast';

type Node = FileNode['items'][number] | Statement;

/** Moves every offset of `node` and of the nodes inside it by `delta`. */
export function moveNode(node: Node, delta: number): void {
  if (delta === 0) return;
  move(node, delta);
}

function move(node: Node | Junk, delta: number): void {
  // Each kind moves its own offsets in its own case: a store written once for every kind of
  // statement would see thirty shapes of object, and the engine looks such a store up
  // generically each time (a third of the time of a move).
  switch (node.kind) {
    case 'Junk':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      return;
    case 'Term':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      leaf(node.from, delta);
      leaf(node.to, delta);
      return;
    case 'Import':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      leaf(node.path, delta);
      return;
    // Norms, by far the commonest declaration, have a case of their own: the stores of a case
    // shared by five kinds of object are looked up generically.
    case 'Norm':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      leaf(node.name, delta);
      if (node.title) leaf(node.title, delta);
      if (node.block) block(node.block as Block<Statement>, delta);
      return;
    case 'Partnership':
    case 'Scope':
    case 'Kpi':
    case 'Body':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      leaf(node.name, delta);
      if (node.title) leaf(node.title, delta);
      if (node.block) block(node.block as Block<Statement>, delta);
      return;
    case 'Source':
    case 'Covers':
    case 'Otherwise':
    case 'Clause':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      leaf(node.text, delta);
      return;
    case 'Party':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      leaf(node.name, delta);
      if (node.title) leaf(node.title, delta);
      if (node.role) leaf(node.role, delta);
      names(node.parents, delta);
      return;
    case 'Exclusive':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      qname(node.holder, delta);
      qname(node.scope, delta);
      names(node.except, delta);
      if (node.from) leaf(node.from, delta);
      if (node.to) leaf(node.to, delta);
      if (node.clause) leaf(node.clause, delta);
      return;
    case 'Open':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      qname(node.scope, delta);
      if (node.clause) leaf(node.clause, delta);
      return;
    case 'Interface':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      qname(node.a, delta);
      qname(node.b, delta);
      if (node.note) leaf(node.note, delta);
      return;
    case 'NormLine':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      qname(node.subject, delta);
      leaf(node.modal, delta);
      leaf(node.verb, delta);
      if (node.object.kind === 'QName') qname(node.object, delta);
      else leaf(node.object, delta);
      if (node.beneficiary) qname(node.beneficiary, delta);
      return;
    case 'Due':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      leaf(node.date, delta);
      return;
    case 'Every':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      span(node.duration, delta);
      if (node.from) leaf(node.from, delta);
      return;
    case 'Accountable':
    case 'Owner':
    case 'Chair':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      qname(node.party, delta);
      return;
    case 'Consulted':
    case 'Informed':
    case 'Members':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      names(node.parties, delta);
      return;
    case 'ScopeLine':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      qname(node.scope, delta);
      return;
    case 'MeasuredBy':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      names(node.kpis, delta);
      return;
    case 'Target':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      span(node.comparator, delta);
      span(node.value, delta);
      return;
    case 'Threshold':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      span(node.comparator, delta);
      span(node.value, delta);
      if (node.consequence) leaf(node.consequence, delta);
      return;
    case 'Measured':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
      if (node.frequency.kind === 'Duration') span(node.frequency, delta);
      else span(node.frequency, delta);
      return;
    case 'Approves':
      (node as Moving).start += delta;
      (node as Moving).end += delta;
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
type Moving = { start: number; end: number };

/**
 * Names, dates, verbs, strings and modals: two shapes of object between them (a text or a value
 * with a span), so the stores here stay specific to those shapes.
 */
function leaf(node: Ident | DateLit | Verb | StringLit | Modal, delta: number): void {
  (node as Moving).start += delta;
  (node as Moving).end += delta;
}

function span(node: Span, delta: number): void {
  (node as { start: number }).start += delta;
  (node as { end: number }).end += delta;
}

function block(node: Block<Statement>, delta: number): void {
  (node as Moving).start += delta;
  (node as Moving).end += delta;
  const items = node.items;
  for (let i = 0; i < items.length; i++) move(items[i], delta);
}

function qname(node: QName, delta: number): void {
  (node as Moving).start += delta;
  (node as Moving).end += delta;
  const parts = node.parts;
  for (let i = 0; i < parts.length; i++) leaf(parts[i], delta);
}

function names(list: readonly QName[], delta: number): void {
  for (let i = 0; i < list.length; i++) qname(list[i], delta);
}
