// The names of the default ladder's steps in the UI's language. Rust stores
// a ladder's names as the user's own words, and the default ladder starts
// with English ones (`kindly-followup` `default_ladder`); while a step still
// carries its default English name, the catalogue's name for its key is
// shown instead, and a name the user wrote is shown as written.
import { t } from './i18n.svelte';

const DEFAULT_ENGLISH: Record<string, string> = {
  heads_up: 'Friendly heads-up',
  reminder: 'Friendly reminder',
  follow_up: 'Polite follow-up',
  plan_offer: 'Offer of a payment plan',
  final_notice: 'Final courteous notice',
};

/** A step's name for people: translated while it is the default, the user's words otherwise. */
export function stageName(key: string, name: string): string {
  return DEFAULT_ENGLISH[key] === name ? t(`stage-default-${key.replaceAll('_', '-')}`) : name;
}

/** The English default names, by key (for the test that the catalogue names each). */
export const DEFAULT_STAGE_KEYS = Object.keys(DEFAULT_ENGLISH);
