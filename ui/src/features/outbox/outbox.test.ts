import { describe, expect, it } from 'vitest';
import type { BackgroundSendProblem, ErrorCode, OutboxItem, SendProgress, SendReport } from '../../lib/bindings';
import { inUiLanguage } from '../../lib/test-language';
import {
  backgroundProblemText,
  emailStateBadge,
  itemError,
  needsAttention,
  OUTBOX_TABS,
  outboxActions,
  progressPercent,
  progressText,
  reportText,
  sendableCount,
  sendAllTitle,
  sendAllLabel,
  skippedText,
  statusText,
  stoppedText,
} from './outbox';

const progress = (over: Partial<SendProgress>): SendProgress => ({
  total: 5,
  done: 0,
  sent: 0,
  failed: 0,
  uncertain: 0,
  retrying: 0,
  current: null,
  ...over,
});
const report = (over: Partial<SendReport>): SendReport => ({
  sent: 0,
  failed: 0,
  uncertain: 0,
  retrying: 0,
  cancelled: 0,
  recovered: 0,
  stopped: null,
  ...over,
});

describe('emailStateBadge', () => {
  it('names every outbox state in plain words', () => {
    expect(emailStateBadge('queued')?.label).toBe('Queued');
    expect(emailStateBadge('sending')?.label).toBe('Sending…');
    expect(emailStateBadge('failed')?.label).toBe('Failed');
    expect(emailStateBadge('uncertain')?.label).toBe('May have been sent');
    expect(emailStateBadge('sent')?.label).toBe('Sent');
    expect(emailStateBadge('cancelled')?.label).toBe('Withdrawn');
  });
  it('flags the states that wait for a decision', () => {
    expect(emailStateBadge('failed')?.tone).toBe('attention');
    expect(emailStateBadge('uncertain')?.tone).toBe('attention');
    expect(needsAttention('failed')).toBe(true);
    expect(needsAttention('uncertain')).toBe(true);
    expect(needsAttention('queued')).toBe(false);
    expect(needsAttention(null)).toBe(false);
  });
  it('shows no badge without a state', () => {
    expect(emailStateBadge(null)).toBeNull();
    expect(emailStateBadge(undefined)).toBeNull();
  });
});

describe('outboxActions', () => {
  it('offers confirm or resend for a message that may have been sent', () => {
    expect(outboxActions('uncertain').map((a) => a.action)).toEqual(['confirm_sent', 'resend']);
    expect(outboxActions('uncertain')[0].label).toBe('It arrived — mark as sent');
  });
  it('offers try again or withdraw for a failed message, withdraw for a queued one', () => {
    expect(outboxActions('failed').map((a) => [a.action, a.label])).toEqual([
      ['resend', 'Try again'],
      ['cancel', 'Withdraw'],
    ]);
    expect(outboxActions('queued').map((a) => a.testid)).toEqual(['outbox-cancel']);
  });
  it('offers nothing for finished or in-flight messages', () => {
    for (const s of ['sent', 'cancelled', 'sending']) expect(outboxActions(s)).toEqual([]);
  });
  it('filters "Needs attention" to failed and uncertain', () => {
    expect(OUTBOX_TABS.find((t) => t.id === 'attention')?.states).toEqual(['failed', 'uncertain']);
    expect(OUTBOX_TABS.find((t) => t.id === 'all')?.states).toEqual([]);
  });
});

describe('progress', () => {
  it('computes a bounded percentage', () => {
    expect(progressPercent({ done: 0, total: 0 })).toBe(0);
    expect(progressPercent({ done: 2, total: 4 })).toBe(50);
    expect(progressPercent({ done: 9, total: 4 })).toBe(100);
    expect(progressPercent({ done: 1, total: 3 })).toBe(33);
  });
  it('names the message being sent and the outcomes so far', () => {
    expect(progressText(progress({ done: 1, sent: 1, current: 'ana@example.com' }))).toBe(
      'Sending 2 of 5 — to ana@example.com: 1 sent',
    );
    expect(progressText(progress({ done: 5, sent: 3, failed: 1, uncertain: 1 }))).toBe(
      '5 of 5 done: 3 sent, 1 failed, 1 may have been sent',
    );
    expect(progressText(progress({ done: 0, current: 'bo@example.com' }))).toBe('Sending 1 of 5 — to bo@example.com');
  });
});

describe('reportText', () => {
  it('summarises a batch and points at the outbox when needed', () => {
    expect(reportText(report({ sent: 3 }))).toBe('E-mails: 3 sent.');
    expect(reportText(report({ sent: 1, failed: 1 }))).toBe('E-mails: 1 sent, 1 failed. Please look at the outbox.');
    expect(reportText(report({ cancelled: 2 }))).toBe('E-mails: 2 withdrawn.');
    expect(reportText(report({}))).toBe('No e-mails were sent.');
    expect(reportText(report({ recovered: 1 }))).toContain('One message was interrupted earlier');
  });
  it('says why a batch stopped', () => {
    expect(stoppedText(null)).toBeNull();
    expect(stoppedText({ code: 'smtp_auth', message: 'The server refused the password.', field: 'password' })).toBe(
      'Sending stopped: The server refused the password.',
    );
  });
});

