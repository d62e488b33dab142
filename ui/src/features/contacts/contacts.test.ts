import { describe, expect, it } from 'vitest';
import type { TimelineEntryView } from '../../lib/bindings';
import { entryBody, entryFiles, kindsFor, MARKS, nextDay, pieces, utcOffsetMinutes } from './contacts';

function entry(data: Record<string, unknown>): TimelineEntryView {
  return { id: 1, at: '', kind: 'note', summary: '', invoice_id: null, invoice_number: null, data, refers_to: null, corrected_by: [], made_by: null };
}

describe('contacts helpers', () => {
  it('maps filter groups to timeline kinds', () => {
    expect(kindsFor(['calls', 'promises'])).toEqual(['call_logged', 'promise_recorded', 'promise_kept', 'promise_broken']);
    expect(kindsFor([])).toEqual([]);
  });
  it('adds a calendar day across month and year ends', () => {
    expect(nextDay('2026-11-30')).toBe('2026-12-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
  it('reads files from both conventions', () => {
    const f = entryFiles(entry({ files: [{ kind: 'eml', path: 'attachments/a.eml', sha256: 'ab', name: 'a.eml' }] }));
    expect(f).toEqual([{ kind: 'eml', path: 'attachments/a.eml', sha256: 'ab', name: 'a.eml' }]);
    const l = entryFiles(entry({ pdf: '/data/letters/x.pdf', sha256: 'cd' }));
    expect(l).toEqual([{ kind: 'pdf', path: '/data/letters/x.pdf', sha256: 'cd', name: 'x.pdf' }]);
  });
  it('shows the body, else the text, else the notes', () => {
    expect(entryBody(entry({ body: 'B', text: 'T' }))).toBe('B');
    expect(entryBody(entry({ notes: 'N' }))).toBe('N');
  });
  it('gives the offset east of UTC as positive minutes', () => {
    const d = new Date();
    expect(utcOffsetMinutes(d)).toBe(-d.getTimezoneOffset());
  });
});

describe('pieces', () => {
  it('splits a message around its marked variables', () => {
    expect(pieces(`Saved 3 entries: ${MARKS[0]}, ${MARKS[1]} and ${MARKS[2]}.`)).toEqual(['Saved 3 entries: ', ', ', ' and ', '.']);
    expect(pieces('no marks')).toEqual(['no marks']);
  });
});
