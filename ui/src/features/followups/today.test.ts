import { describe, expect, it } from 'vitest';
import type { QueueSummary } from '../../lib/bindings';
import { emptyFilter, facetOptions, isFiltered, nextGrouping, shortcutFor, showingText } from './today';

const key = (k: string, extra: Partial<{ ctrlKey: boolean; tag: string }> = {}) => ({
  key: k,
  ctrlKey: extra.ctrlKey ?? false,
  metaKey: false,
  altKey: false,
  defaultPrevented: false,
  target: { tagName: extra.tag ?? 'BODY' } as unknown as EventTarget,
});

describe('Today filters', () => {
  it('sees a filter only when a condition is set (blank amounts are none)', () => {
    expect(isFiltered(emptyFilter())).toBe(false);
    expect(isFiltered({ ...emptyFilter(), min_amount: '   ' })).toBe(false);
    expect(isFiltered({ ...emptyFilter(), min_amount: '100' })).toBe(true);
    expect(isFiltered({ ...emptyFilter(), channel: 'letter' })).toBe(true);
    expect(isFiltered({ ...emptyFilter(), stage: '' })).toBe(false);
  });

  it('names every choice with the count it would show', () => {
    const s = {
      today: '2026-12-02',
      total: 5,
      matching: 5,
      channels: [
        { channel: 'email', count: 3 },
        { channel: 'letter', count: 2 },
      ],
      stages: [{ key: 'reminder', name: 'Reminder', tone: 'courteous', count: 5 }],
      tones: [{ tone: 'courteous', count: 5 }],
      languages: [{ language: 'de', count: 1234 }],
      currencies: [{ currency: 'EUR', count: 5 }],
      groups_total: 0,
      groups: [],
    } as unknown as QueueSummary;
    const o = facetOptions(s);
    expect(o.channel).toEqual([
      { value: 'email', label: 'E-mail (3)' },
      { value: 'letter', label: 'Letter (2)' },
    ]);
    expect(o.stage[0].label).toBe('Reminder (5)');
    expect(o.language[0].label).toBe('Deutsch (1,234)');
    expect(facetOptions(null).channel).toEqual([]);
  });

  it('says how many of how many are shown', () => {
    expect(showingText(12, 394, true)).toBe('Showing 12 of 394 follow-ups');
    expect(showingText(394, 394, false)).toBe('394 follow-ups');
    expect(showingText(1, 1, false)).toBe('1 follow-up');
  });

  it('cycles the grouping: none, client, channel, none', () => {
    expect(nextGrouping(null)).toBe('client');
    expect(nextGrouping('client')).toBe('channel');
    expect(nextGrouping('channel')).toBe(null);
  });
});

describe('Today shortcuts', () => {
  it('maps plain keys to actions', () => {
    expect(shortcutFor(key('s'), false)).toBe('send');
    expect(shortcutFor(key('P'), false)).toBe('print');
    expect(shortcutFor(key('?'), false)).toBe('help');
    expect(shortcutFor(key('x'), false)).toBe(null);
  });

  it('never fires while typing, with a modifier, or under a dialog', () => {
    expect(shortcutFor(key('s', { tag: 'INPUT' }), false)).toBe(null);
    expect(shortcutFor(key('s', { tag: 'select' }), false)).toBe(null);
    expect(shortcutFor(key('s', { ctrlKey: true }), false)).toBe(null);
    expect(shortcutFor(key('s'), true)).toBe(null);
  });
});
