// The references written in a statement and inside its block, each with the kind of
// declaration it must name, in the order of the text: what resolving a unit visits.

import type { Junk, QName, Statement } from '../syntax/ast';
import type { ExpectedKind } from './symbols';

export type ReferenceVisitor = (q: QName, expected: ExpectedKind) => void;

/** The references written in some statements of a partnership, and inside their blocks, in the order of the text. */
function forEachReferenceIn(statements: readonly (Statement | Junk)[], visit: ReferenceVisitor): void {
  // Plain functions, not closures made for each call: this visits every name of a contract as it opens.
  for (let i = 0; i < statements.length; i++) forEachReferenceOf(statements[i], visit);
}

function visitAll(list: readonly QName[], expected: ExpectedKind, visit: ReferenceVisitor): void {
  for (let i = 0; i < list.length; i++) visit(list[i], expected);
}

/** The references of one statement (a unit's declaration, say) and of its block. */
export function forEachReferenceOf(item: Statement | Junk, visit: ReferenceVisitor): void {
  switch (item.kind) {
    case 'Party':
      visitAll(item.parents, 'party', visit);
      break;
    case 'Scope':
    case 'Norm':
    case 'Kpi':
    case 'Body':
    case 'Charge':
    case 'Variation':
      if (item.block) forEachReferenceIn(item.block.items, visit);
      break;
    case 'Exclusive':
    case 'EndsExclusive':
      visit(item.holder, 'party');
      visit(item.scope, 'scope');
      if (item.kind === 'Exclusive') visitAll(item.except, 'scope', visit);
      break;
    case 'Interface':
      visit(item.a, 'scope');
      visit(item.b, 'scope');
      break;
    case 'NormLine':
      visitAll(item.subjects, 'party', visit);
      if (item.object.kind === 'QName') visit(item.object, 'scope');
      visitAll(item.beneficiaries, 'party', visit);
      break;
    case 'Due':
      if (item.anchor?.kind === 'QName') visit(item.anchor, 'anchor');
      break;
    case 'From':
      if (item.at.kind === 'QName') visit(item.at, 'event');
      break;
    case 'When':
      visitAll(item.events, 'event', visit);
      break;
    case 'Credit':
      if (item.charge) visit(item.charge, 'charge');
      break;
    case 'EscalatesTo':
      visit(item.body, 'body');
      break;
    case 'Pays':
      visit(item.payer, 'party');
      visit(item.payee, 'party');
      break;
    case 'Varies':
      visit(item.partnership, 'partnership');
      break;
    case 'Ends':
      visit(item.target, 'endable');
      break;
    case 'Returns':
      visit(item.scope, 'scope');
      if (item.to) visit(item.to, 'party');
      break;
    case 'Accountable':
    case 'Owner':
    case 'Chair':
      visit(item.party, 'party');
      break;
    case 'Consulted':
    case 'Informed':
    case 'Members':
      visitAll(item.parties, 'party', visit);
      break;
    case 'Open':
    case 'EndsOpen':
    case 'ScopeLine':
    case 'Approves':
      visit(item.scope, 'scope');
      break;
    case 'MeasuredBy':
      visitAll(item.kpis, 'kpi', visit);
      break;
  }
}
