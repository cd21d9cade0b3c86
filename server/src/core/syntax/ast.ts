// The syntax tree produced by grammar/partnership.peggy. Every node has a literal `kind` and
// half-open `start`/`end` offsets (UTF-16 code units). The nodes of a partnership's top-level
// declarations are grouped into units (see `Unit`) and hold offsets from their unit's start;
// every other node (the file, its imports, the partnership's name and braces) holds offsets
// into the document. Nothing in a tree changes after the parser builds it.

import type {
  Anchor, Block, Comparator, DateLit, Duration, Ident, Junk, LexicalError, Note, QName, Quantity, ScopeLine, Span, StringLit, Word, Clause,
} from './ast-base';
import type { Charge, ChargeItem, Variation, VariationItem } from './ast-charges';
import type { ChunkedList } from '../values/chunked-list';
import type { ChunkedOffsets } from '../values/chunked-offsets';

export type * from './ast-base';
export type * from './ast-charges';

/** `Block`: the partnership's block as the parse driver keeps it; the generated parser's is a `GrammarPartnershipBlock`. */
export interface FileNode<Block = PartnershipBlock> extends Span {
  readonly kind: 'File';
  readonly items: readonly (Import | Partnership<Block> | Junk)[];
  readonly lexicalErrors: readonly LexicalError[];
  /** False when no broken statement (`Junk`) is anywhere in the tree. */
  readonly mayHaveJunk: boolean;
}

export interface Import extends Span {
  readonly kind: 'Import';
  readonly path: StringLit;
}

export interface Partnership<Block = PartnershipBlock> extends Span {
  readonly kind: 'Partnership';
  readonly name: Ident;
  readonly title: StringLit | null;
  readonly block: Block | null;
}

/**
 * One top-level declaration or statement of a partnership, with the blank and comments before
 * it (its doc comment among them): the unit an edit re-parses. Its node and every node inside
 * hold offsets from the start of `text`, so a unit an edit did not touch is kept as it is, and
 * whatever is derived from it alone can be kept by its identity.
 */
export interface Unit {
  readonly kind: 'Unit';
  /** The unit's own text: from the end of the statement before it to the end of its own. */
  readonly text: string;
  readonly node: PartnershipItem | Junk;
}

/**
 * A partnership's braces and units; `starts.at(i)` is where `units.at(i)` starts in the
 * document. Both are kept in chunks: an edit inside one unit makes a block that shares every
 * chunk but one with the block before it (see values/chunked-list.ts).
 */
export interface PartnershipBlock extends Span {
  readonly kind: 'PartnershipBlock';
  readonly units: ChunkedList<Unit>;
  readonly starts: ChunkedOffsets;
  readonly closed: boolean;
}

/** A partnership's block as the generated parser makes it, with plain lists (syntax/parse.ts keeps them in chunks). */
export interface GrammarPartnershipBlock extends Span {
  readonly kind: 'PartnershipBlock';
  readonly units: readonly Unit[];
  readonly starts: readonly number[];
  readonly closed: boolean;
}

export type PartnershipItem =
  | Term | Source | Party | ScopeDecl | Exclusive | Open | Interface | Norm | Kpi | Body | Note
  | Event | Charge | Variation | ContractValue | Objective | Calendar;

/** `event BreachNotice "Notice of material breach" [clause "40.1"]`: something that happens at a date not known in advance. */
export interface Event extends Span {
  readonly kind: 'Event';
  readonly name: Ident;
  readonly title: StringLit | null;
  readonly clause: StringLit | null;
}

/** `value £1bn "Stated value over ten years"` */
export interface ContractValue extends Span {
  readonly kind: 'ContractValue';
  readonly amount: Quantity;
  readonly text: StringLit | null;
}

export interface Objective extends Span {
  readonly kind: 'Objective';
  readonly text: StringLit;
}

/** `calendar scotland`: whose bank holidays working days skip. */
export interface Calendar extends Span {
  readonly kind: 'Calendar';
  readonly name: Ident;
}

export interface Term extends Span {
  readonly kind: 'Term';
  readonly from: DateLit;
  readonly to: DateLit;
}

