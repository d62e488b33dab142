// Pure helpers for the installment plan screens (no money arithmetic here:
// amounts, sums and the remainder rule come from the backend).
import type { PlanView } from '../../lib/bindings';

export const FREQUENCIES = [
  { value: 'weekly', label: 'Weekly' },
  { value: 'fortnightly', label: 'Every two weeks' },
  { value: 'monthly', label: 'Monthly' },
  { value: 'custom', label: 'Custom dates' },
] as const;

export const AGREED_HOW = [
  { value: 'call', label: 'On the phone' },
  { value: 'email', label: 'By e-mail' },
  { value: 'letter', label: 'By letter' },
  { value: 'in_person', label: 'In person' },
] as const;

const STATES: Record<string, string> = {
  proposed: 'Proposed',
  active: 'Active',
  on_track: 'On track',
  late: 'Installment late',
  broken: 'Off track',
  completed: 'Completed',
  renegotiated: 'Replaced',
  cancelled: 'Cancelled',
};

/** The badge text for a plan: its standing while active, else its state. */
export function planBadge(p: Pick<PlanView, 'state' | 'standing'>): string {
  return STATES[p.state === 'active' ? p.standing : p.state] ?? p.state;
}

const INSTALLMENT: Record<string, string> = {
  paid: 'Paid',
  partly_paid: 'Partly paid',
  upcoming: 'Upcoming',
  due_today: 'Due today',
  late: 'Late',
};

export function installmentLabel(status: string): string {
  return INSTALLMENT[status] ?? status;
}

const REMINDERS: Record<string, string> = {
  heads_up: 'Installment heads-up',
  reminder: 'Installment reminder',
  broken_notice: 'Plan off track: courteous notice',
};

export function reminderLabel(kind: string): string {
  return REMINDERS[kind] ?? kind;
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** When a plan's installment reminders come, in words. */
export function reminderRule(p: Pick<PlanView, 'heads_up_days' | 'reminder_days'>): string {
  const before = p.heads_up_days === 0 ? 'on the day each installment is due' : `${days(p.heads_up_days)} before each installment`;
  return `Installment reminders: a heads-up ${before}; a reminder ${days(p.reminder_days)} after, if unpaid.`;
}

type Terms = Pick<PlanView, 'frequency' | 'grace_days' | 'heads_up_days' | 'reminder_days'>;

/**
 * The plan form's starting values, as typed text: a renegotiation keeps the
 * old plan's terms, except custom dates (mostly in the past by then).
 */
export function startingTerms(old: Terms | null): {
  frequency: string;
  graceDays: string;
  headsUpDays: string;
  reminderDays: string;
} {
  return {
    frequency: old && old.frequency !== 'custom' ? old.frequency : 'monthly',
    graceDays: String(old?.grace_days ?? 7),
    headsUpDays: String(old?.heads_up_days ?? 3),
    reminderDays: String(old?.reminder_days ?? 2),
  };
}

/** An open plan (proposed, active or broken) blocks a new plan on its invoices. */
export function isOpen(p: Pick<PlanView, 'state'>): boolean {
  return p.state === 'proposed' || p.state === 'active' || p.state === 'broken';
}

/** A calendar date `days` after `ymd` (YYYY-MM-DD), computed in UTC so DST cannot shift it. */
export function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number);
  if (!y || !m || !d) return ymd;
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** Custom dates typed as a list ("2026-12-01, 2027-01-15" or one per line). */
export function parseDates(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
