// What a statement written up to the cursor leads to next (the slot `cursorContext` reports):
// read from the statement's words, the block it is in and its keyword, because one word leads
// to different things in different statements (`of` names a parent in a `party` line, what a
// deadline counts from after `due`, a charge after `credit`; `when` names events in a norm and
// opens a comparison in a credit).

import type { ExpectedKind } from '../binding/symbols';
import { type BlockContext, CALENDARS, CAP_PERIODS, DURATION_UNITS, ENDEAVOURS, MODALS } from '../language/vocabulary';

/** What may be written at a cursor, by the kind of thing that stands there. */
export type Slot =
  /** The start of a statement: a keyword of the block (in a norm, also the party of its line; in a charge, the payer). */
  | { readonly kind: 'statement' }
  /**
   * A reference to a declaration of a kind (`anchor`: what a deadline counts from, offered as
   * events and obligations; `endable`: what a variation ends); `words` may stand there too
   * (`start`, `exclusive`).
   */
  | { readonly kind: 'reference'; readonly expects: ExpectedKind; readonly words?: readonly string[] }
  /** A later part of a qualified name, after `qualifier.` (`ICT.`, `Catalogue.ICT.`). */
  | { readonly kind: 'member'; readonly qualifier: string }
  | { readonly kind: 'role' }
  | { readonly kind: 'modal' }
  | { readonly kind: 'frequency' }
  | { readonly kind: 'comparator' }
  | { readonly kind: 'band' }
  /** After `due`: `within`, or a duration counted back from expiry. */
  | { readonly kind: 'deadline' }
  /** One of a closed set of words: endeavours levels, calendars, units, `expiry`, the next word of a line. */
  | { readonly kind: 'words'; readonly words: readonly string[] }
  /** Nothing the vocabulary or the declarations can offer: a new name, a date, a string, a comment. */
  | { readonly kind: 'none' };

const reference = (expects: ExpectedKind, words?: readonly string[]): Slot => (words ? { kind: 'reference', expects, words } : { kind: 'reference', expects });
const words = (list: readonly string[]): Slot => ({ kind: 'words', words: list });

/** The units an amount of a charge is counted in (a unit price's own noun may be written too). */
export const AMOUNT_UNITS = ['year', 'quarter', 'month', 'week', 'day'] as const;

/** What the word before a gap leads to wherever it stands (the statement's keyword, when it matters, is checked in `slotAfter`). */
const SLOT_AFTER: Readonly<Record<string, Slot>> = {
  as: { kind: 'role' },
  of: reference('party'),
  exclusive: reference('party'),
  accountable: reference('party'),
  consulted: reference('party'),
  informed: reference('party'),
  owner: reference('party'),
  chair: reference('party'),
  members: reference('party'),
  pays: reference('party'),
  over: reference('scope'),
  except: reference('scope'),
  open: reference('scope'),
  interface: reference('scope'),
  with: reference('scope'),
  approves: reference('scope'),
  returns: reference('scope'),
  'measured-by': reference('kpi'),
  when: reference('event'),
  'escalates-to': reference('body'),
  varies: reference('partnership'),
  measured: { kind: 'frequency' },
  target: { kind: 'comparator' },
  threshold: { kind: 'comparator' },
  endeavours: words(ENDEAVOURS),
  calendar: words(CALENDARS),
  before: words(['expiry']),
  meets: words(['every']),
};

/** The words after which a comma-separated list of references continues. */
const LIST_WORDS = new Set(['of', 'consulted', 'informed', 'members', 'measured-by', 'except', 'when']);

const NONE: Slot = { kind: 'none' };
const NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const SHARE = /^[0-9.]+%$/;
const DURATION_WORDS = new Set(Object.keys(DURATION_UNITS).flatMap((w) => w.split(' ')));

