// The meaning of the declarations of the second version that stand alone: a KPI with its
// targets over time and credits, a charge with its amounts, a variation with its changes.

import type { Reference } from '../binding/resolve';
import type { ChargeSymbol, KpiSymbol, PartySymbol, ScopeSymbol, VariationSymbol } from '../binding/symbols';
import type { VisiblePartnership } from '../binding/visible-lookup';
import type { AmountLine, Baseline, Charge, CreditCap, Kpi, Measured, Pays, Target, Threshold, Unit, Variation, Weight } from '../syntax/ast';
import type { ReferenceReader } from './references';
import { type ChargeModel, type CreditModel, type KpiModel, notesIn, validDay, type VariationChange, type VariationModel } from './semantic';

const NONE: readonly never[] = [];

export function kpiModel(file: string, unit: Unit, symbol: KpiSymbol, node: Kpi, refs: ReferenceReader): KpiModel {
  const lines = node.block?.items ?? NONE;
  let owner: PartySymbol | null = null;
  let hasOwnerLine = false;
  let scope: ScopeSymbol | null = null;
  const targets: Target[] = [];
  const thresholds: Threshold[] = [];
  const credits: CreditModel[] = [];
  let measured: Measured | null = null;
  let baseline: Baseline | null = null;
  let weight: Weight | null = null;
  for (const line of lines) {
    switch (line.kind) {
      case 'Owner':
        if (!hasOwnerLine) owner = refs.target(line.party, 'party');
        hasOwnerLine = true;
        break;
      case 'ScopeLine':
        scope ??= refs.target(line.scope, 'scope');
        break;
      case 'Target':
        targets.push(line);
        break;
      case 'Threshold':
        thresholds.push(line);
        break;
      case 'Credit':
        credits.push({ node: line, charge: refs.target(line.charge, 'charge') });
        break;
      case 'Measured':
        measured ??= line;
        break;
      case 'Baseline':
        baseline ??= line;
        break;
      case 'Weight':
        weight ??= line;
        break;
    }
  }
  return {
    file, unit, symbol, node, owner, hasOwnerLine, scope,
    target: targets[0] ?? null, targets, threshold: thresholds[0] ?? null, thresholds,
    measured, baseline, weight, credits, notes: notesIn(lines),
  };
}

export function chargeModel(file: string, unit: Unit, symbol: ChargeSymbol, node: Charge, refs: ReferenceReader): ChargeModel {
  const lines = node.block?.items ?? NONE;
  let pays: Pays | null = null;
  let payer: PartySymbol | null = null;
  let payee: PartySymbol | null = null;
  const amounts: AmountLine[] = [];
  let scope: ScopeSymbol | null = null;
  let indexed: string | null = null;
  let cap: CreditCap | null = null;
  let clause: string | null = null;
  for (const line of lines) {
    switch (line.kind) {
      case 'Pays':
        if (pays) break;
        pays = line;
        payer = refs.target(line.payer, 'party');
        payee = refs.target(line.payee, 'party');
        break;
      case 'AmountLine':
        amounts.push(line);
        break;
      case 'ScopeLine':
        scope ??= refs.target(line.scope, 'scope');
        break;
      case 'Indexed':
        indexed ??= line.text.value;
        break;
      case 'CreditCap':
        cap ??= line;
        break;
      case 'Clause':
        clause ??= line.text.value;
        break;
    }
  }
  return { file, unit, symbol, pays, payer, payee, amounts, scope, indexed, cap, clause, notes: notesIn(lines) };
}

export function variationModel(file: string, unit: Unit, symbol: VariationSymbol, node: Variation, references: readonly Reference[], refs: ReferenceReader): VariationModel {
  const lines = node.block?.items ?? NONE;
  let varies: VisiblePartnership | null | undefined;
  let agreed = null;
  let effective = null;
  let termTo = null;
  let clause: string | null = null;
  const changes: VariationChange[] = [];
  for (const line of lines) {
    switch (line.kind) {
      case 'Varies':
        if (varies === undefined) {
          const part = references.find((r) => r.node === line.partnership)?.parts[0];
          varies = part && 'declarations' in part ? part : null;
        }
        break;
      case 'Agreed':
        agreed ??= line.date;
        break;
      case 'Effective':
        effective ??= line.date;
        break;
      case 'TermTo':
        termTo ??= line.date;
        break;
      case 'EndsExclusive': {
        const holder = refs.target(line.holder, 'party');
        const scope = refs.target(line.scope, 'scope');
        if (holder && scope) changes.push({ kind: 'ends-exclusive', node: line, holder, scope });
        break;
      }
      case 'EndsOpen': {
        const scope = refs.target(line.scope, 'scope');
        if (scope) changes.push({ kind: 'ends-open', node: line, scope });
        break;
      }
      case 'Ends': {
        const ended = refs.target(line.target, 'norm') ?? refs.target(line.target, 'kpi') ?? refs.target(line.target, 'charge') ?? refs.target(line.target, 'body');
        if (ended) changes.push({ kind: 'ends', node: line, target: ended });
        break;
      }
      case 'Returns': {
        const scope = refs.target(line.scope, 'scope');
        const to = refs.target(line.to, 'party');
        if (scope) changes.push({ kind: 'returns', node: line, scope, to });
        break;
      }
      case 'Clause':
        clause ??= line.text.value;
        break;
    }
  }
  // Without `varies`, a variation changes its own partnership.
  const variedFile = varies === undefined ? file : (varies?.file ?? null);
  const variedName = varies === undefined ? null : (varies?.name ?? null);
  const effectiveDay = effective ? validDay(effective) : agreed ? validDay(agreed) : null;
  return { file, unit, symbol, node, variedFile, variedName, agreed, effective, effectiveDay, termTo, changes, clause, notes: notesIn(lines) };
}
