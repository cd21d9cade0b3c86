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
  span(node, delta);
  switch (node.kind) {
    case 'Junk':
      return;
    case 'Term':
      leaf(node.from, delta);
      leaf(node.to, delta);
      return;
    case 'Import':
      leaf(node.path, delta);
      return;
    case 'Partnership':
    case 'Scope':
    case 'Norm':
    case 'Kpi':
    case 'Body':
      leaf(node.name, delta);
      if (node.title) leaf(node.title, delta);
      if (node.block) block(node.block as Block<Statement>, delta);
      return;
    case 'Source':
    case 'Covers':
    case 'Otherwise':
    case 'Clause':
      leaf(node.text, delta);
      return;
    case 'Party':
      leaf(node.name, delta);
      if (node.title) leaf(node.title, delta);
      if (node.role) leaf(node.role, delta);
      names(node.parents, delta);
      return;
    case 'Exclusive':
      qname(node.holder, delta);
      qname(node.scope, delta);
      names(node.except, delta);
      if (node.from) leaf(node.from, delta);
      if (node.to) leaf(node.to, delta);
      if (node.clause) leaf(node.clause, delta);
      return;
    case 'Open':
      qname(node.scope, delta);
      if (node.clause) leaf(node.clause, delta);
      return;
    case 'Interface':
      qname(node.a, delta);
      qname(node.b, delta);
      if (node.note) leaf(node.note, delta);
      return;
    case 'NormLine':
      qname(node.subject, delta);
      leaf(node.modal, delta);
      leaf(node.verb, delta);
      if (node.object.kind === 'QName') qname(node.object, delta);
      else leaf(node.object, delta);
      if (node.beneficiary) qname(node.beneficiary, delta);
      return;
    case 'Due':
      leaf(node.date, delta);
      return;
    case 'Every':
      span(node.duration, delta);
      if (node.from) leaf(node.from, delta);
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
      if (node.consequence) leaf(node.consequence, delta);
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

// Nodes are read-only to everything but the parser and this move. The engine specialises each
// store to the shapes of object it has seen there, and looks a store that has seen many shapes
// up generically. So the nodes there are most of (names, dates, strings, qualified names and
// blocks) are moved by stores of their own, and only statements and rarer parts share `span`:
// moving half of a 50,000-norm contract went from about 20 ms to 13 ms.
type Moving = { start: number; end: number };

/** Names, dates, verbs, strings and modals: two shapes of object between them (a text or a value with a span). */
function leaf(node: Ident | DateLit | Verb | StringLit | Modal, delta: number): void {
  (node as Moving).start += delta;
  (node as Moving).end += delta;
}

function span(node: Span, delta: number): void {
  (node as Moving).start += delta;
  (node as Moving).end += delta;
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
