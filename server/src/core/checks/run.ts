// Runs every check family on every file. A family that throws on a file becomes one internal
// error diagnostic for that file; the other families and files are still checked.

import { rootOf, type KpiSymbol, type PartnershipSymbol, type ScopeSymbol } from '../binding/symbols';
import { report } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { grantsOverlappingOpen } from '../model/coverage';
import type { Grant, NormModel, OpenScope } from '../model/semantic';
import type { Program } from '../program/program';
import type { Check, CheckContext } from './context';
import { checkDates } from './dates';
import { checkDeclarations } from './declarations';
import { checkExclusivity } from './exclusivity';
import { checkGovernance } from './governance';
import { checkInterfaces } from './interfaces';
import { checkKpis } from './kpis';
import { checkNorms } from './norms';

export const checkFamilies: readonly (readonly [string, Check])[] = [
  ['declarations', checkDeclarations],
  ['dates', checkDates],
  ['exclusivity', checkExclusivity],
  ['interfaces', checkInterfaces],
  ['kpis', checkKpis],
  ['governance', checkGovernance],
  ['norms', checkNorms],
];

export function runChecks(program: Program, emit: (d: Diagnostic) => void, families = checkFamilies): void {
  const models = program.models();
  const grants = models.flatMap((m) => m.grants).filter((g) => g.period !== null);
  const once = <T>(compute: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= compute());
  };
  const byRoot = once(() => {
    const map = new Map<ScopeSymbol, Grant[]>();
    for (const g of grants) {
      const root = rootOf(g.scope);
      const list = map.get(root) ?? [];
      list.push(g);
      map.set(root, list);
    }
    return map;
  });
  const ctx: CheckContext = {
    program,
    models,
    grants,
    grantsNear: (scope) => byRoot().get(rootOf(scope)) ?? [],
    norms: once((): NormModel[] => models.flatMap((m) => m.norms)),
    validOpens: once((): OpenScope[] => models.flatMap((m) => m.opens).filter((o) => grantsOverlappingOpen(o, ctx.grantsNear(o.scope)).length === 0)),
    referenced: once(() => {
      const used = new Set<PartnershipSymbol>();
      for (const source of program.files.values()) for (const ref of source.references.values()) if (ref.target) used.add(ref.target);
      return used;
    }),
    measuredKpis: once(() => new Set<KpiSymbol>(models.flatMap((m) => m.norms.flatMap((n) => n.kpis)))),
    emit,
  };
  for (const model of models) {
    for (const [name, check] of families) {
      try {
        check(ctx, model);
      } catch (error) {
        const detail = `${name} check: ${error instanceof Error ? error.message : String(error)}`;
        emit(report('P900', { file: model.file, start: 0, end: 0 }, { detail }));
      }
    }
  }
}
