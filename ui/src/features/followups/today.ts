// Today at any size: what the filters, groups and shortcuts of the Today
// screen say, kept out of the components so they can be tested.
import type { QueueFilter, QueueGrouping, QueueSummary } from '../../lib/bindings';
import { t } from '../../lib/i18n.svelte';
import { labels } from '../../lib/vocabulary';
import { stageName } from '../../lib/stages';

export const emptyFilter = (): QueueFilter => ({
  channel: null,
  stage: null,
  tone: null,
  language: null,
  currency: null,
  min_amount: '',
});

/** Whether any condition is set (an amount of only spaces is none). */
export function isFiltered(f: QueueFilter): boolean {
  return (
    f.channel !== null ||
    (f.stage ?? '') !== '' ||
    f.tone !== null ||
    f.language !== null ||
    (f.currency ?? '') !== '' ||
    f.min_amount.trim() !== ''
  );
}

/** A choice in a filter's list: its value and "E-mail (73)". */
export type FacetOption = { value: string; label: string };

const withCount = (label: string, n: bigint | number) => t('today-facet-option', { label, count: Number(n) });

/** The options of every filter, each with the count choosing it would show. */
export function facetOptions(s: QueueSummary | null): {
  channel: FacetOption[];
  stage: FacetOption[];
  tone: FacetOption[];
  language: FacetOption[];
  currency: FacetOption[];
} {
  if (!s) return { channel: [], stage: [], tone: [], language: [], currency: [] };
  return {
    channel: s.channels.map((c) => ({ value: c.channel, label: withCount(labels.channel[c.channel], c.count) })),
    stage: s.stages.map((c) => ({ value: c.key, label: withCount(stageName(c.key, c.name), c.count) })),
    tone: s.tones.map((c) => ({ value: c.tone, label: withCount(labels.tone[c.tone], c.count) })),
    language: s.languages.map((c) => ({ value: c.language, label: withCount(labels.locale[c.language], c.count) })),
    currency: s.currencies.map((c) => ({ value: c.currency, label: withCount(c.currency, c.count) })),
  };
}

/** "Showing 12 of 394 follow-ups" or "394 follow-ups". */
export function showingText(matching: number, total: number, filtered: boolean): string {
  return filtered ? t('today-showing', { matching, total }) : t('count-followups', { count: total });
}

/** The grouping after this one, for the "g" shortcut: none → client → channel → none. */
export function nextGrouping(g: QueueGrouping | null): QueueGrouping | null {
  return g === null ? 'client' : g === 'client' ? 'channel' : null;
}

/** The common actions of Today and their keys. */
export type TodayAction = 'send' | 'print' | 'group' | 'filter' | 'clear' | 'refresh' | 'help';

export const shortcuts: { key: string; action: TodayAction }[] = [
  { key: 's', action: 'send' },
  { key: 'p', action: 'print' },
  { key: 'g', action: 'group' },
  { key: 'f', action: 'filter' },
  { key: 'c', action: 'clear' },
  { key: 'r', action: 'refresh' },
  { key: '?', action: 'help' },
];

/** What a shortcut does, for the list under Today. */
export function shortcutText(action: TodayAction): string {
  switch (action) {
    case 'send':
      return t('today-key-send');
    case 'print':
      return t('today-key-print');
    case 'group':
      return t('today-key-group');
    case 'filter':
      return t('today-key-filter');
    case 'clear':
      return t('today-key-clear');
    case 'refresh':
      return t('today-key-refresh');
    case 'help':
      return t('today-key-help');
  }
}

type KeyLike = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
};

/**
 * The action a key press asks for, or null: only plain keys (no Ctrl, Cmd
 * or Alt), never while typing in a field or while a dialog is open.
 */
export function shortcutFor(e: KeyLike, dialogOpen: boolean): TodayAction | null {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || dialogOpen) return null;
  const el = e.target as { tagName?: string; isContentEditable?: boolean } | null;
  const tag = el?.tagName?.toLowerCase();
  if (tag === 'input' || tag === 'textarea' || tag === 'select' || el?.isContentEditable) return null;
  return shortcuts.find((s) => s.key === e.key.toLowerCase() || s.key === e.key)?.action ?? null;
}
