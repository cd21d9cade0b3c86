// P601 a modal that does not match its block, P602 a party that both must and must not do the
// same thing (a group's norms bind each member), P603 an obligation with neither `due` nor `every`.

import { listOf, report } from '../diagnostics/catalog';
import type { Fix } from '../diagnostics/diagnostic';
import type { NormModel } from '../model/semantic';
import type { ModalValue, NormKeyword } from '../syntax/ast';
import { namesText } from '../syntax/ast';
import { nameCounterparts, relatedCounterparts } from '../diagnostics/counterparts';
import { type CheckContext, describePeriod, related, spanOf } from './context';
import { dutyObject } from '../facts/duty-index';
import { dutyKey, normsWithDuty } from '../facts/lookups';
import { allGroups, allMembers } from './membership';

const MODAL_OF: Record<NormKeyword, ModalValue> = { obligation: 'must', permission: 'may', prohibition: 'must not', power: 'can' };
const KEYWORD_OF: Record<ModalValue, NormKeyword> = { must: 'obligation', may: 'permission', 'must not': 'prohibition', can: 'power' };

/** The checks of one norm: its modal against its keyword, contradictions, and a deadline for an obligation. */
export function checkNorm(ctx: CheckContext, norm: NormModel): void {
  checkModal(ctx, norm);
  checkContradiction(ctx, norm);
  // A standing duty: no deadline, no `every` and no `when` written (a broken deadline still
  // counts); a `from` that names an event makes it arise on the event, as `when` does.
  // A window reversed by its dates (P302) has no period and is not reported again.
  if (norm.node.keyword === 'obligation' && !norm.deadline && !norm.every && !arisesOnEvent(norm) && norm.period) {
    const window = norm.from || norm.until ? `on every day ${describePeriod(norm.period)}` : 'for the whole term';
    ctx.emit(report('P603', spanOf(norm, norm.symbol.nameNode), { name: norm.symbol.name, window }));
  }
}

function arisesOnEvent(norm: NormModel): boolean {
  return (norm.node.block?.items ?? []).some((l) => l.kind === 'When' || (l.kind === 'From' && l.at.kind === 'QName'));
}

function checkModal(ctx: CheckContext, norm: NormModel): void {
  if (!norm.line || !norm.modal) return;
  const keyword = norm.node.keyword;
  const expected = MODAL_OF[keyword];
  if (norm.modal === expected) return;
  const suggestedKeyword = KEYWORD_OF[norm.modal];
  const fixes: Fix[] = [
    {
      title: `Make it ${suggestedKeyword === 'obligation' ? 'an' : 'a'} ${suggestedKeyword}`,
      edits: [{ ...spanOf(norm, { start: norm.node.start, end: norm.node.start + keyword.length }), newText: suggestedKeyword }],
      preferred: true,
    },
    {
      title: `Write \`${expected}\``,
      edits: [{ ...spanOf(norm, norm.line.modal), newText: expected }],
    },
  ];
  ctx.emit(report('P601', spanOf(norm, norm.line), { keyword, modal: norm.modal, expected, suggestedKeyword }, { fixes }));
}

function checkContradiction(ctx: CheckContext, norm: NormModel): void {
  if (!norm.line || norm.subjects.length === 0 || !norm.verb || (norm.modal !== 'must' && norm.modal !== 'must not')) return;
  const duty = dutyObject(norm);
  if (duty === undefined) return;
  const opposite: ModalValue = norm.modal === 'must' ? 'must not' : 'must';
  // Each party the norm binds is compared on its own (every subject, and each member of a
  // group), against the norms that bind it (its own and its groups'); a norm is reported once,
  // with every counterpart.
  // Made only on a clash: most norms have none.
  let found: Set<NormModel> | undefined;
  // Who clashes, named as the lawyer would: a member through its group.
  let clashing: string[] | undefined;
  let throughGroup = false;
  const verb = norm.verb;
  // Loops over the lists rather than a function per party: this runs for every norm as a
  // contract opens, and nearly every party is in no group (place -1 is the party itself).
  for (let s = 0; s < norm.subjects.length; s++) {
    const subject = norm.subjects[s];
    const members = allMembers(ctx, subject);
    for (let m = -1; m < members.length; m++) {
      const party = m < 0 ? subject : members[m];
      const groups = allGroups(ctx, party);
      let clash = false;
      for (let g = -1; g < groups.length; g++) {
        const opposed = ctx.read(normsWithDuty, dutyKey(g < 0 ? party : groups[g], verb, duty, opposite));
        for (let i = 0; i < opposed.length; i++) {
          (found ??= new Set()).add(opposed[i]);
          clash = true;
        }
      }
      if (!clash) continue;
      throughGroup ||= party !== subject;
      (clashing ??= []).push(party === subject ? party.name : `${party.name} (a member of ${subject.name})`);
    }
  }
  if (!found || !clashing) return;
  const others = [...found];
  const object = norm.objectScope ? norm.objectScope.path : `"${norm.objectText}"`;
  ctx.emit(report('P602', spanOf(norm, norm.line), {
    party: throughGroup ? listOf(clashing, 'and') : namesText(norm.line!.subjects),
    verb: norm.verb,
    object,
    other: nameCounterparts(others, (o) => `${o.node.keyword} \`${o.symbol.name}\``),
  }, { related: relatedCounterparts(others, (o) => related(o, o.line!, `${o.node.keyword} ${o.symbol.name}: ${namesText(o.line!.subjects)} ${o.modal} ${o.verb} ${o.objectScope ? o.objectScope.path : `"${o.objectText}"`}`)) }));
}
