// The obligation matrix as the language server answers it (`partnership/matrix`) and every
// renderer reads it: the HTML, Markdown and CSV exports, the JSON of the command line and the
// editor's preview. Built by server/src/core/matrix/model.ts.

export interface MatrixParty {
  /** The name as the document writes it: `BCC`, or `Catalogue.Council` for an imported party. */
  readonly id: string;
  readonly title: string;
  readonly role: string;
}

export interface MatrixKpi {
  readonly name: string;
  readonly title: string;
  /** `>= 99.5%`, or empty when the KPI has no target. */
  readonly target: string;
}

/**
 * What a variation did to a row: `ended 2018-03-31 by CoreToCapita` (the last day it applies)
 * or `term extended to 2021-03-31 by Extension2010` (a row that follows the term's end).
 */
export interface RowChange {
  readonly kind: 'ended' | 'extended' | 'shortened';
  /** The day, as YYYY-MM-DD. */
  readonly day: string;
  /** The variation's name. */
  readonly by: string;
}

export interface MatrixRow {
  readonly norm: string;
  readonly title: string;
  readonly kind: 'obligation' | 'permission' | 'prohibition' | 'power';
  /** The norm line as written: `BCC must provide "..." to SB`. */
  readonly statement: string;
  /** One-based line of the declaration, for "reveal in the editor". */
  readonly line: number;
  /** Party id to its parts: `R (must)`, `A`, `C`, `I`, `B`. */
  readonly cells: Readonly<Record<string, readonly string[]>>;
  readonly when: string;
  readonly kpis: readonly MatrixKpi[];
  readonly consequence: string;
  readonly clause: string;
  /** The norm's `note` lines: what the language cannot say, for the reader. */
  readonly notes: readonly string[];
  /** A one-off sum (`amount £8m`), as written; empty when none. */
  readonly amount: string;
  /** The norm's `///` doc comment; empty when none. */
  readonly doc: string;
  readonly changes: readonly RowChange[];
}

export interface MatrixGroup {
  /** The top-level scope's path and title, or null for the rows that fall in no scope. */
  readonly scope: { readonly path: string; readonly title: string } | null;
  readonly rows: readonly MatrixRow[];
}

export interface ExclusivityHolder {
  readonly party: string;
  readonly period: string;
  readonly clause: string;
  readonly except: readonly string[];
  /** The partnership that holds the grant, when it is another file's. */
  readonly partnership: string | null;
  readonly line: number | null;
  /** Set when a variation ended the grant or moved the term's end it follows. */
  readonly changes: readonly RowChange[];
}

export interface ExclusivityRow {
  readonly path: string;
  readonly title: string;
  /** The scope's `covers` lines: what it includes. */
  readonly covers: readonly string[];
  readonly depth: number;
  readonly holders: readonly ExclusivityHolder[];
  readonly open: boolean;
  readonly interfaces: readonly { readonly with: string; readonly note: string }[];
  readonly conflicts: readonly string[];
  readonly line: number | null;
}

/** A place in a contract: its file, relative to the matrix's own file's folder, and a one-based line. */
export interface MatrixPlace {
  readonly file: string;
  readonly line: number;
}

export interface MatrixConflict extends MatrixPlace {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  /** The other side of the conflict: the statement it clashes with, in whichever contract. */
  readonly related: readonly (MatrixPlace & { readonly message: string })[];
}

export interface Matrix {
  readonly partnership: {
    readonly name: string;
    readonly title: string;
    readonly doc: string;
    readonly term: string;
    readonly source: string;
    /** The partnership's own `note` lines. */
    readonly notes: readonly string[];
    /** Its `value` lines: the amount as written and what it says. */
    readonly values: readonly { readonly amount: string; readonly text: string }[];
    readonly objectives: readonly string[];
    /** Whose bank holidays working days skip: `england-and-wales`. */
    readonly calendar: string;
    /** Variations that moved the term's end, in order of effect. */
    readonly termChanges: readonly RowChange[];
  };
  readonly parties: readonly MatrixParty[];
  readonly groups: readonly MatrixGroup[];
  readonly exclusivity: readonly ExclusivityRow[];
  readonly conflicts: readonly MatrixConflict[];
  readonly events: readonly MatrixEvent[];
  readonly money: MatrixMoney;
  readonly kpis: readonly MatrixKpiDetail[];
  readonly governance: readonly MatrixBody[];
  /** In order of effect. */
  readonly variations: readonly MatrixVariation[];
}

