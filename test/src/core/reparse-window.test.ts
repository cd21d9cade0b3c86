// A declaration typed into a large document is parsed again from the editor's texts a stretch at
// a time: neither text is read whole (the engine would copy a whole document for that at every
// key), and the result is the whole parse's, line numbers in messages included.
import * as assert from 'node:assert/strict';
import { parseDocument, type ParsedDocument } from '../../../server/out/core/syntax/parse';
import { reparseDocument } from '../../../server/out/core/syntax/reparse';
import { changedRange } from '../../../server/out/core/text/changed-range';
import { LineIndex } from '../../../server/out/core/text/line-index';
import type { TextSlices } from '../../../server/out/core/text/piece-text';
import { generatedContract } from '../helpers/generated';

const FILE = '/virtual/window/contract.partnership';

/** A text that notes the longest stretch read of it at once. */
class NotedText implements TextSlices {
  longest = 0;

  constructor(private readonly text: string) {}

  get length(): number {
    return this.text.length;
  }

  slice(from: number, to: number): string {
    this.longest = Math.max(this.longest, Math.min(to, this.text.length) - Math.max(0, from));
    return this.text.slice(from, to);
  }

  charCodeAt(index: number): number {
    this.longest = Math.max(this.longest, 1);
    return this.text.charCodeAt(index);
  }
}

/** What a parse says, as text to compare: its findings and its units. */
function plain(parsed: ParsedDocument): string {
  const items = parsed.ast.items.map((item) => (item.kind === 'Partnership' && item.block ? item.block.units.toArray().map((u) => [u.text, u.node.kind]) : item.kind));
  return JSON.stringify({ diagnostics: parsed.diagnostics, items });
}

describe('a stretch of units parsed again from the editor\'s texts', function () {
  this.timeout(60000);

  it('types a declaration key by key through broken states, reading a window of each text, as a whole parse would', () => {
    const text = generatedContract(400);
    // The second `due` line is reported with the line of the first, counted in the whole text.
    const typed = '  obligation Extra "Extra duty" {\n    Supplier must provide "a monthly report" to Council\n    due 2015-06-30\n    due 2015-07-31\n  }\n\n';
    const at = text.indexOf('\n  obligation ', text.length / 2) + 1;
    let previous = parseDocument(FILE, text);
    let before = new NotedText(text);
    let beforeLines = new LineIndex(text, undefined, before);
    let longest = 0;
    let repeated = 0;
    for (let i = 1; i <= typed.length; i++) {
      const next = text.slice(0, at) + typed.slice(0, i) + text.slice(at);
      const after = new NotedText(next);
      const afterLines = new LineIndex(next, undefined, after);
      const change = changedRange(previous.text, next);
      const windowed = reparseDocument(previous, next, change, { before: beforeLines, after: afterLines });
      const whole = parseDocument(FILE, next);
      const what = `after typing ${JSON.stringify(typed.slice(0, i))}`;
      assert.equal(plain(windowed), plain(whole), what);
      assert.equal(plain(reparseDocument(previous, next, change)), plain(whole), `${what}, from the strings`);
      if (windowed.diagnostics.some((d) => /already has a `due` line \(line \d+\)/.test(d.message))) repeated++;
      longest = Math.max(longest, before.longest, after.longest);
      previous = windowed;
      before = after;
      beforeLines = afterLines;
    }
    assert.ok(repeated > 0, 'the repeated line was reported while typing');
    assert.ok(longest > 0, 'the texts were read through the editor\'s pieces');
    assert.ok(longest < text.length / 20, `no read of more than a few units at once (the longest read ${longest} of ${text.length} characters)`);
  });

  it('numbers a repeated line from the editor\'s line index, where the document\'s text says', () => {
    const text = generatedContract(60);
    const at = text.indexOf('\n  obligation ', text.length / 2) + 1;
    const typed = '  obligation Extra "Extra duty" {\n    Supplier must provide "a monthly report" to Council\n    due 2015-06-30\n    due 2015-07-31\n  }\n\n';
    const next = text.slice(0, at) + typed + text.slice(at);
    const windowed = reparseDocument(parseDocument(FILE, text), next, changedRange(text, next), { before: new LineIndex(text), after: new LineIndex(next) });
    const message = windowed.diagnostics.find((d) => d.message.includes('already has a `due` line'))?.message;
    const firstDue = next.slice(0, next.indexOf('due 2015-06-30', at)).split('\n').length;
    assert.equal(message?.match(/\(line (\d+)\)/)?.[1], String(firstDue));
  });
});
