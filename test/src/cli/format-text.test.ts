// Text output: plain lines for pipes and files; colour and a code frame on a terminal.
import * as assert from 'node:assert/strict';
import { formatText } from '../../../server/out/cli/format-text';
import type { CheckReport } from '../../../server/out/core/report/check-report';

const report: CheckReport = {
  files: [{
    path: 'a.partnership',
    diagnostics: [{
      code: 'P301', severity: 'error', message: '`2015-02-30` is not a calendar date: February 2015 has 28 days.',
      range: { start: { line: 1, character: 8 }, end: { line: 1, character: 18 } }, related: [], fixes: [],
    }],
  }],
};
const text = 'obligation O "o" {\n    due 2015-02-30\n}';

describe('text output', () => {
  it('prints one plain line per diagnostic and a summary when not on a terminal', () => {
    assert.equal(formatText(report, () => text, false),
      'a.partnership:2:9 error P301 `2015-02-30` is not a calendar date: February 2015 has 28 days.\n1 error, 0 warnings, 0 information, 0 hints in 1 file.\n');
  });

  it('adds colour and a code frame under the exact range on a terminal', () => {
    const out = formatText(report, () => text, true);
    assert.match(out, /\x1b\[31merror\x1b\[0m/);
    const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
    assert.match(plain, /\n  2 \|     due 2015-02-30\n    \|         \^{10}\n/);
  });
});
