'use strict';
// Generates the parser from grammar/partnership.peggy into server/generated/ (git-ignored),
// with a .d.ts whose start rules return the AST types of server/src/core/syntax/ast.ts.
// The generated parser is a build product: edit the grammar, never the output.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { installedPeggyVersion, privateNameProblems } = require('./peggy-internals');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'server', 'generated');
fs.mkdirSync(outDir, { recursive: true });

const ast = 'import("../src/core/syntax/ast")';
const probe = 'unknown';
const returnTypes = {
  File: `${ast}.FileNode<${ast}.GrammarPartnershipBlock>`,
  FileProbe: probe,
  PartnershipProbe: probe,
  ScopeProbe: probe,
  NormProbe: probe,
  KpiProbe: probe,
  BodyProbe: probe,
  ChargeProbe: probe,
  VariationProbe: probe,
  StartsStatement: probe,
  NameOnly: `${ast}.Ident`,
  UnitOnly: `{ node: ${ast}.PartnershipItem; lexicalErrors: ${ast}.LexicalError[] }`,
  UnitsOnly: `{ units: ${ast}.Unit[]; starts: number[]; lexicalErrors: ${ast}.LexicalError[] }`,
  UnitsThenClose: `{ units: ${ast}.Unit[]; starts: number[]; lexicalErrors: ${ast}.LexicalError[] }`,
};

execFileSync(process.execPath, [
  require.resolve('peggy/bin/peggy.js'),
  '--format', 'commonjs',
  '--allowed-start-rules', Object.keys(returnTypes).join(','),
  '--dts',
  '--return-types', JSON.stringify(returnTypes),
  '-o', path.join(outDir, 'parser.js'),
  path.join(root, 'grammar', 'partnership.peggy'),
], { stdio: 'inherit' });

// The grammar and server/src/core/syntax/peggy-adapter.ts use private names of the generated
// parser: a Peggy release without them must stop the build here, not break every parse.
const problems = privateNameProblems(fs.readFileSync(path.join(outDir, 'parser.js'), 'utf8'), installedPeggyVersion());
if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`generate-parser: ${problem}\n`);
  process.exit(1);
}
