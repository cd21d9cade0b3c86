// `partnership/status`: the preview's status view of the document's partnership on the day the
// reviewer picked (today when none, or when the day given is not a calendar day).

import { statusViewOf } from '../core/ledger/status-view';
import { thinnedForPane, timelineAt } from '../core/ledger/timeline';
import { dayNumber, formatDay } from '../core/values/dates';
import type { StatusParams } from '../../../shared/out/protocol';
import type { StatusView } from '../../../shared/out/status-view';
import { type FeatureContext, sourceOf } from './features/context';
import { today } from './ledger-view';

export function answerStatus(ctx: FeatureContext, params: StatusParams): StatusView | null {
  const source = sourceOf(ctx, params.uri);
  const name = source?.model?.partnership.name.text;
  if (!source || !name) return null;
  const now = today();
  const asked = typeof params.on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params.on) ? dayNumber(params.on) : null;
  const day = asked ?? now;
  const file = ctx.ledger.results.displayPath(source.file);
  const ledger = ctx.ledger.ledger();
  const status = ctx.ledger.status(day);
  const index = status.partnerships.findIndex((p) => p.name === name && p.file === file);
  if (index < 0) return null;
  const timeline = thinnedForPane(timelineAt(ledger, status, index));
  return statusViewOf(status.partnerships[index], formatDay(day), formatDay(now), ledger.tracks(name), timeline);
}
