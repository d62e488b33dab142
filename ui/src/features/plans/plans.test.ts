import { describe, expect, it } from 'vitest';
import { addDays, installmentLabel, isOpen, parseDates, planBadge, reminderLabel, reminderRule, startingTerms } from './plans';

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
