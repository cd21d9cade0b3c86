// What an edit costs the language server itself, at 5,000 and 50,000 norms: the server's own
// path for one keystroke (the open document updated from the editor's change, the edited unit
// re-parsed, the analysis built on the previous one, the diagnostics converted for LSP), in a
// process of its own with the server's engine settings, without the transport and the LSP
// harness. The harness's edit figures also count what the harness itself does for each edit
// (it rebuilds its copy of the document's text as one string, which grows with the file);
// this figure, and that cost of the harness, are printed beside them.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

/**
 * Runs in the child: prints the median of `edits` edits, in milliseconds. `mode` 'typed': the
 * edits are the keys of a new obligation typed in near the middle, each one as the editor
 * reports it, through states that do not parse; 'pasted': the whole obligation pasted in one
 * edit and deleted in the next (units added and removed); otherwise a character typed into a
 * clause and taken out.
 */
function child(root, file, edits, mode = 'clause') {
  const { OpenText } = require(`${root}/server/out/lsp/open-text.js`);
  const { Workspace } = require(`${root}/server/out/lsp/workspace.js`);
  const { NodeHost } = require(`${root}/server/out/lsp/node-host.js`);
  const { Positions, toLspDiagnostic } = require(`${root}/server/out/lsp/convert.js`);
  const { DocumentIds } = require(`${root}/server/out/lsp/documents.js`);
  const { tuneForOpening } = require(`${root}/shared/out/engine-flags.js`);
  // As the server's entry point does: optimising later until the contract is open.
  const openingDone = process.env.NOTUNE ? () => {} : tuneForOpening(require('node:v8').setFlagsFromString);
  const text = fs.readFileSync(file, 'utf8');
  const ids = new DocumentIds();
  const uri = ids.uriOf(file);
  let document = OpenText.create(uri, 'partnership', 1, text);
  let analysis;
  const workspace = new Workspace(new NodeHost(), (a) => (analysis = a));
  const positions = new Positions((f) => workspace.text(f), (f) => (f === file ? document.lines : undefined));
  workspace.didOpen(file, document.getText(), 1, document.lines);
  workspace.current();
  openingDone();
  // The pause before a person's first key, in which the server works ahead for the next edit
  // (`Workspace` does it in slices between messages; here, at once, as nothing else arrives).
  for (const steps = analysis.workAhead(); !steps.next().done;);
  const changes = mode === 'typed' ? typedKeys(document, text) : mode === 'pasted' ? pastedDeclarations(document, text, edits) : clauseEdits(document, text, edits);
  const times = [];
  for (let i = 0; i < changes.length; i++) {
    const version = i + 2;
    const started = performance.now();
    const updated = document.update([changes[i]], version);
    document = updated.document;
    workspace.didChange(file, document.getText(), version, updated.change, document.lines);
    workspace.current();
    analysis.diagnostics(file).map((d) => toLspDiagnostic(d, positions, ids));
    times.push(performance.now() - started);
  }
  workspace.dispose();
  times.sort((a, b) => a - b);
  // The slowest key too: the median of a declaration typed in hides the few keys that add or
  // remove a unit, which cost more than the rest.
  process.stdout.write(JSON.stringify({ median: times[times.length >> 1], slowest: times[times.length - 1] }));
}

/** As the LSP harness edits: a character typed into a clause near the middle, then taken out. */
function clauseEdits(document, text, edits) {
  const at = document.positionAt(text.indexOf('clause "', text.length / 2) + 'clause "'.length);
  return Array.from({ length: edits }, (_, i) => (i % 2 === 0
    ? { range: { start: at, end: at }, text: 'x' }
    : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }));
}

const TYPED = '  obligation Typed "A duty typed in" {\n    Supplier must deliver "monthly report" to Council\n    due 2016-03-31\n  }\n\n';

/** The obligation of `typedKeys` pasted whole before a norm near the middle, then deleted, `edits` times in all. */
function pastedDeclarations(document, text, edits) {
  const start = document.positionAt(text.indexOf('\n  obligation ', text.length / 2) + 1);
  const end = { line: start.line + TYPED.split('\n').length - 1, character: 0 };
  return Array.from({ length: edits }, (_, i) => (i % 2 === 0 ? { range: { start, end: start }, text: TYPED } : { range: { start, end }, text: '' }));
}

/** Each key of an obligation typed in before a norm near the middle, one character at a time (quotes and braces included, as without an editor closing them). */
function typedKeys(document, text) {
  const typed = TYPED;
  const offset = text.indexOf('\n  obligation ', text.length / 2) + 1;
  const start = document.positionAt(offset);
  const keys = [];
  let line = start.line;
  let character = start.character;
  for (const key of typed) {
    keys.push({ range: { start: { line, character }, end: { line, character } }, text: key });
    if (key === '\n') {
      line++;
      character = 0;
    } else character++;
  }
  return keys;
}

/** What the LSP harness does for each edit before sending it: its text rebuilt with the edit. */
function harnessCost(file) {
  let text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf('clause "', text.length / 2) + 'clause "'.length;
  const times = [];
  for (let i = 0; i < 15; i++) {
    const started = performance.now();
    text = i % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

function editCostBench({ root, contracts, engineFlags, record }) {
  /** What three processes of `child` print, each in an engine given the server's settings. */
  const processes = (prefix, edits, mode) => {
    const script = `require(${JSON.stringify(__filename)}).child(${JSON.stringify(root)}, ${JSON.stringify(`${prefix}.partnership`)}, ${edits}, ${JSON.stringify(mode)})`;
    return [0, 1, 2].map(() => JSON.parse(execFileSync(process.execPath, [...engineFlags, '-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 })));
  };
  /** The medians of three processes of `child`. */
  const runs = (prefix, edits, mode) => processes(prefix, edits, mode).map((r) => r.median);
  const medians = {};
  for (const [label, prefix] of contracts) {
    const edits = runs(prefix, 41, 'clause');
    record(`${label}: an edit in the server itself`, 'ms', edits);
    record(`${label}: the LSP harness's own work for an edit`, 'ms', [harnessCost(`${prefix}.partnership`)]);
    medians[label] = [...edits].sort((a, b) => a - b)[1];
  }
  const [small, large] = Object.values(medians);
  if (small && large) record('an edit in the server: 50,000 / 5,000 norms', 'x', [large / small], '<= 1.5 x');
  // A declaration typed in: most keys leave it broken, and every key adds to the file.
  for (const [label, prefix] of contracts) {
    const typed = processes(prefix, 0, 'typed');
    record(`${label}: a declaration typed in, each key in the server`, 'ms', typed.map((r) => r.median), label.startsWith('5,000') ? '<= 50 ms' : '<= 100 ms');
    record(`${label}: a declaration typed in, the slowest key`, 'ms', typed.map((r) => r.slowest));
  }
  // A declaration pasted in whole and deleted again: each edit adds or removes units, which
  // moves every later unit's place.
  for (const [label, prefix] of contracts) {
    record(`${label}: a declaration pasted or deleted, in the server`, 'ms', runs(prefix, 20, 'pasted'), label.startsWith('5,000') ? '<= 50 ms' : '<= 100 ms');
  }
}

module.exports = { editCostBench, child };
