// The one module that calls the parser Peggy generates from grammar/partnership.peggy, and the
// only TypeScript that names its private state. Peggy's documented options cannot start a
// parse silent, so `parseTreeOnly` passes the generated parser's own counter of silent
// contexts, `peg$silentFails`. Peggy's version is pinned in package.json; a release without
// this name fails the build (scripts/peggy-internals.js) and test/src/core/peggy-adapter.test.ts.

import { parse, SyntaxError as GeneratedSyntaxError } from '../../../generated/parser';
import type { Expectation, StartRuleNames } from '../../../generated/parser';
import type { FileNode, GrammarPartnershipBlock, Junk, LexicalError, PartnershipItem, Unit } from './ast';

/** A file's tree as the generated parser makes it (the parse driver keeps a partnership's lists in chunks). */
export type GrammarFile = FileNode<GrammarPartnershipBlock>;

export { GeneratedSyntaxError, type Expectation, type StartRuleNames };

/** What the rule `UnitOnly` returns: one top-level declaration on its own, with the blank before it. */
export interface ParsedUnit {
  readonly node: PartnershipItem;
  readonly lexicalErrors: readonly LexicalError[];
}

/** What the rule `UnitsOnly` returns: a stretch of top-level declarations, each with where it starts in the stretch. */
export interface ParsedUnits {
  readonly units: readonly Unit[];
  readonly starts: readonly number[];
  readonly lexicalErrors: readonly LexicalError[];
}

/**
 * Parses for the tree alone. Peggy records what it expected at the furthest failure as it goes,
 * for the message of a parse that fails; a parse that recovers never uses it. Starting within
 * one silent context records nothing. A failure is thrown without its expectations.
 */
export function parseTreeOnly(text: string, startRule: 'File'): GrammarFile;
export function parseTreeOnly(text: string, startRule: 'UnitOnly'): ParsedUnit;
export function parseTreeOnly(text: string, startRule: 'UnitsOnly' | 'UnitsThenClose'): ParsedUnits;
export function parseTreeOnly(text: string, startRule: 'File' | 'UnitOnly' | 'UnitsOnly' | 'UnitsThenClose'): GrammarFile | ParsedUnit | ParsedUnits {
  // One call per rule: the generated declarations type the result by the rule's name.
  if (startRule === 'File') return parse(text, { startRule, peg$silentFails: 1 });
  if (startRule === 'UnitOnly') return parse(text, { startRule, peg$silentFails: 1 });
  return startRule === 'UnitsOnly' ? parse(text, { startRule, peg$silentFails: 1 }) : parse(text, { startRule, peg$silentFails: 1 });
}

/**
 * Parses recording the expectations at the furthest failure, which a thrown error carries.
 * `context` is the block context that the rule `StartsStatement` tests for.
 */
export function parseWithExpectations(text: string, startRule: 'File'): GrammarFile;
export function parseWithExpectations(text: string, startRule: StartRuleNames, context?: Junk['context']): unknown;
export function parseWithExpectations(text: string, startRule: StartRuleNames, context?: Junk['context']): unknown {
  return parse(text, { startRule, context });
}