/** What every declaration shown in a section of its own carries. */
export interface MatrixDeclaration {
  readonly name: string;
  readonly title: string;
  readonly doc: string;
  readonly notes: readonly string[];
  /** One-based line in the matrix's own file; null for a declaration of another file. */
  readonly line: number | null;
}

export interface MatrixEvent extends MatrixDeclaration {
  readonly clause: string;
  /** The norms that arise on it or count from it. */
  readonly usedBy: readonly string[];
}

/** One amount line of a charge: `£120m a year`, `2006-04-01 to 2011-03-31`. */
export interface MatrixAmount {
  readonly amount: string;
  readonly period: string;
  /** A fixed charge (`per year`, `per quarter`, `per month`), as opposed to a rate. */
  readonly fixed: boolean;
}

export interface MatrixCharge extends MatrixDeclaration {
  readonly payer: string;
  readonly payee: string;
  readonly amounts: readonly MatrixAmount[];
  readonly scope: string;
  readonly indexed: string;
  /** `12% per year`, or empty. */
  readonly creditCap: string;
  readonly clause: string;
  readonly changes: readonly RowChange[];
}

/** A contract year of the fixed charges, with each charge's share of it and their total. */
export interface MatrixChargeYear {
  /** `Year 1`. */
  readonly label: string;
  readonly period: string;
  /** In the order of `MatrixMoney.fixedCharges`; empty where the charge does not apply. */
  readonly amounts: readonly string[];
  readonly total: string;
}

export interface MatrixMoney {
  readonly charges: readonly MatrixCharge[];
  /** The charges with a fixed amount: the columns of the yearly table. */
  readonly fixedCharges: readonly string[];
  readonly years: readonly MatrixChargeYear[];
  /** Each fixed charge's total over the years, in the order of `fixedCharges`. */
  readonly totals: readonly string[];
  readonly total: string;
  /** Why there is no yearly table although there are fixed charges (no valid term, a term too long to list); else empty. */
  readonly yearsNote: string;
}

export interface MatrixKpiDetail extends MatrixDeclaration {
  readonly owner: string;
  readonly scope: string;
  readonly measured: string;
  readonly baseline: string;
  /** Each target in words with the day it applies from. */
  readonly targets: readonly string[];
  /** Each threshold with its consequence. */
  readonly thresholds: readonly string[];
  readonly credits: readonly string[];
  readonly weight: string;
  /** The norms measured by it. */
  readonly measures: readonly string[];
  readonly changes: readonly RowChange[];
}

export interface MatrixBody extends MatrixDeclaration {
  readonly chair: string;
  readonly members: readonly string[];
  readonly meets: string;
  readonly escalatesTo: string;
  /** `Projects above £200k`. */
  readonly approvals: readonly string[];
  /** P501, P502 and P503 found in the body's declaration: `P502: No body approves …`. */
  readonly findings: readonly string[];
  readonly changes: readonly RowChange[];
}

export interface MatrixVariation extends MatrixDeclaration {
  /** The partnership it varies. */
  readonly varies: string;
  /** The partnership that makes it, when that is another file's; else null. */
  readonly partnership: string | null;
  readonly agreed: string;
  readonly effective: string;
  /** Each change in words: `ends exclusive SB over ICT.Core`, `term to 2021-03-31`. */
  readonly changes: readonly string[];
  readonly clause: string;
  /** Empty when it takes effect; otherwise why it changes nothing. */
  readonly status: string;
}
