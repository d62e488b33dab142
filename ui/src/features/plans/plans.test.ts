import { describe, expect, it } from 'vitest';
import { addDays, installmentLabel, isOpen, parseDates, planBadge, reminderLabel, reminderRule, standingText, startingTerms } from './plans';

describe('plan helpers', () => {
  it('labels a plan by its standing while active, else by its state', () => {
    expect(planBadge({ state: 'active', standing: 'late' })).toBe('Installment late');
    expect(planBadge({ state: 'active', standing: 'on_track' })).toBe('On track');
    expect(planBadge({ state: 'broken', standing: 'broken' })).toBe('Off track');
    expect(planBadge({ state: 'renegotiated', standing: 'renegotiated' })).toBe('Replaced');
  });

  it('knows which plans are still open', () => {
    expect((['proposed', 'active', 'broken'] as const).every((state) => isOpen({ state }))).toBe(true);
    expect((['completed', 'cancelled', 'renegotiated'] as const).some((state) => isOpen({ state }))).toBe(false);
  });

  it('adds calendar days across months, years and DST changes', () => {
    expect(addDays('2026-11-23', 7)).toBe('2026-11-30');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('not a date', 1)).toBe('not a date');
  });

  it('reads custom dates separated by commas, spaces or lines', () => {
    expect(parseDates('2026-12-01, 2027-01-15\n2027-02-15;')).toEqual(['2026-12-01', '2027-01-15', '2027-02-15']);
    expect(parseDates('  ')).toEqual([]);
  });

  it('says when installment reminders come', () => {
    expect(reminderRule({ heads_up_days: 3, reminder_days: 2 })).toBe(
      'Installment reminders: a heads-up 3 days before each installment; a reminder 2 days after, if unpaid.',
    );
    expect(reminderRule({ heads_up_days: 0, reminder_days: 1 })).toBe(
      'Installment reminders: a heads-up on the day each installment is due; a reminder 1 day after, if unpaid.',
    );
  });

  it('starts a renegotiation from the old plan terms, but not from its custom dates', () => {
    expect(startingTerms(null)).toEqual({ frequency: 'monthly', graceDays: '7', headsUpDays: '3', reminderDays: '2' });
    const old = { frequency: 'weekly' as const, grace_days: 0, heads_up_days: 0, reminder_days: 5 };
    expect(startingTerms(old)).toEqual({ frequency: 'weekly', graceDays: '0', headsUpDays: '0', reminderDays: '5' });
    expect(startingTerms({ ...old, frequency: 'custom' as const }).frequency).toBe('monthly');
  });

  it('has gentle labels', () => {
    expect(installmentLabel('partly_paid')).toBe('Partly paid');
    expect(reminderLabel('broken_notice')).toBe('Plan off track: courteous notice');
  });
});

describe('standingText', () => {
  const money = (amount: string) => ({ currency: 'EUR', amount, formatted: '', is_zero: Number(amount) === 0 });
  const inst = (seq: number, due_on: string, remaining: string) => ({
    seq,
    due_on,
    amount: money('100.00'),
    paid: money('0.00'),
    remaining: money(remaining),
    status: 'upcoming' as const,
  });
  const installments = [inst(1, '2026-12-01', '0.00'), inst(2, '2027-01-01', '33.34')];
  it('names the next installment not fully paid', () => {
    expect(standingText({ standing: 'on_track', grace_days: 7, installments })).toBe('On track: next installment €33.34 on 1 Jan 2027');
    expect(standingText({ standing: 'late', grace_days: 7, installments })).toBe(
      'An installment is late (€33.34 on 1 Jan 2027); within the 7-day grace period',
    );
  });
  it('needs no installment once the plan ended', () => {
    expect(standingText({ standing: 'completed', grace_days: 7, installments: [] })).toBe('Completed: every installment is paid');
    expect(standingText({ standing: 'on_track', grace_days: 7, installments: [] })).toBe('On track');
  });
});
