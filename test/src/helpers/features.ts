// Editor features on marked documents, with no process and no connection: the files are held
// by a `MemoryHost`, the real workspace indexes and analyses them, and the handlers are called
// with LSP parameters. The document (the file holding the cursor, or the first file when
// none does) is opened in the editor; the others are read from the (in-memory) disk.
import * as path from 'node:path';
import type { Location, Position, Range, TextEdit } from 'vscode-languageserver';
import { LineIndex } from '../../../server/out/core/text/line-index';
import { Positions } from '../../../server/out/lsp/convert';
import { DocumentIds } from '../../../server/out/lsp/documents';
import type { FeatureContext } from '../../../server/out/lsp/features/context';
import type { Analysis } from '../../../server/out/core/analysis/analysis';
import { isResultsFile } from '../../../server/out/core/ledger/results-file';
import { LedgerView } from '../../../server/out/lsp/ledger-view';
import { Workspace } from '../../../server/out/lsp/workspace';
import { parseMarks, type Marks } from './cursor';
import { MemoryHost } from './memory-host';
import { VIRTUAL_ROOT } from './program';

export interface Marked {
  readonly ctx: FeatureContext;
  readonly host: MemoryHost;
  /** The name of the document the requests are about. */
  readonly document: string;
  /** `textDocument` and the cursor's `position` (else the document's start): most requests' parameters. */
  readonly at: { readonly textDocument: { readonly uri: string }; readonly position: Position };
  uri(name?: string): string;
  /** A file's text without its marks. */
  text(name?: string): string;
  /** The `[|…|]` ranges of a file as LSP ranges, in order. */
  ranges(name?: string): Range[];
  locations(name?: string): Location[];
  position(name: string, offset: number): Position;
}

const SINGLE = 'test.partnership';

/** One document (named test.partnership) or several by name; at most one holds a `|`. */
export function marked(files: string | Readonly<Record<string, string>>): Marked {
  const sources = typeof files === 'string' ? { [SINGLE]: files } : files;
  const marks = new Map<string, Marks>(Object.entries(sources).map(([name, source]) => [name, parseMarks(source)]));
  const withCursor = [...marks].filter(([, m]) => m.cursor !== null).map(([name]) => name);
  if (withCursor.length > 1) throw new Error(`only one file may hold a cursor \`|\`: ${withCursor.join(', ')}`);
  const document = withCursor[0] ?? [...marks.keys()][0];
  const full = (name: string): string => path.join(VIRTUAL_ROOT, name);
  const host = new MemoryHost(Object.fromEntries([...marks].map(([name, m]) => [full(name), m.text])));

  const workspace = new Workspace(host, () => undefined);
  workspace.index([VIRTUAL_ROOT]);
  const ids = new DocumentIds();
  const uri = (name = document): string => ids.uriOf(full(name));
  const program = (): Analysis => workspace.current();
  const ledger = new LedgerView(host, program, (file) => path.relative(VIRTUAL_ROOT, file));
  ledger.results.index([VIRTUAL_ROOT]);
  if (isResultsFile(document)) ledger.results.didOpen(ids.fileOf(uri(document)), marks.get(document)!.text, 1);
  else workspace.didOpen(ids.fileOf(uri(document)), marks.get(document)!.text, 1);
  const ctx: FeatureContext = { program: program(), positions: new Positions((file) => workspace.text(file) ?? ledger.results.text(file)), ids, ledger };
  workspace.dispose();

  const marksOf = (name: string): Marks => {
    const found = marks.get(name);
    if (!found) throw new Error(`no file named ${name}`);
    return found;
  };
  const index = new Map([...marks].map(([name, m]) => [name, new LineIndex(m.text)]));
  const position = (name: string, offset: number): Position => index.get(name)!.position(offset);
  const ranges = (name = document): Range[] =>
    marksOf(name).ranges.map((r) => ({ start: position(name, r.start), end: position(name, r.end) }));
  return {
    ctx,
    host,
    document,
    at: { textDocument: { uri: uri(document) }, position: position(document, marksOf(document).cursor ?? 0) },
    uri,
    text: (name = document) => marksOf(name).text,
    ranges,
    locations: (name = document) => ranges(name).map((range) => ({ uri: uri(name), range })),
    position,
  };
}

/** The text after applying edits, as an editor applies them (none overlapping). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => index.offset(b.range.start) - index.offset(a.range.start));
  let result = text;
  for (const e of sorted) result = result.slice(0, index.offset(e.range.start)) + e.newText + result.slice(index.offset(e.range.end));
  return result;
}
