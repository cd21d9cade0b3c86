// A workspace the way the editor holds it, for tests of incremental analysis: texts by file,
// the last parse of each re-parsed from the previous one, and each analysis built on the last.
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { parseDocument, type ParsedDocument } from '../../../server/out/core/syntax/parse';
import { reparseDocument } from '../../../server/out/core/syntax/reparse';

/** A workspace the way the editor holds it: texts by file, and the last parse of each. */
export class Editor {
  readonly parses = new Map<string, ParsedDocument>();
  program: Analysis | undefined;
  /** The files the last analysis parsed (or found parsed), in order. */
  parsed: string[] = [];
  /** The texts the last analysis was of: the next names the files whose texts differ, as the editor's server does. */
  private analysed: ReadonlyMap<string, string> | undefined;

  constructor(readonly texts: Map<string, string>) {}

  analyse(): Analysis {
    this.parsed = [];
    const host = {
      readFile: (file: string) => this.texts.get(file),
      parse: (file: string, text: string) => {
        this.parsed.push(file);
        const cached = this.parses.get(file);
        if (cached && cached.text === text) return cached;
        const parsed = cached ? reparseDocument(cached, text) : parseDocument(file, text);
        this.parses.set(file, parsed);
        return parsed;
      },
    };
    this.program = new Analysis(this.roots(), host, this.program, { edited: this.edited() });
    this.analysed = new Map(this.texts);
    return this.program;
  }

  /** The files whose texts changed since the last analysis, while the files are the same ones. */
  private edited(): ReadonlySet<string> | undefined {
    const before = this.analysed;
    if (!before || before.size !== this.texts.size) return undefined;
    const edited = new Set<string>();
    for (const [file, text] of this.texts) {
      if (!before.has(file)) return undefined;
      if (before.get(file) !== text) edited.add(file);
    }
    return edited;
  }

  fresh(): Analysis {
    return new Analysis(this.roots(), { readFile: (file) => this.texts.get(file) });
  }

  private roots() {
    return [...this.texts.keys()].sort().map((file) => ({ file, text: this.texts.get(file) }));
  }
}
