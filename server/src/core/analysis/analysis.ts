// An analysis: the program (every file parsed, declared, resolved and given its meaning) and
// the checks run on it through the declared lookups. Built once and never changed; built from
// the previous analysis of the same workspace, it keeps whatever the edits could not change.

import type { Diagnostic } from '../diagnostics/diagnostic';
import { type SortedDiagnostics, sortedDiagnostics } from './sorted-diagnostics';
import { checkFamilies, checkProgram, type CheckResults, groupReadsAhead } from '../checks/run';
import { carryContributions } from '../facts/contributions';
import { hasReaderIndex, indexReaders } from '../program/name-readers';
import { Facts } from '../facts/engine';
import { variationEffects } from '../facts/lookups';
import { NO_EFFECTS, type VariationEffects } from '../model/variations';
import type { FileModel } from '../model/semantic';
import type { Host } from '../program/host';
import { Program, type SourceFile } from '../program/program';
import type { RootDocument } from '../program/load';
import type { Unit } from '../syntax/ast';
import { LineIndex } from '../text/line-index';
import * as path from 'node:path';

const NONE: readonly Diagnostic[] = [];

export class Analysis {
  readonly program: Program;
  readonly checks: CheckResults;
  /** Each file's diagnostics, placed in its text and sorted; a file whose diagnostics did not change keeps the previous list itself. */
  private readonly sorted: SortedDiagnostics;

  /**
   * A final analysis is not followed by another (the command line checks once): its checks note
   * none of their lookups, which at 200,000 norms are millions of records, so it cannot be the
   * `previous` of a later analysis, which then starts afresh.
   */
  readonly final: boolean;

  /**
   * The files whose diagnostics, or whose texts as the host gave them, may differ from those of
   * the analysis this one was built from: the files named as edited and those whose
   * diagnostics were looked at. Null when any file's may (an analysis from nothing, or one that
   * read every file). A server that published the earlier analysis publishes these alone.
   */
  readonly touched: ReadonlySet<string> | null;

  /**
   * `options.edited`: the roots whose texts may differ from `earlier`'s, when the roots are
   * `earlier`'s (see `Program`): an edit to one file of a large workspace then reads that file alone.
   */
  constructor(roots: readonly RootDocument[], private readonly host: Host, earlier?: Analysis, options: { readonly final?: boolean; readonly edited?: ReadonlySet<string> } = {}) {
    const previous = earlier?.final ? undefined : earlier;
    this.final = options.final ?? false;
    const program = new Program(roots, host, previous?.program, options.edited);
    // Nothing changed: every check would confirm its previous results, one read at a time.
    if (previous && program.sameAs(previous.program)) {
      this.program = previous.program;
      this.checks = previous.checks;
      this.facts = previous.facts;
      this.sorted = previous.sorted;
      this.touched = options.edited ?? null;
      return;
    }
    this.program = program;
    if (previous) {
      // A file changed in a few units carries its previous contributions to the lookups.
      for (const file of program.changed ?? []) {
        const before = previous.program.files.get(file);
        const source = program.files.get(file);
        if (before && source && before !== source) carryContributions(before, source);
      }
    }
    const facts = new Facts(this.program, previous?.facts);
    this.checks = checkProgram(this.program, facts, previous?.checks, checkFamilies, !this.final);
    facts.settle();
    this.facts = facts;
    this.sorted = sortedDiagnostics(this.program, this.checks, previous && { program: previous.program, checks: previous.checks, sorted: previous.sorted });
    const visited = this.sorted.visited;
    this.touched = previous && visited && options.edited ? new Set([...options.edited, ...visited]) : null;
  }

  /**
   * What the next analysis would otherwise do first, in small steps, for time when nothing
   * else is asked (see `groupReadsAhead` and the readers of each name, `indexReaders`). Changes nothing a caller can see but the next
   * analysis's speed.
   */
  workAhead(): Iterator<void> {
    return this.ahead();
  }

  private *ahead(): Generator<void, void, void> {
    yield* groupReadsAhead(this.checks);
    // The readers of each name, which an edit that declares a name anew reads first.
    for (const source of this.program.files.values()) {
      const units = source.partnership?.block?.units;
      // A step for each index made; the files an edit left have theirs already.
      if (!units || units.length !== source.resolutions.length || hasReaderIndex(source.resolutions)) continue;
      yield* indexReaders(source.resolutions, units);
      yield;
    }
  }

  /** The lookups this analysis answered, for the next analysis to start from. */
  private readonly facts: Facts<Program>;

  get files(): ReadonlyMap<string, SourceFile> {
    return this.program.files;
  }

  get roots(): readonly string[] {
    return this.program.roots;
  }

  /** Every file that declares a partnership, with its meaning. */
  models(): FileModel[] {
    return this.program.models();
  }

  /** The diagnostics of one file, sorted by position then code. */
  diagnostics(file: string): readonly Diagnostic[] {
    return byPath(this.sorted.byFile, file) ?? NONE;
  }

  /**
   * What the variations of a file's partnership, in every file checked together, do to it:
   * for the matrix's ended rows and extended term. The checks worked it out for every file
   * with a model, so this only reads it.
   */
  variationEffects(file: string): VariationEffects {
    const source = byPath(this.program.files, file);
    return source?.model ? this.facts.read(variationEffects, source.file) : NO_EFFECTS;
  }

  /** Where `unit` starts in the current text of `file`. */
  startOf(file: string, unit: Unit): number {
    return this.program.startOf(file, unit);
  }

  /**
   * The line index of a file's text: the host's, where it keeps one (the editor's, updated
   * edit by edit), else one made once for the file's text and shared by later analyses while
   * the file is unchanged.
   */
  lines(file: string): LineIndex {
    const source = byPath(this.program.files, file);
    if (!source) return new LineIndex('');
    const kept = this.host.lines?.(source.file, source.text);
    if (kept) return kept;
    let made = madeLines.get(source);
    if (!made) madeLines.set(source, (made = new LineIndex(source.text)));
    return made;
  }
}

/**
 * What `byFile` holds for `file`. Files are named by absolute paths (the program's, the
 * workspace's, a symbol's, a diagnostic's): a name is resolved only when not found as it is.
 */
function byPath<V>(byFile: ReadonlyMap<string, V>, file: string): V | undefined {
  return byFile.get(file) ?? byFile.get(path.resolve(file));
}

/** Line indexes made for files' texts, by the file's analysis (the same while the file is unchanged). */
const madeLines = new WeakMap<SourceFile, LineIndex>();
