// P503: escalation that comes back to the body it started from. Each body in the circle is
// reported at its own `escalates-to` line; a body that merely leads into a circle is not in it.
// Bodies may escalate to bodies of imported files, so the chain is read through a lookup, and
// the walk stops at the first body seen twice, so it never hangs.

import type { BodySymbol } from '../binding/symbols';
import { report } from '../diagnostics/catalog';
import { escalationOf } from '../facts/lookups';
import type { FileModel } from '../model/semantic';
import { type CheckContext, related, spanOf } from './context';

export function checkEscalation(ctx: CheckContext, model: FileModel): void {
  for (const body of model.bodies) {
    if (!body.escalation) continue;
    const chain = escalationChain(ctx, body.symbol);
    if (chain[chain.length - 1] !== body.symbol) continue;
    const others = chain.slice(0, -1).filter((b) => b !== body.symbol);
    ctx.emit(report('P503', spanOf(body, body.escalation.node), { body: body.symbol.name, circle: [body.symbol, ...chain].map((b) => b.name) }, {
      related: others.map((b) => related(b, b.nameNode, `${b.name} is in the circle`)),
    }));
  }
}

/** The bodies `start` escalates to, in turn, up to the first one seen before (or the last). */
function escalationChain(ctx: CheckContext, start: BodySymbol): BodySymbol[] {
  const seen = new Set<BodySymbol>([start]);
  const chain: BodySymbol[] = [];
  for (let at = start; ;) {
    const next = ctx.read(escalationOf, at)[0];
    if (!next) return chain;
    chain.push(next);
    if (seen.has(next)) return chain;
    seen.add(next);
    at = next;
  }
}