export interface Source extends Span {
  readonly kind: 'Source';
  readonly text: StringLit;
}

export interface Party extends Span {
  readonly kind: 'Party';
  readonly name: Ident;
  readonly title: StringLit | null;
  readonly role: Ident | null;
  readonly parents: readonly QName[];
  /** `shares[i]` is the ownership share written after `parents[i]`, or null. */
  readonly shares: readonly (Quantity | null)[];
}

export interface ScopeDecl extends Span {
  readonly kind: 'Scope';
  readonly name: Ident;
  readonly title: StringLit | null;
  readonly block: Block<ScopeItem> | null;
}

export type ScopeItem = Covers | ScopeDecl | Note;

export interface Covers extends Span {
  readonly kind: 'Covers';
  readonly text: StringLit;
}

export interface Exclusive extends Span {
  readonly kind: 'Exclusive';
  readonly holder: QName;
  readonly scope: QName;
  readonly except: readonly QName[];
  readonly from: DateLit | null;
  readonly to: DateLit | null;
  readonly clause: StringLit | null;
}

export interface Open extends Span {
  readonly kind: 'Open';
  readonly scope: QName;
  readonly clause: StringLit | null;
}

export interface Interface extends Span {
  readonly kind: 'Interface';
  readonly a: QName;
  readonly b: QName;
  readonly note: StringLit | null;
}

export type NormKeyword = 'obligation' | 'permission' | 'prohibition' | 'power';

export interface Norm extends Span {
  readonly kind: 'Norm';
  readonly keyword: NormKeyword;
  readonly name: Ident;
  readonly title: StringLit | null;
  readonly block: Block<NormItem> | null;
}

export type NormItem =
  | NormLine | Due | Every | Accountable | Consulted | Informed | ScopeLine | MeasuredBy
  | Otherwise | Clause | Note | When | From | Until | NormAmount | Endeavours | Notice;

export type ModalValue = 'must' | 'may' | 'must not' | 'can';

export interface Modal extends Span {
  readonly kind: 'Modal';
  readonly value: ModalValue;
}

export interface Verb extends Span {
  readonly kind: 'Verb';
  readonly text: string;
}

export interface NormLine extends Span {
  readonly kind: 'NormLine';
  /** One subject, or several acting together (`BCC, SB must …`). Never empty. */
  readonly subjects: readonly QName[];
  readonly modal: Modal;
  readonly verb: Verb;
  readonly object: QName | StringLit;
  /** Empty when the line names no beneficiary. */
  readonly beneficiaries: readonly QName[];
}

/**
 * A deadline: `due <date>` (`date`), `due within <duration> of <event | obligation | start>`
 * (`duration` and `anchor`) or `due <duration> before expiry` (`duration`, anchor `expiry`).
 */
export interface Due extends Span {
  readonly kind: 'Due';
  readonly date: DateLit | null;
  readonly duration: Duration | null;
  readonly anchor: QName | Anchor | null;
}

export interface Every extends Span {
  readonly kind: 'Every';
  readonly duration: Duration;
}

/** `when BreachNotice, GoLive`: the norm applies once one of the events has happened. */
export interface When extends Span {
  readonly kind: 'When';
  readonly events: readonly QName[];
}

/** `from <date | event | start>`: the first day the norm applies. */
export interface From extends Span {
  readonly kind: 'From';
  readonly at: DateLit | Anchor | QName;
}

/** `until <date | expiry>`: the last day the norm applies. */
export interface Until extends Span {
  readonly kind: 'Until';
  readonly at: DateLit | Anchor;
}

/** `amount £8m`: a one-off sum on a norm. */
export interface NormAmount extends Span {
  readonly kind: 'NormAmount';
  readonly amount: Quantity;
}

/** `endeavours reasonable | all-reasonable | best` */
export interface Endeavours extends Span {
  readonly kind: 'Endeavours';
  readonly level: Word;
}

/** `notice 6 months` on a power. */
export interface Notice extends Span {
  readonly kind: 'Notice';
  readonly duration: Duration;
}

