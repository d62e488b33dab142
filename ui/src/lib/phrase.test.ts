import { describe, expect, it } from 'vitest';
import { phraseParts, slot } from './Phrase.svelte';
import { t } from './i18n.svelte';

describe('a sentence with the user’s words in it', () => {
  it('marks exactly the user’s words, wherever the language puts them', () => {
    const text = t('clients-ladder-own', { name: slot(0) });
    expect(phraseParts(text, ['Acme Ltd'])).toEqual([
      { text: 'Acme Ltd', keep: true },
      { text: ' has its own ladder.', keep: false },
    ]);
    expect(phraseParts(`a ${slot(1)} b ${slot(0)}`, ['x', 'y'])).toEqual([
      { text: 'a ', keep: false },
      { text: 'y', keep: true },
      { text: ' b ', keep: false },
      { text: 'x', keep: true },
    ]);
  });
});
