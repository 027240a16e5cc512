/** The narrowest width of a windowed grid's columns (components/virtual-list.tsx). */

/** Row gap and side padding of .vl-row (virtual-list.css), for the narrowest width the columns fit in. */
const ROW_GAP_PX = 8;
const ROW_PADDING_PX = 16;

/**
 * The narrowest the columns can be: each track's px minimum, plus gaps and padding. Below it the
 * grid scrolls sideways inside its own box rather than making the whole page scroll.
 */
export function columnsMinWidth(columns: readonly { width: string }[]): number {
  const widths = columns.map((c) => Number(/(\d+)px/.exec(c.width)?.[1] ?? 0));
  return widths.reduce((sum, w) => sum + w, 0) + ROW_GAP_PX * Math.max(0, columns.length - 1) + ROW_PADDING_PX;
}
