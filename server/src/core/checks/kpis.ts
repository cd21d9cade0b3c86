// P401 percentages outside 0-100% on targets and thresholds, P402 thresholds that a passing
// value would trigger (or in another unit than a target), P403 KPIs without an owner, P404 KPIs
// no norm is measured by, P405 KPIs with nothing to meet, P406 two targets from the same day.
// Credits are checked in credits.ts.

import { report } from '../diagnostics/catalog';
import type { Fix } from '../diagnostics/diagnostic';
import type { FileModel, KpiModel } from '../model/semantic';
import { validDay } from '../model/semantic';
import type { Target } from '../syntax/ast';
import { formatDay } from '../values/dates';
import { measured } from '../facts/lookups';
import { type CheckContext, kinds, related, spanOf, type UnitKind } from './context';
import { comparableUnit, conditionInterval, sharedValue, writtenCondition } from './kpi-values';
import { checkPercentage } from './percentages';

const KPIS_READ = kinds('Term', 'Kpi');
const KPIS_AND_NORMS_READ = kinds('Term', 'Kpi', 'Norm');

/** What `checkKpis` reads: the term and the KPIs, and the norms when a KPI has no owner (the fix names a party of a norm it measures). */
export function kpisRead(model: FileModel): ReadonlySet<UnitKind> {
  return model.kpis.some((k) => !k.hasOwnerLine) ? KPIS_AND_NORMS_READ : KPIS_READ;
}

export function checkKpis(ctx: CheckContext, model: FileModel): void {
  const measuredKpis = ctx.read(measured, model.file);
  for (const kpi of model.kpis) {
    const targets = kpi.targets.filter((t) => !checkPercentage(ctx, kpi, t.value) && startOf(t, model) !== null);
    for (const threshold of kpi.thresholds) {
      if (checkPercentage(ctx, kpi, threshold.value)) continue;
      const params = { threshold: writtenCondition(threshold.comparator, threshold.value) };
      const finding = targetConflict(targets, threshold);
      if (finding) {
        const { target, example } = finding;
        const args = { ...params, target: writtenCondition(target.comparator, target.value), ...(example === undefined ? { reason: 'unit' as const } : { reason: 'overlap' as const, example }) };
        ctx.emit(report('P402', spanOf(kpi, threshold.value), args, { related: [related(kpi, target, 'The target')] }));
      }
    }
    checkTargetStarts(ctx, kpi, model);
    if (kpi.targets.length === 0 && kpi.thresholds.length === 0 && wellFormed(kpi)) ctx.emit(report('P405', spanOf(kpi, kpi.symbol.nameNode), { name: kpi.symbol.name }));
    if (!kpi.hasOwnerLine) {
      const block = kpi.node.block;
      const party = model.norms.find((n) => n.kpis.includes(kpi.symbol))?.subjects[0]?.name;
      const fixes = block
        ? [{ title: 'Add an `owner` line', edits: [{ ...spanOf(kpi, { start: block.start + 1, end: block.start + 1 }), newText: ` owner ${party ?? 'Owner'}` }] }]
        : [];
      ctx.emit(report('P403', spanOf(kpi, kpi.symbol.nameNode), { name: kpi.symbol.name }, { fixes }));
    }
    if (!measuredKpis.has(kpi.symbol)) ctx.emit(report('P404', spanOf(kpi, kpi.symbol.nameNode), { name: kpi.symbol.name }));
  }
}

/** A KPI whose block parsed whole: a missing block or a broken line is P001 already, and may be the target. */
function wellFormed(kpi: KpiModel): boolean {
  const block = kpi.node.block;
  return block !== null && block.items.every((item) => item.kind !== 'Junk');
}

/**
 * The first target (each is in force on some day) that a condition contradicts: in another
 * unit (no example), or met by some value that meets the target (with that value, written like
 * the target).
 */
export function targetConflict(targets: readonly Target[], condition: Pick<Target, 'comparator' | 'value'>): { target: Target; example?: string } | null {
  for (const target of targets) {
    if (comparableUnit(target.value) !== comparableUnit(condition.value)) return { target };
    const example = sharedValue(conditionInterval(target.comparator, target.value), conditionInterval(condition.comparator, condition.value), target.value);
    if (example !== undefined) return { target, example };
  }
  return null;
}

/**
 * The day a target comes into force: its `from`, else the term's first day (-Infinity when the
 * file has no valid term, so targets without `from` still clash with each other); null when its
 * `from` is impossible (P301 says so).
 */
function startOf(target: Target, model: FileModel): number | null {
  return target.from ? validDay(target.from) : (model.term?.from ?? -Infinity);
}

/** P406: a target that comes into force on the same day as one written before it. */
function checkTargetStarts(ctx: CheckContext, kpi: KpiModel, model: FileModel): void {
  const firstOn = new Map<number, Target>();
  for (const target of kpi.targets) {
    const day = startOf(target, model);
    if (day === null) continue;
    const earlier = firstOn.get(day);
    if (!earlier) {
      firstOn.set(day, target);
      continue;
    }
    const params = {
      name: kpi.symbol.name, day: Number.isFinite(day) ? formatDay(day) : "the term's first day",
      target: writtenCondition(target.comparator, target.value), other: writtenCondition(earlier.comparator, earlier.value),
    };
    ctx.emit(report('P406', spanOf(kpi, target.value), params, { related: [related(kpi, earlier, 'The other target in force from that day')], fixes: laterStart(kpi, target, day) }));
  }
}

/** The quick fix: the target comes into force the day after instead. */
function laterStart(kpi: KpiModel, target: Target, day: number): Fix[] {
  if (!Number.isFinite(day)) return [];
  const next = formatDay(day + 1);
  const edit = target.from ? { ...spanOf(kpi, target.from), newText: next } : { ...spanOf(kpi, { start: target.value.end, end: target.value.end }), newText: ` from ${next}` };
  return [{ title: `Bring the target into force on ${next}`, edits: [edit] }];
}
