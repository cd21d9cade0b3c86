// P104 unknown party roles, P106 declarations nothing uses (never a party to the contract),
// P107 a partnership without a term.

import { closest } from '../binding/suggest';
import type { ScopeSymbol } from '../binding/symbols';
import { report } from '../diagnostics/catalog';
import { ROLES } from '../language/vocabulary';
import type { FileModel } from '../model/semantic';
import type { Party } from '../syntax/ast';
import { referenced } from '../facts/lookups';
import { type CheckContext, kinds, spanOf, type UnitCheck, type UnitKind } from './context';
import { suggestedTerm } from './suggested-term';

const DECLARATIONS_READ = kinds('Term', 'Party', 'Scope', 'Kpi');

/**
 * What `checkDeclarations` reads: the term, the parties, scopes and KPIs; without a term, the
 * whole text (the fix suggests a term from its dates).
 */
export function declarationsRead(model: FileModel): ReadonlySet<UnitKind> | null {
  return model.termNode ? DECLARATIONS_READ : null;
}

export function checkDeclarations(ctx: CheckContext, model: FileModel): void {
  checkTerm(ctx, model);
  checkUnused(ctx, model);
}

/** P104 for a party whose role is not one of the roles. */
export const checkRole: UnitCheck = (ctx, unit) => {
  const item = unit.node;
  if (item.kind !== 'Party' || !item.role || (ROLES as readonly string[]).includes(item.role.text)) return;
  const role = (item as Party).role!;
  const best = closest(role.text, ROLES.map((r) => ({ text: r })));
  const at = spanOf({ file: ctx.file, unit }, role);
  ctx.emit(report('P104', at, { role: role.text, roles: ROLES, suggestion: best?.text }, {
    fixes: best ? [{ title: `Change to \`${best.text}\``, edits: [{ ...at, newText: best.text }], preferred: true }] : [],
  }));
};

/**
 * The parties to a contract are used by being parties to it. A member or a parent of such a
 * party is named in its `of` list, which is a use already.
 */
const CONTRACTING_ROLES: ReadonlySet<string> = new Set(['client', 'supplier', 'joint-venture', 'partner', 'group']);

function isPartyToContract(party: Party): boolean {
  return party.role !== null && CONTRACTING_ROLES.has(party.role.text);
}

function checkTerm(ctx: CheckContext, model: FileModel): void {
  if (model.termNode) return;
  const p = model.partnership;
  const term = suggestedTerm(ctx.input.text);
  const fixes = p.block && term
    ? [{ title: `Add \`term ${term.from} to ${term.to}\``, edits: [{ file: model.file, start: p.block.start + 1, end: p.block.start + 1, newText: `\n  term ${term.from} to ${term.to}` }] }]
    : [];
  ctx.emit(report('P107', spanOf(model, p.name), { name: p.name.text }, { fixes }));
}

/**
 * A scope counts as used when it, a scope inside it or a scope containing it is referenced:
 * granting `ICT.Core` uses the sub-scopes that document what the grant covers, and the tree
 * above it. A scope in a branch nobody names is reported.
 */
function checkUnused(ctx: CheckContext, model: FileModel): void {
  const used = ctx.read(referenced, model.file);
  // Each scope's answer is kept: a scope tree is asked about once per scope in it.
  const branchUsed = new Map<ScopeSymbol, boolean>();
  const descendantUsed = (s: ScopeSymbol): boolean => {
    let answer = branchUsed.get(s);
    if (answer === undefined) {
      answer = false;
      for (const c of s.children.values()) if (used.has(c) || descendantUsed(c)) answer = true;
      branchUsed.set(s, answer);
    }
    return answer;
  };
  const ancestorUsed = (s: ScopeSymbol): boolean => {
    for (let a: ScopeSymbol | null = s; a; a = a.parent) if (used.has(a)) return true;
    return false;
  };
  for (const symbol of ctx.input.declarations.ofKinds(['party', 'scope', 'kpi'])) {
    const isUsed = symbol.kind === 'scope' ? ancestorUsed(symbol) || descendantUsed(symbol) : used.has(symbol) || (symbol.kind === 'party' && isPartyToContract(symbol.decl as Party));
    if (isUsed) continue;
    const kind = symbol.kind === 'kpi' ? 'KPI' : symbol.kind;
    ctx.emit(report('P106', spanOf(symbol, symbol.nameNode), { kind, name: symbol.kind === 'scope' ? symbol.path : symbol.name }));
  }
}
