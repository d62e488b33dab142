import { describe, expect, it } from 'vitest';
import type { QueueItem, StageView } from '../../lib/bindings';
import {
  daysBetween,
  dueLabel,
  formatDay,
  groupByClient,
  insertAt,
  nextStage,
  offsetError,
  offsetLabel,
  placeholderText,
  sameClientOthers,
} from './followups';

const money = { currency: 'EUR', amount: '10.00', formatted: '€10.00', is_zero: false };
const stage: StageView = { key: 'first', name: 'First reminder', offset_days: 7, tone: 'friendly', channel: 'email' };
function item(invoice_id: number, client_id: number, extra: Partial<QueueItem> = {}): QueueItem {
  return {
    invoice_id,
    number: `INV-${invoice_id}`,
    client_id,
    client_name: `Client ${client_id}`,
    stage,
    stage_date: '2026-03-08',
    due_date: '2026-03-01',
    days_overdue: 7,
    outstanding: money,
    channel: 'email',
    email: null,
    phone: null,
    email_state: null,
    outbox_id: null,
    letter_state: null,
    letter_reason: null,
    letter_batch_id: null,
    ...extra,
  };
}

describe('bundling', () => {
  const items = [item(1, 10), item(2, 20), item(3, 10), item(4, 10), item(3, 10)];

  it('finds the other invoices of the same client once each', () => {
    expect(sameClientOthers(items, items[0]).map((i) => i.invoice_id)).toEqual([3, 4]);
    expect(sameClientOthers(items, items[1])).toEqual([]);
  });

  it('groups by client in order of first appearance', () => {
    const g = groupByClient(items.slice(0, 4));
    expect(g.map((x) => x.client_id)).toEqual([10, 20]);
    expect(g[0].items.map((i) => i.invoice_id)).toEqual([1, 3, 4]);
  });
});

describe('insertAt', () => {
  it('inserts at the caret and puts the caret after it', () => {
    expect(insertAt('Hello !', 6, 6, placeholderText('name'))).toEqual({ text: 'Hello {{ name }}!', caret: 16 });
  });
  it('replaces a selection', () => {
    expect(insertAt('Dear X,', 5, 6, '{{ greeting }}')).toEqual({ text: 'Dear {{ greeting }},', caret: 19 });
  });
  it('clamps stale positions', () => {
    expect(insertAt('ab', 10, 20, 'c')).toEqual({ text: 'abc', caret: 3 });
    expect(insertAt('ab', 2, 0, 'c')).toEqual({ text: 'abc', caret: 3 });
    expect(insertAt('ab', NaN, NaN, 'c')).toEqual({ text: 'abc', caret: 3 });
  });
});

describe('dates', () => {
  it('counts days across month ends', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3);
  });
  it('describes overdue and not-yet-due items', () => {
    expect(dueLabel({ days_overdue: 1, due_date: '2026-03-01' }, '2026-03-02')).toBe('1 day overdue');
    expect(dueLabel({ days_overdue: 0, due_date: '2026-03-05' }, '2026-03-02')).toBe('due in 3 days');
    expect(dueLabel({ days_overdue: 0, due_date: '2026-03-03' }, '2026-03-02')).toBe('due tomorrow');
    expect(dueLabel({ days_overdue: 0, due_date: '2026-03-02' }, '2026-03-02')).toBe('due today');
  });
  it('formats the heading date as a calendar day', () => {
    const s = formatDay('2026-03-02', 'en-GB');
    expect(s).toMatch(/^Monday,? 2 March 2026$/);
  });
});

describe('offsetLabel', () => {
  it('says before, on or after the due date', () => {
    expect(offsetLabel(-3)).toBe('3 days before due');
    expect(offsetLabel(0)).toBe('on the due date');
    expect(offsetLabel(7)).toBe('7 days after due');
  });
  it('uses the singular for one day', () => {
    expect(offsetLabel(1)).toBe('1 day after due');
    expect(offsetLabel(-1)).toBe('1 day before due');
  });
  it('treats -0 as the due date and shows nothing for a non-number', () => {
    expect(offsetLabel(-0)).toBe('on the due date');
    expect(offsetLabel(Number.NaN)).toBe('');
  });
});

describe('nextStage', () => {
  it('follows the last stage a week later', () => {
    const s = nextStage([stage]);
    expect(s).toEqual({ key: '', name: 'New stage', offset_days: 14, tone: 'friendly', channel: 'email' });
  });
  it('starts a week after due on an empty ladder', () => {
    expect(nextStage([])).toMatchObject({ offset_days: 7, tone: 'courteous', channel: 'email' });
  });
});

describe('offsetError', () => {
  it('accepts whole days', () => {
    expect(offsetError([stage, { ...stage, offset_days: -3 }])).toBeNull();
  });
  it('names the first stage whose days are empty or fractional', () => {
    const empty = { ...stage, offset_days: null as unknown as number };
    expect(offsetError([stage, empty])).toMatchObject({ field: 'offset_days', message: 'Stage 2: days must be a whole number.' });
    expect(offsetError([{ ...stage, offset_days: 1.5 }])?.message).toBe('Stage 1: days must be a whole number.');
  });
});
