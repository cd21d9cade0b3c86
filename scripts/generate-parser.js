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
  File: `${ast}.FileNode`,
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

// Peggy matches a literal by cutting the text it might be (`input.substr(pos, n) === "must"`),
// which makes a string at every literal tried (about 2 MB while a 5,000-norm contract opens).
// Comparing in place (`input.startsWith("must", pos)`) answers the same without one. Each
// rewrite is checked against the literal's own length.
const parserFile = path.join(outDir, 'parser.js');
const generated = fs.readFileSync(parserFile, 'utf8');
// Peggy writes them as JavaScript strings: `\xA3` and `\0` become JSON's `\u00A3` and `\u0000`.
const fromJavaScript = (quoted) => JSON.parse(quoted.replace(/\\(x([0-9A-Fa-f]{2})|0|.)/g, (escape, rest, hex) => (hex ? `\\u00${hex}` : rest === '0' ? '\\u0000' : escape)));
const literals = new Map([...generated.matchAll(/^\s*(?:var|const|let) (peg\$c\d+) = ("(?:[^"\\]|\\.)*");$/gm)].map((m) => [m[1], fromJavaScript(m[2])]));
const rewritten = generated.replace(/input\.substr\(peg\$currPos, (\d+)\) === (peg\$c\d+)\)/g, (whole, length, name) => {
  const literal = literals.get(name);
  if (typeof literal !== 'string' || literal.length !== Number(length)) {
    process.stderr.write(`generate-parser: ${name} is not a literal of ${length} characters; left as generated\n`);
    return whole;
  }
  return `input.startsWith(${name}, peg$currPos))`;
});
fs.writeFileSync(parserFile, rewritten);

// The grammar and server/src/core/syntax/peggy-adapter.ts use private names of the generated
// parser: a Peggy release without them must stop the build here, not break every parse.
const problems = privateNameProblems(fs.readFileSync(path.join(outDir, 'parser.js'), 'utf8'), installedPeggyVersion());
if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`generate-parser: ${problem}\n`);
  process.exit(1);
}
