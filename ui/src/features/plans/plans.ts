// Pure helpers for the installment plan screens (no money arithmetic here:
// amounts, sums and the remainder rule come from the backend).
import type { Frequency, InstallmentStatus, PlanView, ReminderKind } from '../../lib/bindings';
import { formatDate, formatMoney } from '../../lib/format';
import { t } from '../../lib/i18n.svelte';
import { labels } from '../../lib/vocabulary';

/** The badge text for a plan: its standing (the state once it is not active). */
export function planBadge(p: Pick<PlanView, 'state' | 'standing'>): string {
  return p.state === 'active' ? labels.planStanding[p.standing] : labels.planState[p.state];
}

export function installmentLabel(status: InstallmentStatus): string {
  return labels.installmentStatus[status];
}

export function reminderLabel(kind: ReminderKind): string {
  return labels.reminderKind[kind];
}

/** When a plan's installment reminders come, in words. */
export function reminderRule(p: Pick<PlanView, 'heads_up_days' | 'reminder_days'>): string {
  return t('plans-reminder-rule', { headsUp: p.heads_up_days, reminder: p.reminder_days });
}

/**
 * Where a plan stands, in a sentence ("On track: next installment €33.34 on
 * 1 Jan 2027"), from its standing and its first installment not fully paid
 * (Rust's `standing_text` is English only).
 */
export function standingText(p: Pick<PlanView, 'standing' | 'grace_days' | 'installments'>): string {
  const current = p.installments.find((i) => !i.remaining.is_zero);
  const next = current ? { amount: formatMoney(current.remaining), date: formatDate(current.due_on) } : null;
  switch (p.standing) {
    case 'completed':
      return t('plans-standing-completed');
    case 'renegotiated':
      return t('plans-standing-renegotiated');
    case 'cancelled':
      return t('plans-standing-cancelled');
  }
  if (!next) return t('plans-standing-plain', { standing: p.standing });
  switch (p.standing) {
    case 'proposed':
      return t('plans-standing-proposed', next);
    case 'on_track':
      return t('plans-standing-on-track', next);
    case 'late':
      return t('plans-standing-late', { ...next, days: p.grace_days });
    case 'broken':
      return t('plans-standing-broken', next);
  }
}

type Terms = Pick<PlanView, 'frequency' | 'grace_days' | 'heads_up_days' | 'reminder_days'>;

/**
 * The plan form's starting values, as typed text: a renegotiation keeps the
 * old plan's terms, except custom dates (mostly in the past by then).
 */
export function startingTerms(old: Terms | null): {
  frequency: Frequency;
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
