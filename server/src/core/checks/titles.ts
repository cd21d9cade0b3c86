// P109: a bidirectional control in a title. The editor and the matrix show such controls as
// marks, but a title read anywhere else (a printed contract, another tool) would be reordered
// by them (Trojan Source), so the file says so where it is written.

import { declarationsOfUnit } from '../binding/declare';
import { kindNames } from '../binding/symbols';
import { report } from '../diagnostics/catalog';
import type { FileModel } from '../model/semantic';
import { firstBidiControl, hasBidiControl } from '../text/bidi';
import { type CheckContext, kinds, type Owner, spanOf, type UnitCheck, type UnitKind } from './context';

interface Title {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

function warn(emit: CheckContext['emit'], owner: Owner, kind: string, name: string, title: Title | null | undefined): void {
  const found = title ? firstBidiControl(title.value) : undefined;
  if (title && found) emit(report('P109', spanOf(owner, title), { kind, name, codePoint: found.codePoint, controlName: found.name }));
}

/** The titles a unit declares. */
export const checkUnitTitles: UnitCheck = (ctx, unit) => {
  // A title's characters are written as they are (an escape only drops its backslash), so a
  // unit whose text holds no control has no title with one: one search of the text, rather
  // than its declarations found and each title searched.
  if (!hasBidiControl(unit.text)) return;
  for (const s of declarationsOfUnit(ctx.file, unit).all) warn(ctx.emit, s, kindNames[s.kind], s.name, (s.decl as { title?: Title | null }).title);
};

/** `checkPartnershipTitle` reads no unit: only the partnership's name and title. */
export const partnershipTitleRead = (): ReadonlySet<UnitKind> => NO_UNITS;
const NO_UNITS = kinds();

/** The partnership's own title. */
export function checkPartnershipTitle(ctx: CheckContext, model: FileModel): void {
  warn(ctx.emit, model, 'partnership', model.partnership.name.text, model.partnership.title);
}
