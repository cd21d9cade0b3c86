// The editor's colouring and editing files as the tests read them: the TextMate grammar
// (syntaxes/partnership.tmLanguage.json) run by the engine VS Code uses, with oniguruma, and the
// snippets with their placeholders filled. Shared by the tests of the first version's
// constructs and of the second's.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

/** The repository root: the nearest folder holding package.json above the compiled test (or,
 *  for a scratch build outside the repository, above the working directory). */
function repositoryRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    }
  }
  throw new Error(`no package.json above ${__dirname} or ${process.cwd()}`);
}

export const root = repositoryRoot();
const grammarPath = path.join(root, 'syntaxes', 'partnership.tmLanguage.json');
const snippetsPath = path.join(root, 'client', 'snippets', 'partnership.code-snippets');
export const configurationPath = path.join(root, 'client', 'language-configuration.json');

export const ROOT_SCOPE = 'source.partnership';
export const SUFFIX = '.partnership';

/** The results files' grammar (syntaxes/partnership-results.tmLanguage.json). */
export const RESULTS_SCOPE = 'source.partnership-results';
const resultsGrammarPath = path.join(root, 'syntaxes', 'partnership-results.tmLanguage.json');

// Oniguruma's WASM may be loaded only once per process: one registry serves both grammars.
let registry: Promise<textmate.Registry> | undefined;

function registryOnce(): Promise<textmate.Registry> {
  registry ??= oniguruma.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'))).then(() => new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = scopeName === ROOT_SCOPE ? grammarPath : scopeName === RESULTS_SCOPE ? resultsGrammarPath : null;
      return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
  }));
  return registry;
}

export async function loadScope(scope: string): Promise<textmate.IGrammar> {
  const grammar = await (await registryOnce()).loadGrammar(scope);
  assert.ok(grammar, `no grammar for ${scope}`);
  return grammar;
}

const loadGrammar = (): Promise<textmate.IGrammar> => loadScope(ROOT_SCOPE);

let grammar: textmate.IGrammar;
// Loaded once for every suite.
let loading: Promise<textmate.IGrammar> | undefined;

/** Loads the grammar once, before the tests of the suite that calls it. */
export function useGrammar(): void {
  before(async () => {
    loading ??= loadGrammar();
    grammar = await loading;
  });
}

export interface RawToken {
  readonly text: string;
  readonly scopes: readonly string[];
}

/** Tokens of each line of `source`, with the full scope stacks the grammar assigns. */
export function rawTokens(source: string): RawToken[][] {
  let state = textmate.INITIAL;
  return source.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens
      .map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }))
      .filter((token) => token.text !== '');
  });
}

/** A token as the assertions read it: its text, and its scopes below the root joined by spaces,
 *  each without the `.partnership` suffix (a test checks that every scope has it). White
 *  space that no rule claims is left out. */
export type Token = readonly [text: string, scopes: string];

export function tokenizeLines(source: string): Token[][] {
  const short = (scope: string) => scope.slice(0, -SUFFIX.length);
  return rawTokens(source).map((line) =>
    line
      .map((token): Token => [token.text, token.scopes.slice(1).map(short).join(' ')])
      .filter(([text, scopes]) => scopes !== '' || text.trim() !== ''),
  );
}

export function tokenize(line: string): Token[] {
  assert.ok(!line.includes('\n'), 'tokenize takes one line; use tokenizeLines');
  return tokenizeLines(line)[0];
}

/** The scopes of the token whose text is exactly `text` (the first such token). */
export function scopeOf(line: string, text: string): string {
  const token = tokenize(line).find(([tokenText]) => tokenText === text);
  assert.ok(token, `no token ${JSON.stringify(text)} in ${JSON.stringify(line)}: ${JSON.stringify(tokenize(line))}`);
  return token[1];
}

/** Tokens that are invalid, or text that no rule recognises. */
export function unrecognised(source: string): string[] {
  return rawTokens(source)
    .flat()
    .filter(
      (token) =>
        token.scopes.some((scope) => scope.startsWith('invalid.')) ||
        (token.scopes.length === 1 && token.text.trim() !== ''),
    )
    .map((token) => `${JSON.stringify(token.text)} (${token.scopes.join(' ')})`);
}

/** Tokens that lack the root scope or carry a scope of another language. */
export function foreignScopes(source: string): RawToken[] {
  return rawTokens(source)
    .flat()
    .filter((token) => token.scopes[0] !== ROOT_SCOPE || token.scopes.some((scope) => !scope.endsWith(SUFFIX)));
}

export interface Snippet {
  readonly prefix: string | readonly string[];
  readonly body: string | readonly string[];
  readonly description?: string;
}

/** Every snippet of the snippets file, with its name, in the file's order. */
export const snippets = Object.entries(JSON.parse(fs.readFileSync(snippetsPath, 'utf8')) as Record<string, Snippet>);

export const prefixes = (snippet: Snippet): readonly string[] =>
  typeof snippet.prefix === 'string' ? [snippet.prefix] : snippet.prefix;

export const bodyOf = (snippet: Snippet): string =>
  typeof snippet.body === 'string' ? snippet.body : snippet.body.join('\n');

/** The text a snippet inserts when every placeholder keeps its default: `${1:text}` gives its
 *  text, `${1|a,b|}` its first choice, `$1`, `${1}` and `$0` nothing. Nested placeholders are
 *  filled from the inside out. */
export function fillDefaults(body: string): string {
  let text = body;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text
      .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\}|\$\d+/g, '');
  }
  return text;
}

/** The choices of the placeholder `${n|...|}` in a snippet. */
export function choices(snippet: Snippet, index: number): string[] {
  const match = new RegExp(`\\$\\{${index}\\|([^|]*)\\|\\}`).exec(bodyOf(snippet));
  assert.ok(match, `no choice placeholder ${index} in ${bodyOf(snippet)}`);
  return match[1].split(',');
}

/** The first snippet offered for `prefix`. */
export function snippetFor(prefix: string): Snippet {
  const found = snippets.find(([, snippet]) => prefixes(snippet).includes(prefix));
  assert.ok(found, `no snippet with prefix ${prefix}`);
  return found[1];
}
