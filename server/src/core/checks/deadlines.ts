// P304 a calendar that is not one of the calendars, P305 deadlines that never start (counted
// from a norm that is not an obligation, or counted in a circle), P306 events no norm uses.

import type { NormSymbol } from '../binding/symbols';
import { distance } from '../binding/suggest';
import { report } from '../diagnostics/catalog';
import type { RelatedInformation } from '../diagnostics/diagnostic';
import { relatedCounterparts } from '../diagnostics/counterparts';
import { deadlineAnchorNorm, deadlineCircleOf, isObligation } from '../facts/deadline-circles';
import { referenced } from '../facts/lookups';
import type { FileModel, NormModel } from '../model/semantic';
import { type QName, qnameText } from '../syntax/ast';
import { CALENDAR_NAMES, DEFAULT_CALENDAR, isCalendarName } from '../values/bank-holidays';
import { type CheckContext, related, spanOf, type UnitCheck } from './context';

/** P304 for a `calendar` line naming no calendar, with the closest calendar's name as the fix. */
export const checkCalendarName: UnitCheck = (ctx, unit) => {
  const item = unit.node;
  if (item.kind !== 'Calendar' || isCalendarName(item.name.text)) return;
  const written = item.name.text;
  // Four names: the nearest is always offered; it is the preferred fix when it is near enough
  // to be a misspelling (a third of the word's letters, as for unknown names).
  const [nearest] = [...CALENDAR_NAMES].sort((a, b) => distance(written, a) - distance(written, b));
  const near = distance(written.toLowerCase(), nearest) <= Math.max(1, Math.floor(written.length / 3));
  const at = spanOf({ file: ctx.file, unit }, item.name);
  ctx.emit(report('P304', at, { name: written, calendars: CALENDAR_NAMES, fallback: DEFAULT_CALENDAR, suggestion: near ? nearest : undefined }, {
    fixes: [{ title: `Change to \`${nearest}\``, edits: [{ ...at, newText: nearest }], ...(near ? { preferred: true } : {}) }],
  }));
};

/** P306 for each event of the file that no norm names. */
export function checkEventsUsed(ctx: CheckContext, _model: FileModel): void {
  const used = ctx.read(referenced, ctx.input.file);
  for (const symbol of ctx.input.declarations.ofKinds(['event'])) {
    if (!used.has(symbol)) ctx.emit(report('P306', spanOf(symbol, symbol.nameNode), { name: symbol.name }));
  }
}

/** P305 for a deadline counted from a norm that is never done, or counted in a circle. */
export function checkDeadline(ctx: CheckContext, norm: NormModel): void {
  const anchor = deadlineAnchorNorm(norm);
  const name = norm.deadline?.node.anchor;
  if (!anchor || name?.kind !== 'QName') return;
  const at = spanOf(norm, name);
  if (!isObligation(anchor)) {
    ctx.emit(report('P305', at, { name: norm.symbol.name, anchor: qnameText(name), problem: 'not-obligation', keyword: anchor.decl.keyword }, {
      related: [related(anchor, anchor.nameNode, `${anchor.decl.keyword} ${anchor.name}`)],
    }));
    return;
  }
  const circle = ctx.read(deadlineCircleOf, norm.symbol);
  if (!circle) return;
  const others = circleFrom(circle, norm.symbol).slice(1);
  ctx.emit(report('P305', at, { name: norm.symbol.name, anchor: qnameText(name), problem: 'circle', size: circle.length, circle: circleText(circleFrom(circle, norm.symbol)) }, {
    related: relatedCounterparts(others, relatedDeadline),
  }));
}

/** The circle starting at `first`, in the order its deadlines count. */
function circleFrom(circle: readonly NormSymbol[], first: NormSymbol): readonly NormSymbol[] {
  const at = circle.indexOf(first);
  return at <= 0 ? circle : [...circle.slice(at), ...circle.slice(0, at)];
}

/** How many names a circle's wording gives before it stops. */
const NAMED_IN_CIRCLE = 6;

/** `A → B → A`, or `A → B → … → F → …` for a long circle. */
function circleText(circle: readonly NormSymbol[]): string {
  const names = circle.slice(0, NAMED_IN_CIRCLE).map((n) => n.name);
  return circle.length <= NAMED_IN_CIRCLE ? [...names, names[0]].join(' → ') : `${names.join(' → ')} → …`;
}

/** The `of <name>` of another deadline in the circle, read from its declaration. */
function relatedDeadline(symbol: NormSymbol): RelatedInformation {
  let anchor: QName | null = null;
  for (const line of symbol.decl.block?.items ?? []) {
    if (line.kind === 'Due') {
      anchor = line.anchor?.kind === 'QName' ? line.anchor : null;
      break;
    }
  }
  return related(symbol, anchor ?? symbol.nameNode, `The deadline of ${symbol.name} counts from ${anchor ? qnameText(anchor) : 'another deadline'}`);
}
