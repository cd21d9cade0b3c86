// The semantic model of one partnership as plain JSON, for other tools. Its shape is published
// as schemas/partnership-model.schema.json; references are written as the document writes
// them, and every period is also given as worked out (both ends included).

import type { Analysis } from '../analysis/analysis';
import { notesIn } from './semantic';
import { variedPeriod, variedSpan } from './varied';
import type { Band, ScopeDecl, Unit } from '../syntax/ast';
import { qnameText } from '../syntax/ast';
import { docCommentBefore } from '../syntax/doc-comments';
import { charge, duration, type Json, kpiLines, normLines, period, value, variation, writtenDate } from './export-parts';

/** 2: dates as written with the day they stand for, and the second version's constructs. */
export const EXPORT_FORMAT_VERSION = 2;

export interface ExportedValue {
  readonly unit: 'percent' | 'number' | 'money';
  readonly currency?: string;
  /** Exact decimal amount, e.g. "200000" for £200k. */
  readonly amount: string;
  readonly written: string;
}

export function exportModel(program: Analysis, file: string, displayPath: (file: string) => string): Json | null {
  const source = program.files.get(file);
  const model = source?.model;
  if (!source || !model) return null;
  const text = source.text;
  // A declaration's doc comment lies in its unit, before it.
  const doc = (unit: Unit, start: number): string | undefined => docCommentBefore(unit.text, start, true);
  const units = model.partnership.block?.units.toArray() ?? [];
  // Periods as worked out: as varied by every variation of the partnership in the files checked together.
  const effects = program.variationEffects(file);

  const scope = (unit: Unit, decl: ScopeDecl, parent: string): Json => {
    const path = parent ? `${parent}.${decl.name.text}` : decl.name.text;
    const children = (decl.block?.items ?? []).filter((i): i is ScopeDecl => i.kind === 'Scope');
    return {
      name: decl.name.text,
      path,
      title: decl.title?.value ?? '',
      doc: doc(unit, decl.start),
      covers: (decl.block?.items ?? []).flatMap((i) => (i.kind === 'Covers' ? [i.text.value] : [])),
      notes: [...notesIn(decl.block?.items ?? [])],
      children: children.map((c) => scope(unit, c, path)),
    };
  };

  return {
    formatVersion: EXPORT_FORMAT_VERSION,
    file: displayPath(file),
    partnership: {
      name: model.partnership.name.text,
      title: model.partnership.title?.value ?? '',
      doc: docCommentBefore(text, model.partnership.start),
      term: model.termNode ? { from: writtenDate(model.termNode.from, 'start'), to: writtenDate(model.termNode.to, 'end') } : null,
      source: units.flatMap((u) => (u.node.kind === 'Source' ? [u.node.text.value] : []))[0] ?? null,
      imports: source.imports.map((l) => l.node.path.value),
      notes: [...model.notes],
      values: model.values.map((v) => ({ amount: value(v.amount), text: v.text?.value ?? null })),
      objectives: model.objectives.map((o) => o.text.value),
      calendar: model.calendar,
    },
    parties: units.flatMap((u) => {
      const i = u.node;
      return i.kind === 'Party' ? [{ name: i.name.text, title: i.title?.value ?? '', role: i.role?.text ?? null, of: i.parents.map(qnameText), shares: i.shares.map((q) => (q ? value(q) : null)), doc: doc(u, i.start) }] : [];
    }),
    scopes: units.flatMap((u) => (u.node.kind === 'Scope' ? [scope(u, u.node, '')] : [])),
    grants: model.grants.map((g) => ({
      holder: qnameText(g.node.holder),
      scope: qnameText(g.node.scope),
      except: g.node.except.map(qnameText),
      from: writtenDate(g.node.from, 'start'),
      to: writtenDate(g.node.to, 'end'),
      clause: g.node.clause?.value ?? null,
      period: period(variedSpan(g, effects)),
    })),
    opens: model.opens.map((o) => ({ scope: qnameText(o.node.scope), clause: o.node.clause?.value ?? null })),
    interfaces: model.interfaces.map((i) => ({ a: qnameText(i.node.a), b: qnameText(i.node.b), note: i.node.note?.value ?? null })),
    norms: model.norms.map((n) => ({
      name: n.symbol.name,
      kind: n.node.keyword,
      title: n.symbol.title ?? '',
      doc: n.symbol.doc,
      modal: n.modal,
      verb: n.verb,
      object: !n.line ? null : n.line.object.kind === 'String' ? { text: n.line.object.value } : { scope: qnameText(n.line.object) },
      ...normLines(n),
      every: n.every ? { count: n.every.duration.count, unit: n.every.duration.unit, from: n.from?.at.kind === 'Date' ? writtenDate(n.from.at, 'start') : null } : null,
      accountable: n.accountable?.name ?? null,
      consulted: n.consulted.map((p) => p.name),
      informed: n.informed.map((p) => p.name),
      scope: n.scopeLine ? n.scopeLine.path : null,
      measuredBy: n.kpis.map((k) => k.name),
      otherwise: n.otherwise,
      clause: n.clause,
      notes: [...n.notes],
      period: period(variedPeriod(n, effects, model)),
    })),
    kpis: model.kpis.map((k) => ({
      name: k.symbol.name,
      title: k.symbol.title ?? '',
      doc: k.symbol.doc,
      owner: k.owner?.name ?? null,
      scope: k.scope?.path ?? null,
      target: k.target ? { comparator: k.target.comparator.op, value: value(k.target.value) } : null,
      threshold: k.threshold
        ? { comparator: k.threshold.comparator.op, value: value(k.threshold.value), consequence: k.threshold.consequence?.value ?? null }
        : null,
      measured: k.measured ? (k.measured.frequency.kind === 'Frequency' ? k.measured.frequency.text : { every: duration(k.measured.frequency) }) : null,
      ...kpiLines(k),
      notes: [...k.notes],
    })),
    bodies: model.bodies.map((b) => ({
      name: b.symbol.name,
      title: b.symbol.title ?? '',
      doc: b.symbol.doc,
      chair: b.chair?.name ?? null,
      members: b.members.map((p) => p.name),
      approves: b.approvals.map((a) => ({ scope: qnameText(a.node.scope), band: band(a.node.band) })),
      meets: duration(b.meets),
      escalatesTo: b.escalation ? qnameText(b.escalation.node.body) : null,
      notes: [...b.notes],
    })),
    events: source.declarations.all.flatMap((e) => (e.kind === 'event' && source.declarations.topLevel.get(e.name) === e
      ? [{ name: e.name, title: e.title ?? '', clause: e.decl.clause?.value ?? null, doc: e.doc }]
      : [])),
    charges: model.charges.map((c) => charge(c, model.term)),
    variations: model.variations.map((v) => variation(v, model.partnership.name.text)),
  } as Json;
}

function band(b: Band): Json {
  return { form: b.form, low: b.low ? value(b.low) : null, high: b.high ? value(b.high) : null };
}
