import { describe, expect, it } from 'vitest';
import { amountForInput, amountFromInput, formatCount, formatDate, formatDateTime, formatMoney, splitEmails } from './format';
import { dateForInput, dateFromInput, datePlaceholder } from './dates';
import { i18n, intlLocaleFor, systemLanguage } from './i18n.svelte';

describe('format', () => {
  it('formats calendar days without shifting the day', () => {
    expect(formatDate('2026-03-01', 'en-GB')).toBe('1 Mar 2026');
    expect(formatDate('', 'en-GB')).toBe('');
    expect(formatDate('not a date', 'en-GB')).toBe('not a date');
  });

  it('writes dates in the UI language by default, English day first like the letters', () => {
    expect(i18n.intl).toBe('en-GB');
    expect(formatDate('2026-11-07')).toBe('7 Nov 2026');
    i18n.intl = 'de-DE';
    try {
      expect(formatDate('2026-11-07')).toBe('07.11.2026');
    } finally {
      i18n.intl = 'en-GB';
    }
  });

  it('shows instants in the given time zone', () => {
    expect(formatDateTime('2026-03-01T23:30:00Z', 'en-GB', 'Europe/Berlin')).toContain('2 Mar 2026');
  });

  it('counts with grouping', () => {
    expect(formatCount(10_000, 'en-GB')).toBe('10,000');
    expect(formatCount(10_000, 'de-DE')).toBe('10.000');
  });

  it('formats money in the locale with the exact digits Rust sent', () => {
    expect(formatMoney({ amount: '2739.69', currency: 'EUR' }, 'en-GB')).toBe('€2,739.69');
    expect(formatMoney({ amount: '2739.69', currency: 'EUR' }, 'de-DE')).toBe('2.739,69\u00a0€');
    expect(formatMoney({ amount: '1500', currency: 'JPY' }, 'en-GB')).toBe('JP¥1,500');
    expect(formatMoney({ amount: '1.250', currency: 'KWD' }, 'fr-FR')).toBe('1,250\u00a0KWD');
    // 2^53 - 1 minor units still shows every digit
    expect(formatMoney({ amount: '90071992547409.91', currency: 'EUR' }, 'en-GB')).toBe('€90,071,992,547,409.91');
  });

  it('reads amounts typed in the locale and leaves the rest for Rust to judge', () => {
    expect(amountFromInput('1.234,50', 'de-DE')).toBe('1234.50');
    expect(amountFromInput('1234,5', 'de-DE')).toBe('1234.5');
    expect(amountFromInput('1.234', 'de-DE')).toBe('1234');
    expect(amountFromInput('1.5', 'de-DE')).toBe('1.5');
    expect(amountFromInput('1,234.50', 'en-GB')).toBe('1234.50');
    expect(amountFromInput('1 234,50', 'fr-FR')).toBe('1234.50');
    expect(amountFromInput('12,5O', 'de-DE')).toBe('12,5O');
    expect(amountFromInput('1.23.4', 'de-DE')).toBe('1.23.4');
    expect(amountForInput('1234.50', 'de-DE')).toBe('1234,50');
    expect(amountForInput('1234.50', 'en-GB')).toBe('1234.50');
  });

  it('types and shows dates in the locale order, carrying ISO', () => {
    expect(dateForInput('2026-12-01', 'de-DE')).toBe('01.12.2026');
    expect(dateForInput('2026-12-01', 'en-US')).toBe('12/01/2026');
    expect(dateForInput('2026-12-01', 'en-GB')).toBe('01/12/2026');
    expect(datePlaceholder('es-ES')).toBe('31/12/2026');
    expect(dateFromInput('1.12.2026', 'de-DE')).toBe('2026-12-01');
    expect(dateFromInput('12/01/2026', 'en-US')).toBe('2026-12-01');
    expect(dateFromInput('01/12/26', 'fr-FR')).toBe('2026-12-01');
    expect(dateFromInput('2026-12-01', 'fr-FR')).toBe('2026-12-01');
    expect(dateFromInput('31.02.2026', 'de-DE')).toBe('31.02.2026');
    expect(dateFromInput('tomorrow', 'de-DE')).toBe('tomorrow');
    expect(dateFromInput('', 'de-DE')).toBe('');
  });

  it('follows the OS language among the four, keeping its region for formats', () => {
    expect(systemLanguage(['de-AT', 'en-US'])).toBe('de');
    expect(systemLanguage(['pt-BR', 'es-MX'])).toBe('es');
    expect(systemLanguage(['ja-JP'])).toBe('en');
    expect(intlLocaleFor('en', ['en-US'])).toBe('en-US');
    expect(intlLocaleFor('fr', ['de-DE'])).toBe('fr-FR');
  });

  it('splits e-mail lists', () => {
    expect(splitEmails(' a@x.com, b@y.org ,, ')).toEqual(['a@x.com', 'b@y.org']);
    expect(splitEmails('')).toEqual([]);
  });
});
