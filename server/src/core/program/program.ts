// A set of files checked together (a folder on the command line, the workspace in the
// editor), with the files they import. The path of a document: parse, declare names, resolve
// references, work out meaning, run every check. Diagnostics are kept per file.

import * as path from 'node:path';
import type { Declarations } from '../binding/declare';
import { declare } from '../binding/declare';
import type { Reference, VisiblePartnership } from '../binding/resolve';
import { resolveReferences } from '../binding/resolve';
import type { PartnershipSymbol } from '../binding/symbols';
import { runChecks } from '../checks/run';
import { report } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { FileModel } from '../model/semantic';
import { buildFileModel } from '../model/semantic';
import type { Import, Partnership, QName } from '../syntax/ast';
import { parseDocument, type ParsedDocument } from '../syntax/parse';
import type { Host } from './host';
import { cyclePath, stronglyConnected } from './imports';

export interface ImportLink {
  readonly node: Import;
  /** Absolute path the import names. */
  readonly target: string;
  /** The imported file, or null when it cannot be read. */
  readonly source: SourceFile | null;
}

export interface SourceFile {
  readonly file: string;
  readonly text: string;
  readonly parsed: ParsedDocument;
  readonly partnership: Partnership | null;
  readonly declarations: Declarations;
  readonly symbolOf: Map<unknown, PartnershipSymbol>;
  imports: ImportLink[];
  references: Map<QName, Reference>;
  model: FileModel | null;
  readonly diagnostics: Diagnostic[];
}

export interface RootDocument {
  readonly file: string;
  /** The text to check; read through the host when absent. */
  readonly text?: string;
}

export class Program {
  readonly files = new Map<string, SourceFile>();
  readonly roots: readonly string[];

  private readonly parse: (file: string, text: string) => ParsedDocument;

  constructor(roots: readonly RootDocument[], host: Host) {
    this.parse = host.parse ? (file, text) => host.parse!(file, text) : parseDocument;
    this.roots = roots.map((r) => path.resolve(r.file));
    const queue: SourceFile[] = [];
    for (const root of roots) {
      const file = path.resolve(root.file);
      if (this.files.has(file)) continue;
      const text = root.text ?? host.readFile(file) ?? '';
      queue.push(this.add(file, text));
    }
    // Load imports breadth-first; every file is read and parsed once.
    for (let i = 0; i < queue.length; i++) {
      const source = queue[i];
      source.imports = this.importsOf(source).map((link) => {
        let imported = this.files.get(link.target) ?? null;
        if (!imported) {
          const text = host.readFile(link.target);
          if (text !== undefined) {
            imported = this.add(link.target, text);
            queue.push(imported);
          }
        }
        return { ...link, source: imported };
      });
    }
    this.reportImports();
    for (const source of this.files.values()) this.resolve(source);
    for (const source of this.files.values()) {
      if (source.partnership) source.model = buildFileModel(source.file, source.partnership, source.references, source.symbolOf);
    }
    runChecks(this, (d) => this.files.get(d.file)?.diagnostics.push(d));
  }

  /** The diagnostics of one file, sorted by position then code. */
  diagnostics(file: string): Diagnostic[] {
    const source = this.files.get(path.resolve(file));
    if (!source) return [];
    return [...source.diagnostics].sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code) || a.message.localeCompare(b.message));
  }

  /** Every file of the program that declares a partnership, with its meaning. */
  models(): FileModel[] {
    const out: FileModel[] = [];
    for (const source of this.files.values()) if (source.model) out.push(source.model);
    return out;
  }

  private add(file: string, text: string): SourceFile {
    const parsed = this.parse(file, text);
    const partnership = (parsed.ast.items.find((i) => i.kind === 'Partnership') as Partnership | undefined) ?? null;
    const diagnostics: Diagnostic[] = [...parsed.diagnostics];
    const declarations = declare(file, text, partnership, diagnostics);
    const symbolOf = new Map<unknown, PartnershipSymbol>();
    for (const s of declarations.all) symbolOf.set(s.decl, s);
    const source: SourceFile = {
      file, text, parsed, partnership, declarations, symbolOf, imports: [], references: new Map(), model: null, diagnostics,
    };
    this.files.set(file, source);
    return source;
  }

  private importsOf(source: SourceFile): { node: Import; target: string }[] {
    const out: { node: Import; target: string }[] = [];
    for (const item of source.parsed.ast.items) {
      if (item.kind !== 'Import' || item.path.unterminated) continue;
      out.push({ node: item, target: path.resolve(path.dirname(source.file), item.path.value) });
    }
    return out;
  }

  /** P105: imports that cannot be read, and every import that is part of a cycle. */
  private reportImports(): void {
    const edges = (file: string): string[] =>
      (this.files.get(file)?.imports ?? []).filter((l) => l.source).map((l) => l.target);
    const component = stronglyConnected([...this.files.keys()], edges);
    for (const source of this.files.values()) {
      for (const link of source.imports) {
        const at = { file: source.file, start: link.node.path.start, end: link.node.path.end };
        if (!link.source) {
          const reason = link.node.path.value.trim() === '' ? 'the path is empty' : 'there is no readable file at that path (relative to this file\'s folder)';
          source.diagnostics.push(report('P105', at, { path: link.node.path.value, reason }));
        } else if (component.get(link.target) === component.get(source.file)) {
          const cycle = cyclePath(source.file, link.target, edges).map((f) => path.basename(f));
          source.diagnostics.push(report('P105', at, { path: link.node.path.value, cycle }));
        }
      }
    }
  }

  /** The file's own partnership, then every partnership it imports, transitively, nearest first. */
  visiblePartnerships(source: SourceFile): { own: VisiblePartnership | null; imported: VisiblePartnership[] } {
    const visible = (s: SourceFile): VisiblePartnership | null =>
      s.partnership ? { name: s.partnership.name.text, file: s.file, declarations: s.declarations } : null;
    const imported: VisiblePartnership[] = [];
    const seen = new Set<SourceFile>([source]);
    const queue = [source];
    while (queue.length > 0) {
      for (const link of queue.shift()!.imports) {
        if (!link.source || seen.has(link.source)) continue;
        seen.add(link.source);
        queue.push(link.source);
        const v = visible(link.source);
        if (v) imported.push(v);
      }
    }
    return { own: visible(source), imported };
  }

  private resolve(source: SourceFile): void {
    const { own, imported } = this.visiblePartnerships(source);
    source.references = resolveReferences(source.file, source.partnership, own, imported, source.diagnostics);
  }
}
