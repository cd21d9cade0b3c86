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
  };
  readonly parties: readonly MatrixParty[];
  readonly groups: readonly MatrixGroup[];
  readonly exclusivity: readonly ExclusivityRow[];
  readonly conflicts: readonly MatrixConflict[];
}
