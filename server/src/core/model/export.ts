// The semantic model of one partnership as plain JSON, for other tools. Its shape is published
// as schemas/partnership-model.schema.json; references are written as the document writes
// them, and every period is also given as worked out (both ends included).

import type { Analysis } from '../analysis/analysis';
import { notesIn } from './semantic';
import type { Band, Quantity, ScopeDecl, Unit } from '../syntax/ast';
import { namesText, qnameText } from '../syntax/ast';
import { docCommentBefore } from '../syntax/doc-comments';
import { formatDay, type Period } from '../values/dates';
import { formatDecimal, formatQuantity, quantityValue } from '../values/decimal';

export const EXPORT_FORMAT_VERSION = 1;

export interface ExportedValue {
  readonly unit: 'percent' | 'number' | 'money';
  readonly currency?: string;
  /** Exact decimal amount, e.g. "200000" for £200k. */
  readonly amount: string;
  readonly written: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

export function exportModel(program: Analysis, file: string, displayPath: (file: string) => string): Json | null {
  const source = program.files.get(file);
  const model = source?.model;
  if (!source || !model) return null;
  const text = source.text;
  // A declaration's doc comment lies in its unit, before it.
  const doc = (unit: Unit, start: number): string | undefined => docCommentBefore(unit.text, start, true);
  const units = model.partnership.block?.units ?? [];

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
      term: model.termNode ? { from: model.termNode.from.text, to: model.termNode.to.text } : null,
      source: units.flatMap((u) => (u.node.kind === 'Source' ? [u.node.text.value] : []))[0] ?? null,
      imports: source.imports.map((l) => l.node.path.value),
      notes: [...model.notes],
    },
    parties: units.flatMap((u) => {
      const i = u.node;
      return i.kind === 'Party' ? [{ name: i.name.text, title: i.title?.value ?? '', role: i.role?.text ?? null, of: i.parents.map(qnameText), doc: doc(u, i.start) }] : [];
    }),
    scopes: units.flatMap((u) => (u.node.kind === 'Scope' ? [scope(u, u.node, '')] : [])),
    grants: model.grants.map((g) => ({
      holder: qnameText(g.node.holder),
      scope: qnameText(g.node.scope),
      except: g.node.except.map(qnameText),
      from: g.node.from?.text ?? null,
      to: g.node.to?.text ?? null,
      clause: g.node.clause?.value ?? null,
      period: period(g.period),
    })),
    opens: model.opens.map((o) => ({ scope: qnameText(o.node.scope), clause: o.node.clause?.value ?? null })),
    interfaces: model.interfaces.map((i) => ({ a: qnameText(i.node.a), b: qnameText(i.node.b), note: i.node.note?.value ?? null })),
    norms: model.norms.map((n) => ({
      name: n.symbol.name,
      kind: n.node.keyword,
      title: n.symbol.title ?? '',
      doc: n.symbol.doc,
      subject: n.line ? namesText(n.line.subjects) : null,
      modal: n.modal,
      verb: n.verb,
      object: !n.line ? null : n.line.object.kind === 'String' ? { text: n.line.object.value } : { scope: qnameText(n.line.object) },
      to: n.line && n.line.beneficiaries.length > 0 ? namesText(n.line.beneficiaries) : null,
      due: n.due?.text ?? null,
      every: n.every ? { count: n.every.duration.count, unit: n.every.duration.unit, from: n.from?.at.kind === 'Date' ? n.from.at.text : null } : null,
      accountable: n.accountable?.name ?? null,
      consulted: n.consulted.map((p) => p.name),
      informed: n.informed.map((p) => p.name),
      scope: n.scopeLine ? n.scopeLine.path : null,
      measuredBy: n.kpis.map((k) => k.name),
      otherwise: n.otherwise,
      clause: n.clause,
      notes: [...n.notes],
      period: period(n.period),
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
      measured: k.measured ? (k.measured.frequency.kind === 'Frequency' ? k.measured.frequency.text : { every: { count: k.measured.frequency.count, unit: k.measured.frequency.unit } }) : null,
      notes: [...k.notes],
    })),
    bodies: model.bodies.map((b) => ({
      name: b.symbol.name,
      title: b.symbol.title ?? '',
      doc: b.symbol.doc,
      chair: b.chair?.name ?? null,
      members: b.members.map((p) => p.name),
      approves: b.approvals.map((a) => ({ scope: qnameText(a.node.scope), band: band(a.node.band) })),
      notes: [...b.notes],
    })),
  } as Json;
}

function value(q: Quantity): Json {
  return { unit: q.unit, ...(q.currency ? { currency: q.currency } : {}), amount: formatDecimal(quantityValue(q)), written: formatQuantity(q) };
}

function band(b: Band): Json {
  return { form: b.form, low: b.low ? value(b.low) : null, high: b.high ? value(b.high) : null };
}

function period(p: Period | null): Json {
  if (!p) return null;
  return { from: p.from <= -1e9 ? null : formatDay(p.from), to: p.to >= 1e9 ? null : formatDay(p.to) };
}

