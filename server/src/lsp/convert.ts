// Offsets to LSP positions and core diagnostics to LSP diagnostics. Quick fixes travel in the
// diagnostic's `data`, so code actions never rediscover them from message text.

import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Diagnostic, Fix } from '../core/diagnostics/diagnostic';
import type { Analysis } from '../core/analysis/analysis';
import { LineIndex } from '../core/text/line-index';
import type { DocumentIds } from './documents';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/**
 * Line indexes per text: an open document's own (kept up to date edit by edit), else one made
 * for the text and reused while the text is the same.
 */
export class Positions {
  private readonly cache = new Map<string, LineIndex>();

  constructor(
    private readonly textOf: (file: string) => string | undefined,
    private readonly openLinesOf: (file: string) => LineIndex | undefined = () => undefined,
  ) {}

  index(file: string): LineIndex {
    const text = this.textOf(file) ?? '';
    const open = this.openLinesOf(file);
    if (open?.text === text) {
      this.cache.delete(file);
      return open;
    }
    const hit = this.cache.get(file);
    if (hit?.text === text) return hit;
    const index = new LineIndex(text);
    this.cache.set(file, index);
    return index;
  }

  range(file: string, start: number, end: number): Range {
    const index = this.index(file);
    return { start: index.position(start), end: index.position(end) };
  }

  offset(file: string, position: { line: number; character: number }): number {
    return this.index(file).offset(position);
  }
}

export interface DiagnosticData {
  readonly fixes: readonly { readonly title: string; readonly preferred: boolean; readonly edit: WorkspaceEdit }[];
}

export function workspaceEdit(edits: Fix['edits'], positions: Positions, ids: DocumentIds): WorkspaceEdit {
  const changes: Record<string, { range: Range; newText: string }[]> = {};
  for (const e of edits) (changes[ids.uriOf(e.file)] ??= []).push({ range: positions.range(e.file, e.start, e.end), newText: e.newText });
  return { changes };
}

export function toLspDiagnostic(d: Diagnostic, positions: Positions, ids: DocumentIds): LspDiagnostic {
  const data: DiagnosticData = {
    fixes: d.fixes.map((f) => ({ title: f.title, preferred: f.preferred ?? false, edit: workspaceEdit(f.edits, positions, ids) })),
  };
  return {
    range: positions.range(d.file, d.start, d.end),
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: undefined,
    source: 'partnership',
    message: d.message,
    tags: d.code === 'P106' || d.code === 'P404' ? [DiagnosticTag.Unnecessary] : undefined,
    relatedInformation: d.related.map((r) => ({
      location: { uri: ids.uriOf(r.file), range: positions.range(r.file, r.start, r.end) },
      message: r.message,
    })),
    data,
  };
}

export function fixesAsActions(diagnostic: LspDiagnostic): CodeAction[] {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (!data || !Array.isArray(data.fixes)) return [];
  return data.fixes.map((f) => ({
    title: f.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: f.preferred,
    edit: f.edit,
  }));
}

export type { Analysis };
