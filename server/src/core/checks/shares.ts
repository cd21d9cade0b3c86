// Ownership shares in an `of` list (`of BCC 19.9%, Capita 80.1%`): P401 for a share that is not
// above 0% and at most 100%; P108 when some parents have a share and others none, or when the
// shares do not add up to exactly 100% (exact decimals, so 33.3% three times is 99.9%). A list
// with a P401 share is not summed: its owner first corrects the share. Shares depend on the
// party's own line alone, so this is a check of single units.

import { report } from '../diagnostics/catalog';
import type { Fix } from '../diagnostics/diagnostic';
import type { Party, QName, Quantity } from '../syntax/ast';
import { qnameText } from '../syntax/ast';
import { compareDecimal, formatDecimal, formatQuantity, parseDecimal, quantityValue, type Decimal } from '../values/decimal';
import { type Owner, spanOf, type UnitCheck } from './context';
import { percentageOutOfRange } from './percentages';

const HUNDRED = parseDecimal('100');

export const checkShares: UnitCheck = (ctx, unit) => {
  const party = unit.node;
  if (party.kind !== 'Party' || party.shares.every((s) => s === null)) return;
  const owner: Owner = { file: ctx.file, unit };
  let outOfRange = false;
  for (const share of party.shares) {
    if (!share || !percentageOutOfRange(share, 'share')) continue;
    outOfRange = true;
    ctx.emit(report('P401', spanOf(owner, share), { value: formatQuantity(share), share: true }));
  }
  const first = party.shares.find((s): s is Quantity => s !== null)!;
  const without = party.parents.filter((_, i) => party.shares[i] === null);
  if (without.length > 0) {
    ctx.emit(report('P108', spanOf(owner, first), { party: party.name.text, problem: 'missing', missing: without.map((q) => '`' + qnameText(q) + '`').join(', ') }, {
      fixes: without.length === 1 && !outOfRange ? completingShare(owner, party, without[0]) : [],
    }));
    return;
  }
  if (outOfRange) return;
  const total = sum(party.shares as readonly Quantity[]);
  if (compareDecimal(total, HUNDRED) !== 0) ctx.emit(report('P108', spanOf(owner, first), { party: party.name.text, problem: 'sum', total: `${formatDecimal(total)}%` }));
};

function sum(shares: readonly Quantity[]): Decimal {
  let total: Decimal = { units: 0n, scale: 0 };
  for (const share of shares) total = add(total, quantityValue(share));
  return total;
}

function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale), scale };
}

/** The share that brings the others to 100%, written after the one parent without one; none when the others reach 100% already. */
function completingShare(owner: Owner, party: Party, parent: QName): Fix[] {
  const others = sum(party.shares.filter((s): s is Quantity => s !== null));
  const rest: Decimal = add(HUNDRED, { units: -others.units, scale: others.scale });
  if (compareDecimal(rest, { units: 0n, scale: 0 }) <= 0) return [];
  const text = `${formatDecimal(rest)}%`;
  return [{ title: `Give \`${qnameText(parent)}\` a share of ${text}`, edits: [{ ...spanOf(owner, { start: parent.end, end: parent.end }), newText: ` ${text}` }], preferred: true }];
}
