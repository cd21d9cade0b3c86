// The messages between the extension and the matrix preview's page, and their runtime checks.
// Both sides import this module; whatever either side receives is checked here before use.
// Every message and every object inside it is a closed shape: a plain object with exactly the
// listed keys, each of the listed type. Anything else (an extra key such as `__proto__`, an
// inherited field, a number given as text) is rejected whole and ignored by the receiver.

import type { Matrix, MatrixBody, MatrixCharge, MatrixDeclaration, MatrixEvent, MatrixKpiDetail, MatrixMoney, MatrixVariation, RowChange } from '../../../shared/out/matrix';
import type { MatrixDelta, RowReference, RowRun, SectionName } from '../../../shared/out/matrix-delta';
import type { Grouping } from '../../../shared/out/matrix-wording';
import type { ExportFormat, MatrixUpdate } from '../../../shared/out/protocol';

export type { ExportFormat, Grouping, Matrix, MatrixDelta, MatrixUpdate, StatusView };
export { isStatusView };

/**
 * From the extension to the page. A matrix is a change to the one the page was last sent
 * (`base`, by `id`), or given whole when `base` is null.
 */
export type MessageToPage =
  | { readonly type: 'matrix'; readonly id: string; readonly base: string | null; readonly matrix: MatrixDelta; readonly fileName: string }
  | { readonly type: 'empty'; readonly reason: string }
  | { readonly type: 'status'; readonly view: StatusView }
  | { readonly type: 'statusEmpty'; readonly reason: string };

/** From the page to the extension. */
export type MessageFromPage =
  | { readonly type: 'ready' }
  | { readonly type: 'reveal'; readonly line: number }
  /** A line of another file of the workspace (a results row, a contract varying this one), by its path from the workspace folder. */
  | { readonly type: 'revealFile'; readonly file: string; readonly line: number }
  | { readonly type: 'export'; readonly format: ExportFormat; readonly grouping: Grouping }
  /** The page shows the status view for `on` (`YYYY-MM-DD`, null for today): keep it current. Null `on` and `shown` false: the matrix is shown. */
  | { readonly type: 'status'; readonly shown: boolean; readonly on: string | null };

import { arrayOf, type Check, isBoolean, isDepth, isIndex, isLine, isPlainObject, isString, literal, nullable, oneOf, recordOf, shape } from './checks';
import { isStatusView, type StatusView } from './status-protocol';

type Row = Matrix['groups'][number]['rows'][number];
type Exclusivity = Matrix['exclusivity'][number];

// `Record<X, true>` makes the compiler insist that every member of the union is listed.
const EXPORT_FORMATS: Readonly<Record<ExportFormat, true>> = { html: true, md: true, csv: true };
const GROUPINGS: Readonly<Record<Grouping, true>> = { scope: true, order: true };
const NORM_KINDS: Readonly<Record<Row['kind'], true>> = { obligation: true, permission: true, prohibition: true, power: true };

const CHANGE_KINDS: Readonly<Record<RowChange['kind'], true>> = { ended: true, extended: true, shortened: true };
const isRowChange = shape<RowChange>({ kind: oneOf(CHANGE_KINDS), day: isString, by: isString });

/** The fields every declaration of a section has, with the section's own. */
const declarationWith = <T extends MatrixDeclaration>(fields: { readonly [K in Exclude<keyof T, keyof MatrixDeclaration>]-?: Check }): Check =>
  shape<T>({ name: isString, title: isString, doc: isString, notes: arrayOf(isString), line: nullable(isLine), ...fields } as { readonly [K in keyof T]-?: Check });
const strings = arrayOf(isString);

const isEvent = declarationWith<MatrixEvent>({ clause: isString, usedBy: strings });
const isCharge = declarationWith<MatrixCharge>({
  payer: isString, payee: isString, scope: isString, indexed: isString, creditCap: isString, clause: isString, changes: arrayOf(isRowChange),
  amounts: arrayOf(shape<MatrixCharge['amounts'][number]>({ amount: isString, period: isString, fixed: isBoolean })),
});
const isMoney = shape<MatrixMoney>({
  charges: arrayOf(isCharge),
  fixedCharges: strings,
  years: arrayOf(shape<MatrixMoney['years'][number]>({ label: isString, period: isString, amounts: strings, total: isString })),
  totals: strings,
  total: isString,
  yearsNote: isString,
});
const isKpiDetail = declarationWith<MatrixKpiDetail>({
  owner: isString, scope: isString, measured: isString, baseline: isString, targets: strings, thresholds: strings, credits: strings,
  weight: isString, measures: strings, changes: arrayOf(isRowChange),
});
const isBody = declarationWith<MatrixBody>({
  chair: isString, members: strings, meets: isString, escalatesTo: isString, approvals: strings, findings: strings, changes: arrayOf(isRowChange),
});
const isVariation = declarationWith<MatrixVariation>({
  varies: isString, partnership: nullable(isString), agreed: isString, effective: isString, changes: strings, clause: isString, status: isString,
});

const isRow = shape<Row>({
  norm: isString,
  title: isString,
  kind: oneOf(NORM_KINDS),
  statement: isString,
  line: isLine,
  cells: recordOf(arrayOf(isString)),
  when: isString,
  kpis: arrayOf(shape<Row['kpis'][number]>({ name: isString, title: isString, target: isString })),
  consequence: isString,
  clause: isString,
  notes: arrayOf(isString),
  amount: isString,
  doc: isString,
  changes: arrayOf(isRowChange),
});