export interface Accountable extends Span {
  readonly kind: 'Accountable';
  readonly party: QName;
}

export interface Consulted extends Span {
  readonly kind: 'Consulted';
  readonly parties: readonly QName[];
}

export interface Informed extends Span {
  readonly kind: 'Informed';
  readonly parties: readonly QName[];
}

export interface MeasuredBy extends Span {
  readonly kind: 'MeasuredBy';
  readonly kpis: readonly QName[];
}

export interface Otherwise extends Span {
  readonly kind: 'Otherwise';
  readonly text: StringLit;
}

export interface Kpi extends Span {
  readonly kind: 'Kpi';
  readonly name: Ident;
  readonly title: StringLit | null;
  readonly block: Block<KpiItem> | null;
}

export type KpiItem = Owner | ScopeLine | Target | Threshold | Measured | Note | Baseline | Weight | Credit;

export interface Owner extends Span {
  readonly kind: 'Owner';
  readonly party: QName;
}

export interface Target extends Span {
  readonly kind: 'Target';
  readonly comparator: Comparator;
  readonly value: Quantity;
  /** The day a ramped target comes into force; null for the target from the term's start. */
  readonly from: DateLit | null;
}

export interface Baseline extends Span {
  readonly kind: 'Baseline';
  readonly value: Quantity;
  readonly text: StringLit | null;
}

export interface Weight extends Span {
  readonly kind: 'Weight';
  readonly value: Quantity;
}

/** `credit 2% of CoreCharge when < 99.5%` or `credit £5k when > 8 hours`. */
export interface Credit extends Span {
  readonly kind: 'Credit';
  readonly amount: Quantity;
  readonly charge: QName | null;
  readonly comparator: Comparator;
  readonly value: Quantity;
}

export interface Threshold extends Span {
  readonly kind: 'Threshold';
  readonly comparator: Comparator;
  readonly value: Quantity;
  readonly consequence: StringLit | null;
}

export interface Frequency extends Span {
  readonly kind: 'Frequency';
  readonly text: 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
}

export interface Measured extends Span {
  readonly kind: 'Measured';
  readonly frequency: Frequency | Duration;
}

export interface Body extends Span {
  readonly kind: 'Body';
  readonly name: Ident;
  readonly title: StringLit | null;
  readonly block: Block<BodyItem> | null;
}

export type BodyItem = Chair | Members | Approves | Note | Meets | EscalatesTo;

export interface Meets extends Span {
  readonly kind: 'Meets';
  readonly duration: Duration;
}

export interface EscalatesTo extends Span {
  readonly kind: 'EscalatesTo';
  readonly body: QName;
}

export interface Chair extends Span {
  readonly kind: 'Chair';
  readonly party: QName;
}

export interface Members extends Span {
  readonly kind: 'Members';
  readonly parties: readonly QName[];
}

export interface Band extends Span {
  readonly kind: 'Band';
  readonly form: 'above' | 'up-to' | 'range' | 'any';
  readonly low: Quantity | null;
  readonly high: Quantity | null;
}

export interface Approves extends Span {
  readonly kind: 'Approves';
  readonly scope: QName;
  readonly band: Band;
}

/** Declarations that own a name in the partnership's namespace. */
export type Declaration = Party | ScopeDecl | Norm | Kpi | Body | Event | Charge | Variation;

export function qnameText(q: QName): string {
  return q.text;
}

/** Whether a name has more than one part (`ICT.Core`), without making its parts. */
export function isDotted(q: QName): boolean {
  return q.text.indexOf('.') >= 0;
}

/** The text of a name's first part, the name looked up in a partnership's namespace, without making its parts. */
export function firstPart(q: QName): string {
  return isDotted(q) ? q.text.slice(0, q.text.indexOf('.')) : q.text;
}

/** Any statement of any block. */
export type Statement = PartnershipItem | ScopeItem | NormItem | KpiItem | BodyItem | ChargeItem | VariationItem;

/** A list of names as written: `BCC, SB`. */
export function namesText(qs: readonly QName[]): string {
  return qs.map(qnameText).join(', ');
}
