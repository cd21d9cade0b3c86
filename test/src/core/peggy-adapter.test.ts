// The generated parser's private names (scripts/peggy-internals.js) are used in one labelled
// place each, and the installed Peggy, pinned to one version, still generates them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GeneratedSyntaxError, parseTreeOnly, parseWithExpectations } from '../../../server/out/core/syntax/peggy-adapter';
import { repoRoot, typeScriptFilesUnder } from '../helpers/paths';

interface PeggyInternals {
  readonly PRIVATE_NAMES: readonly { readonly name: string }[];
  installedPeggyVersion(): string;
  privateNameProblems(parserSource: string, peggyVersion: string): string[];
}

const internals = require(path.join(repoRoot, 'scripts', 'peggy-internals.js')) as PeggyInternals;
const version = internals.installedPeggyVersion();
const generatedParser = fs.readFileSync(path.join(repoRoot, 'server', 'generated', 'parser.js'), 'utf8');
const grammar = fs.readFileSync(path.join(repoRoot, 'grammar', 'partnership.peggy'), 'utf8');
const readJson = (file: string): Record<string, any> => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));

function failureOf(parse: () => unknown): GeneratedSyntaxError {
  try {
    parse();
  } catch (error) {
    if (error instanceof GeneratedSyntaxError) return error;
    throw error;
  }
  assert.fail('the text parsed');
}

describe('the Peggy adapter', () => {
  it('is written for one exact Peggy version, the one installed', () => {
    const pinned = readJson('package.json').devDependencies.peggy;
    assert.match(pinned, /^\d+\.\d+\.\d+$/, `package.json gives Peggy as ${pinned}, a range: pin the version the adapter was written for`);
    assert.equal(readJson('package-lock.json').packages[''].devDependencies.peggy, pinned, 'the lock file pins another Peggy');
    assert.equal(version, pinned, `Peggy ${version} is installed, but package.json pins ${pinned}: run npm ci`);
  });

  it('finds every private name it uses in the parser the installed Peggy generated', () => {
    assert.deepEqual(internals.PRIVATE_NAMES.map((entry) => entry.name), ['peg$currPos', 'peg$silentFails']);
    const problems = internals.privateNameProblems(generatedParser, version);
    assert.equal(problems.length, 0, problems.join('\n'));
  });

  for (const { name } of internals.PRIVATE_NAMES) {
    it(`names ${name} and the Peggy version when a release renames it`, () => {
      const renamed = generatedParser.split(name).join(`${name}Renamed`);
      const problems = internals.privateNameProblems(renamed, version);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.ok(problems[0].includes(`\`${name}\``) && problems[0].includes(`Peggy ${version}`), problems[0]);
    });
  }

  it('is the only place in the grammar that names the generated parser', () => {
    const start = grammar.indexOf('// ------------------------------------------------ Peggy adapter');
    const end = grammar.indexOf('// ------------------------------------------------ end of the Peggy adapter');
    assert.ok(start > 0 && end > start, 'the grammar has no labelled Peggy adapter section');
    for (const match of grammar.matchAll(/peg\$\w+/g)) {
      const line = grammar.slice(0, match.index).split('\n').length;
      assert.ok(match.index > start && match.index < end, `grammar/partnership.peggy line ${line} uses ${match[0]} outside the Peggy adapter section`);
    }
  });

  it('is the only TypeScript that calls the generated parser or names its internals', () => {
    const adapter = path.join(repoRoot, 'server', 'src', 'core', 'syntax', 'peggy-adapter.ts');
    for (const file of typeScriptFilesUnder(path.join(repoRoot, 'server', 'src')).filter((f) => f !== adapter)) {
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(!/peg\$\w+|generated\/parser/.test(text), `${path.relative(repoRoot, file)} reaches into the generated parser`);
    }
  });

  it('parses for the tree alone without recording what was expected', () => {
    // A party without its name: the rule for one declaration on its own expects a name.
    const broken = 'party';
    assert.ok(failureOf(() => parseWithExpectations(broken, 'UnitOnly')).expected.length > 0, 'a recording parse names what it expected');
    assert.deepEqual(failureOf(() => parseTreeOnly(broken, 'UnitOnly')).expected, []);
  });
});