describe('today helpers', () => {
  it('lists the invoices a skipped message was for', () => {
    expect(skippedText({ invoice_numbers: ['INV-1', 'INV-2'], code: 'no_email', message: 'Ana has no e-mail address.' })).toBe(
      'INV-1, INV-2: Ana has no e-mail address.',
    );
    expect(skippedText({ invoice_numbers: [], code: 'no_email', message: 'Nothing.' })).toBe('Nothing.');
  });
  it('counts e-mail items not yet in the outbox', () => {
    const items = [
      { channel: 'email', email_state: null },
      { channel: 'email', email_state: 'failed' },
      { channel: 'letter', email_state: null },
      { channel: 'email', email_state: null },
    ];
    expect(sendableCount(items)).toBe(2);
    expect(sendAllLabel(2, false)).toBe('Send all e-mails (2)');
    expect(sendAllLabel(0, false)).toBe('Send all e-mails');
    expect(sendAllLabel(2, true)).toBe('Sending e-mails…');
  });
});

describe('backgroundProblemText', () => {
  const problem = (code: ErrorCode, retry = 30): BackgroundSendProblem => ({
    error: { code, message: 'The mail server refused the user name or password (535 authentication failed).', field: null },
    at: '2026-11-23T10:42:00Z',
    retry_in_minutes: retry,
  });
  it('says what happened, what to do and when Kindly tries again', () => {
    const t = backgroundProblemText(problem('smtp_auth'));
    expect(t.what).toContain('could not be sent in the background');
    expect(t.what).toContain('535 authentication failed');
    expect(t.todo).toContain('password in Settings');
    expect(t.todo).toContain('in 30 min');
    expect(t.settings).toBe(true);
  });
  it('points at the keychain, not the settings, when it is locked', () => {
    const t = backgroundProblemText(problem('keychain_locked', 1));
    expect(t.todo).toContain('Unlock');
    expect(t.settings).toBe(false);
  });
  it('has advice for an unknown code', () => {
    const t = backgroundProblemText(problem('database_busy', 120));
    expect(t.todo).toContain('outbox');
    expect(t.todo).toContain('about 2 h');
  });
});

describe('the Send all count', () => {
  it('says what it is made of', () => {
    expect(sendAllTitle({ new_messages: 3, invoices: 5, waiting: 0, total: 3 })).toBe('3 new messages about 5 invoices');
    expect(sendAllTitle({ new_messages: 1, invoices: 1, waiting: 2, total: 3 })).toBe(
      '1 new message about 1 invoice, plus 2 messages already waiting in the outbox',
    );
  });
});

describe('statusText and itemError', () => {
  const item = (over: Partial<OutboxItem>): OutboxItem => ({
    id: 1,
    message_id: '<m@x>',
    client_id: 1,
    client_name: 'Ana',
    invoice_numbers: ['INV-1'],
    stage_key: 'reminder',
    to: ['ana@example.com'],
    subject: 'Reminder',
    state: 'queued',
    attempts: 0,
    status_text: '',
    error_code: null,
    error: null,
    created_at: '2026-11-23T10:00:00Z',
    next_attempt_at: '2026-11-23T10:05:00Z',
    sending_at: null,
    sent_at: null,
    made_by: null,
    ...over,
  });
  it('says where a message stands from its state and times', () => {
    expect(statusText(item({}))).toBe('Waiting to be sent');
    expect(statusText(item({ attempts: 1 }))).toMatch(/^Will try again at 23 Nov 2026/);
    expect(statusText(item({ state: 'sent', sent_at: '2026-11-23T10:42:00Z' }))).toMatch(/^Sent 23 Nov 2026/);
    expect(statusText(item({ state: 'failed' }))).toBe('Not sent: needs your decision');
    expect(statusText(item({ state: 'cancelled' }))).toContain('Withdrawn');
  });
  it('shows the error as Rust worded it in English', () => {
    expect(itemError(item({}))).toBeNull();
    expect(itemError(item({ error_code: 'smtp_auth', error: 'The server refused the password.' }))).toBe(
      'The server refused the password.',
    );
  });
});

describe('in German', () => {
  inUiLanguage('de');
  it('words the buttons, counts and lists in German', () => {
    expect(sendAllLabel(2, false)).toBe('Alle E-Mails senden (2)');
    expect(reportText(report({ sent: 2, failed: 1, uncertain: 1 }))).toBe(
      'E-Mails: 2 gesendet, 1 fehlgeschlagen und 1 möglicherweise gesendet. Bitte sehen Sie im Postausgang nach.',
    );
    expect(sendAllTitle({ new_messages: 1, invoices: 2, waiting: 0, total: 1 })).toBe('1 neue Nachricht zu 2 Rechnungen');
    expect(OUTBOX_TABS.find((t) => t.id === 'sent')?.label).toBe('Gesendet');
  });
});
