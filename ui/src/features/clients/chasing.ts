// A client's follow-up state in the client list, in the UI's language.
import { t } from '../../lib/i18n.svelte';

export function chasingLabel(mode: string): string {
  switch (mode) {
    case 'on':
      return t('clients-chasing-on');
    case 'paused':
      return t('clients-chasing-paused');
    case 'off':
      return t('clients-chasing-off');
    default:
      return mode;
  }
}
