import { describe, expect, it } from 'vitest';
import { computeWindow, keyTarget, pagesFor, scrollToReveal } from './virtual';

describe('computeWindow', () => {
  it('renders only the visible rows plus overscan at the top', () => {
    const w = computeWindow(0, 500, 50, 10_000, 5);
    expect(w.start).toBe(0);
    expect(w.end).toBe(16); // 10 visible + 1 partial + 5 overscan
    expect(w.offsetY).toBe(0);
    expect(w.totalHeight).toBe(500_000);
  });

  it('follows the scroll position', () => {
    const w = computeWindow(5_000, 500, 50, 10_000, 5);
    expect(w.start).toBe(95);
    expect(w.end).toBe(116);
    expect(w.offsetY).toBe(95 * 50);
  });

  it('clamps at the end and past it', () => {
    const w = computeWindow(10_000_000, 500, 50, 10_000, 5);
    expect(w.end).toBe(10_000);
    expect(w.start).toBe(10_000 - 10 - 5);
    expect(w.end - w.start).toBeLessThan(30);
  });

  it('handles empty and short lists', () => {
    expect(computeWindow(0, 500, 50, 0)).toEqual({ start: 0, end: 0, offsetY: 0, totalHeight: 0 });
    const w = computeWindow(0, 500, 50, 3);
    expect([w.start, w.end]).toEqual([0, 3]);
  });

  it('ignores negative scroll (elastic scrolling)', () => {
    expect(computeWindow(-40, 500, 50, 100, 0).start).toBe(0);
  });
});

describe('pagesFor', () => {
  it('covers the range with whole pages', () => {
    expect(pagesFor(0, 16, 100)).toEqual([0]);
    expect(pagesFor(95, 116, 100)).toEqual([0, 1]);
    expect(pagesFor(100, 200, 100)).toEqual([1]);
    expect(pagesFor(5, 5, 100)).toEqual([]);
  });
});

describe('scrollToReveal', () => {
  it('scrolls only when the row is out of view', () => {
    expect(scrollToReveal(3, 0, 500, 50)).toBeNull();
    expect(scrollToReveal(10, 0, 500, 50)).toBe(50);
    expect(scrollToReveal(2, 400, 500, 50)).toBe(100);
  });
});

describe('keyTarget', () => {
  it('moves by one, by a page, to the ends, and stays inside the list', () => {
    expect(keyTarget('ArrowDown', 3, 2000, 10)).toBe(4);
    expect(keyTarget('ArrowUp', 0, 2000, 10)).toBe(0);
    expect(keyTarget('PageDown', 1995, 2000, 10)).toBe(1999);
    expect(keyTarget('PageUp', 5, 2000, 10)).toBe(0);
    expect(keyTarget('End', 0, 2000, 10)).toBe(1999);
    expect(keyTarget('Home', 1500, 2000, 10)).toBe(0);
  });

  it('ignores other keys and empty lists', () => {
    expect(keyTarget('a', 3, 2000, 10)).toBeNull();
    expect(keyTarget('End', 0, 0, 10)).toBeNull();
  });
});
