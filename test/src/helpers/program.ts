// Builds programs from inline sources, so tests read like the documents they check.
import * as path from 'node:path';
import type { Diagnostic } from '../../../server/out/core/diagnostics/diagnostic';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { LineIndex } from '../../../server/out/core/text/line-index';
import type { Host } from '../../../server/out/core/program/host';
import { parseDocument, type ParsedDocument } from '../../../server/out/core/syntax/parse';
import { reparseDocument } from '../../../server/out/core/syntax/reparse';

export const VIRTUAL_ROOT = path.resolve('/virtual-workspace');

export interface Checked {
  readonly program: Analysis;
  readonly path: (name: string) => string;
  /** Diagnostics of one file as `line:col CODE` (one-based), the readable form for assertions. */
  readonly codes: (name: string, severities?: readonly Diagnostic['severity'][]) => string[];
  readonly diagnostics: (name: string) => readonly Diagnostic[];
}

export function check(files: Record<string, string>, roots: readonly string[] = Object.keys(files)): Checked {
  const full = (name: string): string => path.join(VIRTUAL_ROOT, name);
  const host = { readFile: (file: string): string | undefined => files[path.relative(VIRTUAL_ROOT, file)] };
  const program = new Analysis(roots.map((name) => ({ file: full(name), text: files[name] })), host);
  return {
    program,
    path: full,
    diagnostics: (name) => program.diagnostics(full(name)),
    codes: (name, severities = ['error', 'warning', 'information', 'hint']) => {
      const index = new LineIndex(files[name]);
      return program
        .diagnostics(full(name))
        .filter((d) => severities.includes(d.severity))
        .map((d) => {
          const p = index.position(d.start);
          return `${p.line + 1}:${p.character + 1} ${d.code}`;
        });
    },
  };
}

/** A one-file program with the usual preamble (term 2010-2020, parties A client and B supplier). */
export function checkBody(body: string): Checked & { text: string } {
  const text = `partnership T "Test" {\n  term 2010-01-01 to 2020-12-31\n  party A "A Council" as client\n  party B "B Ltd" as supplier\n${body}\n}\n`;
  return { ...check({ 'test.partnership': text }), text };
}

/** The text a diagnostic covers. */
export function covered(text: string, d: { start: number; end: number }): string {
  return text.slice(d.start, d.end);
}

/**
 * A host that parses as the editor's workspace does: a text parsed once is not parsed again,
 * and an edit parses again only what it touched, so each model is carried from the one before.
 */
export function editingHost(): Host {
  const parses = new Map<string, ParsedDocument>();
  return {
    readFile: () => undefined,
    parse: (file, text) => {
      const known = parses.get(file);
      const parsed = known?.text === text ? known : known ? reparseDocument(known, text) : parseDocument(file, text);
      parses.set(file, parsed);
      return parsed;
    },
  };
}
