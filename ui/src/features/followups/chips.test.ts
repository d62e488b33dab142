import { describe, expect, it } from 'vitest';
import { chipLabel, chipMessage, toPieces, toText } from './chips';
// The shipped wording in every language (Rust string literals; the template syntax is what matters here).
import shipped from '../../../../crates/kindly-followup/src/texts.rs?raw';

describe('wording chips', () => {
  it('turns placeholders and conditions into chips', () => {
    const src = 'Hello {{ greeting_name }},\n{% if partially_paid %}Thanks for the part.{% elif heard_from_client %}Thanks.{% else %}Hi.{% endif %}\n';
    const kinds = toPieces(src).map((p) => p.kind);
    expect(kinds).toEqual(['text', 'value', 'text', 'if', 'text', 'elif', 'text', 'else', 'text', 'endif', 'text']);
    const v = toPieces(src)[1];
    expect(v.kind === 'value' && v.name).toBe('greeting_name');
  });

  it('gives back exactly the same text for every shipped template', () => {
    expect(shipped.length).toBeGreaterThan(1000);
    expect(toText(toPieces(shipped))).toBe(shipped);
    // Every template tag in the shipped wording is a named chip, never raw syntax.
    const other = toPieces(shipped).filter((p) => p.kind === 'other');
    expect(other).toEqual([]);
    expect(toPieces(shipped).filter((p) => p.kind === 'if').length).toBeGreaterThan(10);
  });

  it('keeps unusual spacing and unknown syntax as written', () => {
    for (const src of ['{{invoice_numbers}}', '{{- amount_owing -}}', '{% if x %}{% endif %}', '{{ a | upper }} {# note #}', '', 'plain', '{{', '}} {%']) {
      expect(toText(toPieces(src))).toBe(src);
    }
    const odd = toPieces('{{ a | upper }}')[0];
    expect(odd.kind).toBe('other');
    if (odd.kind !== 'text') expect(chipMessage(odd).id).toBe('wording-other');
  });
});

describe('chip labels', () => {
  it('names values and conditions in words, never template syntax', () => {
    expect(chipLabel({ kind: 'value', name: 'invoice_numbers', raw: '{{ invoice_numbers }}' })).toBe('Invoice numbers');
    expect(chipLabel({ kind: 'if', name: 'partially_paid', raw: '{% if partially_paid %}' })).toBe('Only if partly paid');
    expect(chipLabel({ kind: 'value', name: 'new_one', raw: '' }, { new_one: 'A new value' })).toBe('A new value');
    expect(chipLabel({ kind: 'if', name: 'new_flag', raw: '' })).toContain('new_flag');
  });
});
