// Properties that must hold for any input: parsing, checking, formatting and the editor
// features never throw, and every diagnostic's range lies inside its document. Used by
// `npm test` (fixed seed, a sample) and `npm run fuzz` (long runs).
import * as fs from 'node:fs';
import * as fc from 'fast-check';
import { formatDocument } from '../../../server/out/core/format/format';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import { exportModel } from '../../../server/out/core/model/export';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { locate } from '../../../server/out/core/services/locate';
import { examples, ownCorpus, partnershipFilesUnder, sharedCorpus, sharedCorpusV2 } from '../helpers/paths';
import { secondVersionText } from './second-version';

export const seedTexts: readonly string[] = [sharedCorpus, sharedCorpusV2, examples, ownCorpus].flatMap(partnershipFilesUnder)
  .map((f) => fs.readFileSync(f, 'utf8'));

/** Checks one text the way the editor and the command line use it; throws on any violation. */
export function checkText(text: string): void {
  const file = '/fuzz/case.partnership';
  const program = new Analysis([{ file, text }], { readFile: () => undefined });
  for (const d of program.diagnostics(file)) {
    if (d.code === 'P900') throw new Error(`a check failed: ${d.message}`);
    if (!(d.start >= 0 && d.start <= d.end && d.end <= text.length)) throw new Error(`diagnostic ${d.code} at ${d.start}-${d.end} outside 0-${text.length}`);
    for (const r of d.related) if (r.file === file && !(r.start >= 0 && r.end <= text.length)) throw new Error(`related range outside the document`);
  }
  const source = program.files.get(file)!;
  for (const offset of [0, Math.floor(text.length / 2), text.length]) locate(source, offset);
  buildMatrix(program, file);
  exportModel(program, file, (f) => f);
  const formatted = formatDocument(text);
  if (formatted !== null && formatDocument(formatted) !== formatted) throw new Error('formatting is not idempotent');
}

const tokenPattern = /"(?:[^"\\\r\n]|\\.)*"?|[A-Za-z0-9_£.,%-]+|\S/g;

/** A text mutated the way editing goes wrong: tokens deleted, duplicated or swapped, or cut short. */
export const mutatedText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...seedTexts), fc.constantFrom('delete', 'duplicate', 'swap', 'truncate'), fc.nat(), fc.nat())
  .map(([text, how, a, b]) => {
    const tokens = [...text.matchAll(tokenPattern)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
    if (tokens.length < 2) return text;
    const x = tokens[a % tokens.length];
    const y = tokens[b % tokens.length];
    switch (how) {
      case 'delete': return text.slice(0, x.start) + text.slice(x.end);
      case 'duplicate': return text.slice(0, x.end) + ' ' + text.slice(x.start, x.end) + text.slice(x.end);
      case 'truncate': return text.slice(0, x.start);
      default: {
        const [p, q] = x.start < y.start ? [x, y] : [y, x];
        if (p.end > q.start) return text;
        return text.slice(0, p.start) + text.slice(q.start, q.end) + text.slice(p.end, q.start) + text.slice(p.start, p.end) + text.slice(q.end);
      }
    }
  });

const hostile = fc.constantFrom('\u0000', '\uFEFF', '\r', '\r\n', '\n', '\uD800', '\uDC00', '"', '\\', '{', '}', '/*', '//', '///', ' ', '£', '%', '.', ',', 'must not ', 'partnership ', 'scope ', '2015-02-30', '0 months');

/** Random Unicode, with lone surrogates, NUL, BOM and every kind of line end mixed in. */
export const randomText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), hostile), { maxLength: 60 })
  .map((parts) => parts.join(''));

/** Random text spliced into a real contract. */
export const splicedText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...seedTexts), fc.nat(), randomText)
  .map(([text, at, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1)));

const day = fc.constantFrom('2009-06-30', '2010-01-01', '2012-02-29', '2015-12-31', '2030-01-01');
const MODAL = { obligation: 'must', permission: 'may', prohibition: 'must not' } as const;

/**
 * Contracts whose dates are missing anywhere they may be: no term, grants without a period,
 * norms with neither `due` nor `every` (a partnership without a term, a grant and a dateless
 * norm once made the exclusivity check throw on an unbounded day).
 */
export const datelessText: fc.Arbitrary<string> = fc
  .record({
    term: fc.option(fc.tuple(day, day), { freq: 2 }),
    grants: fc.array(fc.record({ holder: fc.constantFrom('A', 'B'), scope: fc.constantFrom('S', 'S.T'), from: fc.option(day), to: fc.option(day) }), { minLength: 1, maxLength: 3 }),
    opens: fc.array(fc.constantFrom('S', 'S.T'), { maxLength: 1 }),
    norms: fc.array(fc.record({
      keyword: fc.constantFrom('obligation', 'permission', 'prohibition'),
      subject: fc.constantFrom('A', 'B'),
      object: fc.constantFrom('S', 'S.T', '"the service"'),
      due: fc.option(day),
      every: fc.option(day),
    }), { minLength: 1, maxLength: 3 }),
  })
  .map(({ term, grants, opens, norms }) => [
    'partnership X "X" {',
    ...(term ? [`  term ${term[0]} to ${term[1]}`] : []),
    '  party A "A" as client',
    '  party B "B" as supplier',
    '  scope S "S" { scope T "T" }',
    ...grants.map((g) => `  exclusive ${g.holder} over ${g.scope}${g.from ? ` from ${g.from}` : ''}${g.to ? ` to ${g.to}` : ''}`),
    ...opens.map((o) => `  open ${o}`),
    ...norms.map((n, i) => `  ${n.keyword} N${i} "n" { ${n.subject} ${MODAL[n.keyword]} run ${n.object}${n.due ? ` due ${n.due}` : ''}${n.every ? ` every 1 year from ${n.every}` : ''} }`),
    '}',
    '',
  ].join('\n'));

export function runProperties(numRuns: number, seed: number | undefined): { cases: number; failures: string[] } {
  const failures: string[] = [];
  let cases = 0;
  const properties = [
    ['random text', randomText], ['mutated contracts', mutatedText], ['spliced contracts', splicedText], ['contracts without dates', datelessText],
    ['second-version contracts', secondVersionText],
  ] as const;
  for (const [name, arbitrary] of properties) {
    const result = fc.check(fc.property(arbitrary, (text) => { cases++; checkText(text); }), { numRuns, seed });
    if (result.failed) failures.push(`${name}: ${fc.defaultReportMessage(result)}`);
  }
  return { cases, failures };
}
