// Each table of the preview is drawn as a table while the pane is wide enough for its columns,
// and as cards (one per row, each cell labelled) when it is not, so that nothing is ever cut
// off or squeezed into a sliver. The columns' widths live in preview.css only, as `--w-<col>`
// numbers of em; this adds up the ones a table's header uses.

/** The width a table's columns need, in pixels: the sum of its header's `col` widths. */
function neededWidth(wrap: HTMLElement): number {
  const style = getComputedStyle(wrap);
  const em = parseFloat(style.fontSize);
  let total = 0;
  for (const col of wrap.querySelectorAll('table.head col')) {
    const width = parseFloat(style.getPropertyValue(`--w-${col.className}`));
    if (Number.isFinite(width)) total += width * em;
  }
  return total;
}

/** The width a table stops growing at (`--w-most`), in pixels. */
function widest(wrap: HTMLElement): number {
  const style = getComputedStyle(wrap);
  return parseFloat(style.getPropertyValue('--w-most')) * parseFloat(style.fontSize);
}

/** What each table needs, by its header's columns: measured again only when they change. */
const needed = new WeakMap<HTMLElement, { readonly columns: string; readonly width: number }>();

/**
 * Lays each table out as a table or as cards, by the width its parent has to give. Called when
 * the pane's width or a table's columns change, never per update: it reads layout.
 */
export function fitTables(wraps: readonly HTMLElement[]): void {
  for (const wrap of wraps) {
    const available = wrap.parentElement?.clientWidth ?? 0;
    if (available === 0) continue; // hidden: decided when it is shown
    const columns = [...wrap.querySelectorAll('table.head col')].map((c) => c.className).join(' ');
    let known = needed.get(wrap);
    if (known?.columns !== columns) needed.set(wrap, (known = { columns, width: neededWidth(wrap) }));
    wrap.classList.toggle('cards', known.width > available);
    wrap.classList.toggle('wide', known.width > widest(wrap));
  }
}
