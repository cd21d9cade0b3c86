// A workspace the way the editor holds it, for tests of incremental analysis: texts by file,
// the last parse of each re-parsed from the previous one, and each analysis built on the last.
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { parseDocument, type ParsedDocument } from '../../../server/out/core/syntax/parse';
import { reparseDocument } from '../../../server/out/core/syntax/reparse';

/** A workspace the way the editor holds it: texts by file, and the last parse of each. */
export class Editor {
  readonly parses = new Map<string, ParsedDocument>();
  program: Analysis | undefined;

  constructor(readonly texts: Map<string, string>) {}

  analyse(): Analysis {
    const host = {
      readFile: (file: string) => this.texts.get(file),
      parse: (file: string, text: string) => {
        const cached = this.parses.get(file);
        if (cached && cached.text === text) return cached;
        const parsed = cached ? reparseDocument(cached, text) : parseDocument(file, text);
        this.parses.set(file, parsed);
        return parsed;
      },
    };
    this.program = new Analysis(this.roots(), host, this.program);
    return this.program;
  }

  fresh(): Analysis {
    return new Analysis(this.roots(), { readFile: (file) => this.texts.get(file) });
  }

  private roots() {
    return [...this.texts.keys()].sort().map((file) => ({ file, text: this.texts.get(file) }));
  }
}
