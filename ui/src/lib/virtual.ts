// Pure arithmetic for the virtual list (row indices and pixels, never money).

export type Window = {
  /** First row index to render (inclusive). */
  start: number;
  /** Last row index to render (exclusive). */
  end: number;
  /** Pixels above the first rendered row. */
  offsetY: number;
  /** Height of the whole (mostly empty) scroll area. */
  totalHeight: number;
};

/** Which rows are visible (plus `overscan` rows either side) for a scroll position. */
export function computeWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = 5,
): Window {
  const totalHeight = Math.max(0, total * rowHeight);
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0, offsetY: 0, totalHeight };
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, totalHeight - viewportHeight)));
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, 0) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, first + visible + overscan);
  return { start, end, offsetY: start * rowHeight, totalHeight };
}

/** The page indices (of `pageSize` rows) that cover rows [start, end). */
export function pagesFor(start: number, end: number, pageSize: number): number[] {
  if (end <= start || pageSize <= 0) return [];
  const first = Math.floor(start / pageSize);
  const last = Math.floor((end - 1) / pageSize);
  const out: number[] = [];
  for (let p = first; p <= last; p++) out.push(p);
  return out;
}

/** The scrollTop that brings row `index` fully into view, or null when it already is. */
export function scrollToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return null;
}

/**
 * The row a key moves the focus to in a list of `total` rows (`page`: rows
 * per PageUp/PageDown), clamped to the list, or null for other keys.
 */
export function keyTarget(key: string, at: number, total: number, page: number): number | null {
  if (total <= 0) return null;
  const moves: Record<string, number> = {
    ArrowDown: at + 1,
    ArrowUp: at - 1,
    PageDown: at + Math.max(1, page),
    PageUp: at - Math.max(1, page),
    Home: 0,
    End: total - 1,
  };
  if (!(key in moves)) return null;
  return Math.max(0, Math.min(total - 1, moves[key]));
}
