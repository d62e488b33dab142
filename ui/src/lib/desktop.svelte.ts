// The desktop around the web view: the native menu's actions and their
// shortcuts, and the texts the shell shows outside the window (menu labels,
// notifications) in the UI's language.
//
// The same shortcuts are handled here on keydown: WebDriver cannot press a
// native accelerator, and on GTK and macOS the menu takes an accelerator
// first (it never reaches the page), so one press acts once.
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { DesktopTexts } from './bindings';
import { i18n, t } from './i18n.svelte';

export const DESKTOP_ACTIONS = ['new-client', 'new-invoice', 'record-payment', 'today', 'search', 'settings'] as const;
export type DesktopAction = (typeof DESKTOP_ACTIONS)[number];

/** Each action's key with Ctrl (⌘ on macOS); the same as `src-tauri/desktop.rs`. */
const KEYS: Record<DesktopAction, { key: string; shift: boolean }> = {
  'new-client': { key: 'n', shift: true },
  'new-invoice': { key: 'n', shift: false },
  'record-payment': { key: 'p', shift: true },
  today: { key: 't', shift: false },
  search: { key: 'f', shift: false },
  settings: { key: ',', shift: false },
};

type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** The action a key press asks for, if any (`mac`: ⌘ is the modifier, otherwise Ctrl). */
export function shortcutAction(e: Keys, mac: boolean): DesktopAction | null {
  const mod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (!mod || e.altKey) return null;
  const key = e.key.toLowerCase();
  for (const a of DESKTOP_ACTIONS) {
    if (KEYS[a].key === key && KEYS[a].shift === e.shiftKey) return a;
  }
  return null;
}

export const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** What the shortcut looks like on this system, for hints ("Ctrl+Shift+N", "⇧⌘N"). */
export function shortcutLabel(a: DesktopAction, mac = isMac()): string {
  const k = KEYS[a];
  const key = k.key.toUpperCase();
  if (mac) return `${k.shift ? '⇧' : ''}⌘${key}`;
  return `Ctrl+${k.shift ? 'Shift+' : ''}${key}`;
}

/** A request for the screen on show (e.g. "record a payment" on an invoice's page); `n` makes each one new. */
export const desktop = $state<{ request: { action: DesktopAction; n: number } | null }>({ request: null });
let n = 0;
export function request(action: DesktopAction): void {
  desktop.request = { action, n: ++n };
}

/** The shell's texts in the current language. */
export function desktopTexts(): DesktopTexts {
  return {
    language: i18n.lang,
    menu: {
      file: t('desktop-menu-file'),
      edit: t('desktop-menu-edit'),
      go: t('desktop-menu-go'),
      window: t('desktop-menu-window'),
      new_client: t('desktop-new-client'),
      new_invoice: t('desktop-new-invoice'),
      record_payment: t('desktop-record-payment'),
      today: t('desktop-today'),
      search: t('desktop-search'),
      settings: t('desktop-settings'),
      quit: t('desktop-quit'),
      undo: t('desktop-undo'),
      redo: t('desktop-redo'),
      cut: t('desktop-cut'),
      copy: t('desktop-copy'),
      paste: t('desktop-paste'),
      select_all: t('desktop-select-all'),
      minimize: t('desktop-minimize'),
      close_window: t('desktop-close-window'),
      about: t('desktop-about'),
      services: t('desktop-services'),
      hide: t('desktop-hide'),
      hide_others: t('desktop-hide-others'),
      show_all: t('desktop-show-all'),
    },
    notices: {
      title: t('desktop-notice-title'),
      emails: t('desktop-notice-emails'),
      letters: t('desktop-notice-letters'),
      bank_import: t('desktop-notice-bank'),
      csv_import: t('desktop-notice-import'),
      backup: t('desktop-notice-backup'),
      failed: t('desktop-notice-failed'),
    },
  };
}

/** Sends the texts to the shell; the menu is rebuilt in them. Outside the app (tests, a browser) nothing happens. */
export function sendDesktopTexts(): void {
  invoke('set_desktop_texts', { texts: desktopTexts() }).catch(() => {});
}

/** Calls `cb` with each menu click's action. */
export function onMenuAction(cb: (a: DesktopAction) => void): Promise<UnlistenFn> {
  return listen<string>('menu-action', (e) => {
    const a = DESKTOP_ACTIONS.find((x) => x === e.payload);
    if (a) cb(a);
  });
}