/** The slot after the words of a statement written so far, in a block, under its keyword (null: none of the block's keywords). */
export function slotAfter(context: BlockContext, keyword: string | null, written: readonly string[]): Slot {
  const n = written.length;
  if (n === 0) return { kind: 'statement' };
  const last = written[n - 1];
  if (last === ',') return listSlot(context, keyword, written);
  if (context === 'norm' && keyword === null) return normLineSlot(written);
  if (context === 'charge' && keyword === null) return chargeLineSlot(written);
  if (last === 'scope') return n === 1 && (context === 'norm' || context === 'kpi' || context === 'charge') ? reference('scope') : NONE;
  switch (keyword) {
    case 'approves':
      if (n === 2) return { kind: 'band' };
      break;
    case 'due':
      return deadlineSlot(written);
    case 'every':
    case 'from':
    case 'until':
      return windowSlot(written);
    case 'credit':
      if (last === 'of') return reference('charge');
      if (last === 'when') return { kind: 'comparator' };
      break;
    case 'credit-cap':
      return last === 'per' ? words(CAP_PERIODS) : NONE;
    case 'ends':
      return n === 1 ? reference('endable', ['exclusive', 'open']) : SLOT_AFTER[last] ?? NONE;
    case 'returns':
      return last === 'to' ? reference('party') : n === 1 ? reference('scope') : NONE;
  }
  return SLOT_AFTER[last] ?? NONE;
}

/** After a comma: the list's opener goes on (parents with shares, a norm's subjects or beneficiaries). */
function listSlot(context: BlockContext, keyword: string | null, written: readonly string[]): Slot {
  // Back over the list's names (and a parent's share) and commas to the word that opened it.
  let i = written.length - 1;
  while (i >= 0 && (written[i] === ',' || NAME.test(written[i]) || SHARE.test(written[i])) && !LIST_WORDS.has(written[i]) && written[i] !== 'to') i--;
  const opener = written[i];
  if (opener !== undefined && LIST_WORDS.has(opener)) return keyword === 'due' ? NONE : SLOT_AFTER[opener];
  // A norm's joint subjects (`BCC, SB must …`) and beneficiaries (`… to X, Y`) are parties.
  if (context === 'norm' && keyword === null && (i < 0 || opener === 'to')) return reference('party');
  return NONE;
}

/** In a norm's own line, `<party>[, <party>] <modal> <verb> <object> [to <party>[, <party>]]`. */
function normLineSlot(written: readonly string[]): Slot {
  const n = written.length;
  const modalAt = written.findIndex((w) => (MODALS as readonly string[]).includes(w));
  if (modalAt < 0) return NAME.test(written[n - 1]) ? { kind: 'modal' } : NONE;
  const verbAt = written[modalAt] === 'must' && written[modalAt + 1] === 'not' ? modalAt + 2 : modalAt + 1;
  if (n === verbAt + 1) return reference('scope');
  if (n > verbAt + 1 && written[n - 1] === 'to') return reference('party');
  return NONE;
}

/** In a charge, a line that starts with a party (`A pays B`) or with money (`£35 per seat per month from …`). */
function chargeLineSlot(written: readonly string[]): Slot {
  const n = written.length;
  const last = written[n - 1];
  if (written[1] === 'pays') return n === 2 ? reference('party') : NONE;
  if (startsWithMoney(written[0], written[1])) return last === 'per' ? words(AMOUNT_UNITS) : NONE;
  return n === 1 && NAME.test(last) ? words(['pays']) : NONE;
}

/**
 * Whether a line's first words are money: `£35`, or a currency code and a number (`EUR 2m`);
 * three capitals alone are a party's name (`BCC pays SB`).
 */
export function startsWithMoney(first: string | undefined, second: string | undefined): boolean {
  if (first === undefined) return false;
  return first.startsWith('£') || (/^[A-Z]{3}$/.test(first) && /^[0-9]/.test(second ?? ''));
}

/** After `due`: `within` or a duration; after the duration, `of` or `before`; then what it counts from. */
function deadlineSlot(written: readonly string[]): Slot {
  const last = written[written.length - 1];
  const within = written[1] === 'within';
  if (written.length === 1) return { kind: 'deadline' };
  if (DURATION_WORDS.has(last) && /^[0-9]/.test(written[within ? 2 : 1] ?? '')) return words(within ? ['of'] : ['before']);
  if (last === 'of' && within) return reference('anchor', ['start']);
  if (last === 'before') return words(['expiry']);
  return NONE;
}

/** After `from` (a date, an event or `start`) and `until` (a date or `expiry`), in their own lines or after `every`. */
function windowSlot(written: readonly string[]): Slot {
  const last = written[written.length - 1];
  if (last === 'from') return reference('event', ['start']);
  return last === 'until' ? words(['expiry']) : NONE;
}
