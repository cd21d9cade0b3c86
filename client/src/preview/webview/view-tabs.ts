// The two views of the preview, the obligation matrix and the status on a day, as tabs
// (WAI-ARIA tabs: arrow keys move between them).

import { append, el } from './rows';

export type PageView = 'matrix' | 'status';

const LABELS: Readonly<Record<PageView, string>> = { matrix: 'Matrix', status: 'Status' };

export class ViewTabs {
  readonly root = el('div', 'view-tabs');
  private readonly buttons: Record<PageView, HTMLButtonElement>;

  constructor(private current: PageView, private readonly onChange: (view: PageView) => void) {
    this.root.role = 'tablist';
    this.root.ariaLabel = 'View';
    const make = (view: PageView): HTMLButtonElement => {
      const button = el('button', 'view-tab', LABELS[view]);
      button.type = 'button';
      button.id = `tab-${view}`;
      button.role = 'tab';
      button.addEventListener('click', () => this.select(view));
      button.addEventListener('keydown', (event) => {
        if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
        event.preventDefault();
        const other: PageView = view === 'matrix' ? 'status' : 'matrix';
        this.select(other);
        this.buttons[other].focus();
      });
      return button;
    };
    this.buttons = { matrix: make('matrix'), status: make('status') };
    append(this.root, this.buttons.matrix, this.buttons.status);
    this.mark();
  }

  private select(view: PageView): void {
    if (view === this.current) return;
    this.current = view;
    this.mark();
    this.onChange(view);
  }

  private mark(): void {
    for (const view of ['matrix', 'status'] as const) {
      const selected = view === this.current;
      this.buttons[view].ariaSelected = String(selected);
      this.buttons[view].tabIndex = selected ? 0 : -1;
    }
  }
}
