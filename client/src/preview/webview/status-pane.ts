// The preview's status view (ledger.md, "In the editor"): where the partnership stands on a day
// the reviewer picks (today by default). Obligations as rows tinted by status, each with its
// status as a word too; each KPI's periods as a strip of cells whose pattern, not only colour,
// says met, failed, breached, missing or waived; each charge's credits against its cap. Every
// row with a source line is a link to it (main.ts handles `[data-line]`). Text only via
// textContent.

import type { TimelineSource } from '../../../../shared/out/timeline';
import type { StatusView } from '../protocol';
import { append, el } from './rows';
import { buildTimeline } from './timeline';

export class StatusPane {
  readonly root = el('section', 'status-pane');
  private readonly day = el('input', 'status-day');
  private readonly todayButton = el('button', 'status-today', 'Today');
  private readonly message = el('p', 'status');
  private readonly body = el('div', 'status-body');
  private readonly picture = el('figure', 'status-timeline');
  private shown: StatusView | null = null;
  private pictureWidth = 0;

  /** `onDay(null)` asks for today; `onReveal` goes to a source of the picture. */
  constructor(private readonly onDay: (on: string | null) => void, private readonly onReveal: (source: TimelineSource, file: string) => void) {
    this.day.type = 'date';
    this.day.id = 'status-day';
    this.day.required = true;
    this.todayButton.type = 'button';
    const label = el('label', '', 'Status on ');
    label.htmlFor = this.day.id;
    this.day.addEventListener('change', () => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(this.day.value)) this.onDay(this.day.value);
    });
    this.todayButton.addEventListener('click', () => this.onDay(null));
    append(this.root, append(el('div', 'toolbar'), append(el('span'), label, this.day), this.todayButton), this.message, this.body);
    this.message.textContent = 'Working out where everything stands…';
    // The picture is laid out for the pane's width: again when the width changes.
    new ResizeObserver(() => {
      const width = this.paneWidth();
      if (this.shown && Math.abs(width - this.pictureWidth) >= 40) this.drawPicture(this.shown);
    }).observe(this.root);
  }

  private paneWidth(): number {
    return Math.max(320, Math.floor(this.root.clientWidth));
  }

  private drawPicture(view: StatusView): void {
    this.pictureWidth = this.paneWidth();
    const svg = buildTimeline(view.timeline, this.pictureWidth, (source) => this.onReveal(source, view.partnership.file));
    this.picture.replaceChildren(svg);
  }

  empty(reason: string): void {
    this.shown = null;
    this.message.textContent = reason;
    this.message.hidden = false;
    this.body.replaceChildren();
  }

  render(view: StatusView): void {
    this.day.value = view.on;
    this.todayButton.disabled = view.on === view.today;
    this.message.hidden = view.tracked;
    this.message.textContent = view.tracked ? '' : 'No results file names anything of this partnership yet, so every duty shows as not done. Record what happened in a *.results.csv file beside the contract.';
    this.shown = view;
    this.body.replaceChildren(
      append(el('ul', 'status-summary'), ...view.summary.map((line) => el('li', '', line))),
      el('h2', '', 'Timeline'), this.picture,
      ...this.obligations(view),
      ...this.kpis(view),
      ...this.charges(view),
    );
    this.drawPicture(view);
  }

  private obligations(view: StatusView): HTMLElement[] {
    if (view.obligations.length === 0) return [];
    const rows = view.obligations.map((o) => {
      const row = append(el('tr', `standing standing-${o.status}`),
        append(el('td'), el('span', 'name', o.name), ' ', el('span', 'kind', o.title)),
        append(el('td'), el('span', `badge badge-${o.status}`, STANDING_WORDS[o.status]), ' ', o.standing),
        el('td', 'counts', o.counts));
      return linked(row, o.line, `${o.name}: ${STANDING_WORDS[o.status]}, ${o.standing}`);
    });
    return [el('h2', '', 'Obligations'), table(['Obligation', 'Where it stands', 'Occurrences'], rows, 'status-obligations')];
  }

  private kpis(view: StatusView): HTMLElement[] {
    if (view.kpis.length === 0) return [];
    // The timeline's KPIs are these, in the same order, with their periods.
    const items = view.kpis.map((k, i) => {
      const head = linked(append(el('div', 'kpi-head'),
        el('span', 'name', k.name), ' ', el('span', 'kind', k.title), ' ',
        el('span', 'meta', [k.measured && `measured ${k.measured}`, k.counts, k.credits && `credits ${k.credits}`].filter(Boolean).join(' · '))), k.line, `${k.name}: ${k.counts}`);
      const strip = el('div', 'period-strip');
      strip.role = 'list';
      strip.ariaLabel = `${k.name} measurement periods`;
      for (const p of view.timeline.kpis[i]?.periods ?? []) {
        const cell = el('span', `period period-${p.status}`);
        cell.role = 'listitem';
        cell.title = `${p.start} to ${p.end}: ${p.status}${p.detail ? `, ${p.detail}` : ''}`;
        cell.ariaLabel = cell.title;
        append(strip, cell);
      }
      return append(el('div', 'kpi-status'), head, strip);
    });
    return [el('h2', '', 'KPIs'), append(el('p', 'legend'), ...PERIOD_LEGEND.map(([status, word]) => append(el('span', 'legend-item'), el('span', `period period-${status}`), ` ${word}`))), ...items];
  }

  private charges(view: StatusView): HTMLElement[] {
    if (view.charges.length === 0) return [];
    const rows = view.charges.flatMap((c) => c.years.map((y) => linked(append(el('tr'),
      el('td', 'name', c.name), el('td', '', y.period), el('td', 'money', y.earned), el('td', 'money', y.payable),
      el('td', 'money', y.removed), el('td', '', c.cap || 'no cap')), c.line, `${c.name} ${y.period}`)));
    return [el('h2', '', 'Credits against the cap'), table(['Charge', 'Contract year', 'Earned', 'Payable', 'Removed by the cap', 'Cap'], rows, 'status-charges')];
  }
}

const STANDING_WORDS: Readonly<Record<StatusView['obligations'][number]['status'], string>> = {
  overdue: 'overdue', 'due-soon': 'due soon', late: 'late', due: 'due', done: 'done', waived: 'waived', none: 'nothing arisen',
};

const PERIOD_LEGEND: readonly [string, string][] = [['met', 'met'], ['failed', 'failed'], ['breached', 'breached'], ['missing', 'missing'], ['waived', 'waived']];

function table(headings: readonly string[], rows: readonly HTMLElement[], className: string): HTMLElement {
  const head = append(el('tr'), ...headings.map((h) => el('th', '', h)));
  return append(el('div', 'table-wrap status-table'), append(el('table', className), append(el('thead'), head), append(el('tbody'), ...rows)));
}

/** A row that goes to its declaration, by click or by Enter (main.ts listens for `[data-line]`). */
function linked<T extends HTMLElement>(node: T, line: number, label: string): T {
  node.dataset.line = String(line);
  node.tabIndex = 0;
  node.ariaLabel = `${label} (go to line ${line})`;
  return node;
}
