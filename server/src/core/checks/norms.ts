// P601 a modal that does not match its block, P602 a party that both must and must not do the
// same thing, P603 an obligation with neither `due` nor `every`.

import { report } from '../diagnostics/catalog';
import type { Fix } from '../diagnostics/diagnostic';
import type { PartySymbol } from '../binding/symbols';
import type { FileModel, NormModel } from '../model/semantic';
import type { ModalValue, NormKeyword } from '../syntax/ast';
import { qnameText } from '../syntax/ast';
import { type CheckContext, related, spanOf } from './context';

const MODAL_OF: Record<NormKeyword, ModalValue> = { obligation: 'must', permission: 'may', prohibition: 'must not' };
const KEYWORD_OF: Record<ModalValue, NormKeyword> = { must: 'obligation', may: 'permission', 'must not': 'prohibition' };

export function checkNorms(ctx: CheckContext, model: FileModel): void {
  for (const norm of model.norms) {
    checkModal(ctx, norm);
    checkContradiction(ctx, norm);
    if (norm.node.keyword === 'obligation' && !norm.due && !norm.every) {
      ctx.emit(report('P603', spanOf(norm.file, norm.symbol.nameNode), { name: norm.symbol.name }));
    }
  }
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
      edits: [{ file: norm.file, start: norm.node.start, end: norm.node.start + keyword.length, newText: suggestedKeyword }],
      preferred: true,
    },
    {
      title: `Write \`${expected}\``,
      edits: [{ file: norm.file, start: norm.line.modal.start, end: norm.line.modal.end, newText: expected }],
    },
  ];
  ctx.emit(report('P601', spanOf(norm.file, norm.line), { keyword, modal: norm.modal, expected, suggestedKeyword }, { fixes }));
}

/** Quoted objects are equal ignoring case and runs of white space; scope objects by identity. */
function objectKey(norm: NormModel): unknown {
  if (norm.objectScope) return norm.objectScope;
  if (norm.objectText !== null) return norm.objectText.trim().replace(/\s+/g, ' ').toLowerCase();
  return undefined;
}

/** A party's norms by verb and object, built once per list so each lookup is direct. */
const duties = new WeakMap<readonly NormModel[], Map<string, Map<unknown, NormModel[]>>>();

function normsWithDuty(ctx: CheckContext, subject: PartySymbol, verb: string, key: unknown): readonly NormModel[] {
  const norms = ctx.queries.normsOf(subject);
  let index = duties.get(norms);
  if (!index) {
    index = new Map();
    for (const n of norms) {
      const k = objectKey(n);
      if (!n.verb || k === undefined) continue;
      const byObject = index.get(n.verb) ?? new Map<unknown, NormModel[]>();
      index.set(n.verb, byObject);
      const list = byObject.get(k) ?? [];
      list.push(n);
      byObject.set(k, list);
    }
    duties.set(norms, index);
  }
  return index.get(verb)?.get(key) ?? [];
}

function checkContradiction(ctx: CheckContext, norm: NormModel): void {
  if (!norm.line || !norm.subject || !norm.verb || norm.modal === 'may' || !norm.modal) return;
  const key = objectKey(norm);
  if (key === undefined) return;
  const opposite: ModalValue = norm.modal === 'must' ? 'must not' : 'must';
  const others = normsWithDuty(ctx, norm.subject, norm.verb, key).filter((n) => n.modal === opposite);
  if (others.length === 0) return;
  const object = norm.objectScope ? norm.objectScope.path : `"${norm.objectText}"`;
  ctx.emit(report('P602', spanOf(norm.file, norm.line), {
    party: qnameText(norm.line.subject),
    verb: norm.verb,
    object,
    other: others.map((o) => `${o.node.keyword} \`${o.symbol.name}\``).join(', '),
  }, { related: others.map((o) => related(o.file, o.line!, `${o.node.keyword} ${o.symbol.name}: ${qnameText(o.line!.subject)} ${o.modal} ${o.verb} ${o.objectScope ? o.objectScope.path : `"${o.objectText}"`}`)) }));
}
