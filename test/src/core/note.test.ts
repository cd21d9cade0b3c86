// `note` lines: accepted in every block, kept in the order written, and shown wherever the
// statement is shown (hover, every matrix format, the exported model), as text, never markup.
import * as assert from 'node:assert/strict';
import { renderCsv } from '../../../server/out/core/matrix/csv';
import { renderHtml } from '../../../server/out/core/matrix/html';
import { renderMarkdown } from '../../../server/out/core/matrix/markdown';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import { exportModel } from '../../../server/out/core/model/export';
import { handleHover } from '../../../server/out/lsp/features/hover';
import { marked } from '../helpers/features';
import { check } from '../helpers/program';
import { schemaErrors, validateModel } from '../helpers/schemas';

const contract = `partnership P "P" {
  term 2010-01-01 to 2020-12-31
  note "Restated from the contract as signed."
  party C "Council" as client
  party S "Supplier" as supplier
  scope ICT "ICT" { covers "all ICT" note "Schedule 2 lists the services." }
  obligation Save "Find savings" {
    S must deliver "savings" to C
    every 1 year
    note "Replaced by the 2014 review <b>see</b>."
    note "Second note."
  }
  kpi K "Uptime" { owner S target >= 99% note "Measured monthly in practice." }
  body Board "Board" { chair C note "Meets quarterly." }
}
`;

describe('note lines', () => {
  const c = check({ 'p.partnership': contract });
  const file = c.path('p.partnership');

  it('stand in every block without a diagnostic beyond the unused ones', () => {
    assert.deepEqual(c.codes('p.partnership', ['error', 'warning']), []);
  });

  it('are kept in the model in the order written, and read by nothing else', () => {
    const model = c.program.files.get(file)!.model!;
    assert.deepEqual(model.notes, ['Restated from the contract as signed.']);
    assert.deepEqual(model.norms.at(0).notes, ['Replaced by the 2014 review <b>see</b>.', 'Second note.']);
    assert.deepEqual(model.kpis[0].notes, ['Measured monthly in practice.']);
    assert.deepEqual(model.bodies[0].notes, ['Meets quarterly.']);
  });

  it('appear under the norm in every matrix format, escaped', () => {
    const matrix = buildMatrix(c.program, file)!;
    assert.deepEqual(matrix.partnership.notes, ['Restated from the contract as signed.']);
    const row = matrix.groups.flatMap((g) => g.rows).find((r) => r.norm === 'Save')!;
    assert.deepEqual(row.notes, ['Replaced by the 2014 review <b>see</b>.', 'Second note.']);
    const html = renderHtml(matrix);
    // Escaped (a word the page keeps whole is wrapped, so the note's text is read without markup).
    const text = html.replace(/<[^>]+>/g, '');
    assert.ok(text.includes('Note: Replaced by the 2014 review &#60;b&#62;see&#60;/b&#62;.'), 'the note, escaped');
    assert.ok(!html.includes('<b>see</b>'));
    assert.ok(text.includes('Note: Restated from the contract as signed.'));
    assert.ok(renderMarkdown(matrix).includes('Note: Second note.'));
    const csv = renderCsv(matrix).split('\r\n');
    // The notes column, then the amount, doc and variations' columns (empty here).
    assert.ok(csv[0].endsWith(',Notes,Amount,Doc,Changes'));
    assert.ok(csv.some((line) => line.endsWith('"Replaced by the 2014 review <b>see</b>.\nSecond note.",,,')));
  });

  it('are exported with every declaration that has a block, as the schema says', () => {
    const exported = exportModel(c.program, file, () => 'p.partnership') as Record<string, unknown> & {
      partnership: { notes: string[] };
      scopes: { notes: string[] }[];
      norms: { notes: string[] }[];
      kpis: { notes: string[] }[];
      bodies: { notes: string[] }[];
    };
    assert.ok(validateModel(exported), schemaErrors(validateModel));
    assert.deepEqual(exported.partnership.notes, ['Restated from the contract as signed.']);
    assert.deepEqual(exported.scopes[0].notes, ['Schedule 2 lists the services.']);
    assert.deepEqual(exported.norms[0].notes, ['Replaced by the 2014 review <b>see</b>.', 'Second note.']);
    assert.deepEqual(exported.kpis[0].notes, ['Measured monthly in practice.']);
    assert.deepEqual(exported.bodies[0].notes, ['Meets quarterly.']);
  });

  it('are shown in the hover of the declaration, as text', () => {
    const m = marked(contract.replace('obligation Save', 'obligation Sa|ve'));
    const value = (handleHover(m.ctx, m.at)!.contents as { value: string }).value;
    assert.match(value, /Note: Replaced by the 2014 review &lt;b&gt;see&lt;\/b&gt;\./);
    assert.match(value, /Note: Second note\./);
  });

  it('a misspelt note is one syntax error naming what may stand there', () => {
    const broken = check({ 'b.partnership': contract.replace('note "Meets quarterly."', 'nots "Meets quarterly."') });
    const errors = broken.diagnostics('b.partnership').filter((d) => d.code === 'P001');
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /`note`/);
  });
});
