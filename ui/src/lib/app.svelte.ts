// What the whole app needs after start-up: bootstrap data and settings.
import type { Bootstrap, OptionItem, SettingsView } from './bindings';
import { api } from './api';

export const app = $state<{ boot: Bootstrap | null; settings: SettingsView | null }>({
  boot: null,
  settings: null,
});

// The first screen says when its figures are on screen: the start-up probe
// (`app_ready`) measures up to there, not to an empty frame.
let firstScreenShown: () => void = () => {};
export const firstScreen = new Promise<void>((resolve) => {
  firstScreenShown = resolve;
});
export function markFirstScreenShown(): void {
  firstScreenShown();
}

export function setSettings(s: SettingsView): void {
  app.settings = s;
}

/** Re-reads what the business profile lacks (after the profile or the ways to pay were saved). */
export async function refreshReadiness(): Promise<void> {
  const r = await api.businessReadiness();
  if (app.boot) app.boot.readiness = r;
}

export function labelOf(options: OptionItem[] | undefined, value: string): string {
  return options?.find((o) => o.value === value)?.label ?? value;
}

export function today(): string {
  return app.boot?.status.today ?? '';
}
