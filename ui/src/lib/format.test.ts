import { describe, expect, it } from 'vitest';
import { countLabel, formatDate, formatDateTime, setLocale, splitEmails } from './format';

describe('format', () => {
  it('formats calendar days without shifting the day', () => {
    expect(formatDate('2026-03-01', 'en-GB')).toBe('1 Mar 2026');
    expect(formatDate('', 'en-GB')).toBe('');
    expect(formatDate('not a date', 'en-GB')).toBe('not a date');
  });

  it('writes English dates day first, like the letters and e-mails Kindly writes', () => {
    setLocale('en');
    try {
      expect(formatDate('2026-11-07')).toBe('7 Nov 2026');
      setLocale('de');
      expect(formatDate('2026-11-07')).toBe('07.11.2026');
    } finally {
      setLocale(undefined);
    }
  });

  it('shows instants in the given time zone', () => {
    expect(formatDateTime('2026-03-01T23:30:00Z', 'en-GB', 'Europe/Berlin')).toContain('2 Mar 2026');
  });

  it('counts with grouping', () => {
    expect(countLabel(10_000, 'client', 'clients', 'en')).toBe('10,000 clients');
    expect(countLabel(1, 'client', 'clients', 'en')).toBe('1 client');
  });

  it('splits e-mail lists', () => {
    expect(splitEmails(' a@x.com, b@y.org ,, ')).toEqual(['a@x.com', 'b@y.org']);
    expect(splitEmails('')).toEqual([]);
  });
});