const isExclusivityRow = shape<Exclusivity>({
  path: isString,
  title: isString,
  covers: arrayOf(isString),
  depth: isDepth,
  holders: arrayOf(shape<Exclusivity['holders'][number]>({
    party: isString,
    period: isString,
    clause: isString,
    except: arrayOf(isString),
    partnership: nullable(isString),
    line: nullable(isLine),
    changes: arrayOf(isRowChange),
  })),
  open: isBoolean,
  interfaces: arrayOf(shape<Exclusivity['interfaces'][number]>({ with: isString, note: isString })),
  conflicts: arrayOf(isString),
  line: nullable(isLine),
});

const isRowReference = shape<RowReference>({ same: isIndex, line: isLine });
const isShift: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v);
const isRowRun = shape<RowRun>({ from: isIndex, count: isLine, shift: isShift });

/** A matrix whose rows pass `rowCheck`: every row whole, or rows and references to earlier ones; with `extra` fields besides. */
const matrixOf = (rowCheck: Check, extra: Readonly<Record<string, Check>> = {}): Check => shape<Matrix>({
  ...(extra as Record<keyof Matrix, Check>),
  partnership: shape<Matrix['partnership']>({
    name: isString, title: isString, doc: isString, term: isString, source: isString, notes: strings,
    values: arrayOf(shape<Matrix['partnership']['values'][number]>({ amount: isString, text: isString })),
    objectives: strings, calendar: isString, termChanges: arrayOf(isRowChange),
  }),
  parties: arrayOf(shape<Matrix['parties'][number]>({ id: isString, title: isString, role: isString })),
  groups: arrayOf(shape<Matrix['groups'][number]>({
    scope: nullable(shape<NonNullable<Matrix['groups'][number]['scope']>>({ path: isString, title: isString })),
    rows: arrayOf(rowCheck),
  })),
  exclusivity: arrayOf(isExclusivityRow),
  conflicts: arrayOf(shape<Matrix['conflicts'][number]>({
    file: isString,
    line: isLine,
    code: isString,
    severity: isString,
    message: isString,
    related: arrayOf(shape<Matrix['conflicts'][number]['related'][number]>({ file: isString, line: isLine, message: isString })),
  })),
  events: arrayOf(isEvent),
  money: isMoney,
  kpis: arrayOf(isKpiDetail),
  governance: arrayOf(isBody),
  variations: arrayOf(isVariation),
});

export const isMatrix = matrixOf(isRow) as (value: unknown) => value is Matrix;
const isRowOrReference: Check = (v) => isRow(v) || isRowReference(v) || isRowRun(v);
const SECTION_NAMES: Readonly<Record<SectionName, true>> = { parties: true, exclusivity: true, conflicts: true, events: true, money: true, kpis: true, governance: true, variations: true };
const withUnchanged = matrixOf(isRowOrReference, { unchanged: arrayOf(oneOf(SECTION_NAMES)) });
const whole = matrixOf(isRowOrReference);
/** A change (which may name sections as unchanged), or a matrix whole. */
const isMatrixDelta: Check = (v) => withUnchanged(v) || whole(v);

/** The language server's answer to `partnership/matrixUpdate` (null aside). */
export const isMatrixUpdate = shape<MatrixUpdate>({ id: isString, base: nullable(isString), matrix: isMatrixDelta }) as (value: unknown) => value is MatrixUpdate;

type Checks<M extends { type: string }> = { readonly [T in M['type']]: Check };

const TO_PAGE: Checks<MessageToPage> = {
  matrix: shape<Extract<MessageToPage, { type: 'matrix' }>>({ type: literal('matrix'), id: isString, base: nullable(isString), matrix: isMatrixDelta, fileName: isString }),
  empty: shape<Extract<MessageToPage, { type: 'empty' }>>({ type: literal('empty'), reason: isString }),
  status: shape<Extract<MessageToPage, { type: 'status' }>>({ type: literal('status'), view: isStatusView }),
  statusEmpty: shape<Extract<MessageToPage, { type: 'statusEmpty' }>>({ type: literal('statusEmpty'), reason: isString }),
};

const FROM_PAGE: Checks<MessageFromPage> = {
  ready: shape<Extract<MessageFromPage, { type: 'ready' }>>({ type: literal('ready') }),
  reveal: shape<Extract<MessageFromPage, { type: 'reveal' }>>({ type: literal('reveal'), line: isLine }),
  revealFile: shape<Extract<MessageFromPage, { type: 'revealFile' }>>({ type: literal('revealFile'), file: isString, line: isLine }),
  export: shape<Extract<MessageFromPage, { type: 'export' }>>({ type: literal('export'), format: oneOf(EXPORT_FORMATS), grouping: oneOf(GROUPINGS) }),
  status: shape<Extract<MessageFromPage, { type: 'status' }>>({ type: literal('status'), shown: isBoolean, on: nullable(isDay) }),
};

/** A day as the page's date field gives it. */
function isDay(v: unknown): boolean {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
}

function dispatch(checks: Readonly<Record<string, Check>>, value: unknown): boolean {
  if (!isPlainObject(value) || !Object.hasOwn(value, 'type')) return false;
  const type = value.type;
  return typeof type === 'string' && Object.hasOwn(checks, type) && checks[type](value);
}

export function isMessageToPage(value: unknown): value is MessageToPage {
  return dispatch(TO_PAGE, value);
}

export function isMessageFromPage(value: unknown): value is MessageFromPage {
  return dispatch(FROM_PAGE, value);
}
