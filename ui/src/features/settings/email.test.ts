import { describe, expect, it } from 'vitest';
import type { ErrorCode, SmtpSettingsView } from '../../lib/bindings';
import { inUiLanguage } from '../../lib/test-language';
import { formFromView, inputFromForm, passwordStatus, placeSmtpError, portFor, smtpErrorField } from './email';

const view: SmtpSettingsView = {
  host: 'smtp.example.com',
  port: 587,
  security: 'starttls',
  username: 'me',
  from_name: 'Me',
  from_address: 'me@example.com',
  reply_to: '',
  bcc_self: false,
  trusted_certificate: '',
  timeout_secs: 30,
  configured: true,
  password_saved: true,
  keychain_problem: null,
};

describe('smtp form', () => {
  it('keeps the saved password when the box is left empty', () => {
    const f = formFromView(view);
    expect(f.password).toBe('');
    expect(inputFromForm(f).password).toBeNull();
    expect(inputFromForm({ ...f, password: ' new pw ' }).password).toBe(' new pw ');
  });
  it('trims addresses and turns an empty number box into null', () => {
    const f = { ...formFromView(view), host: ' smtp.example.com ', from_address: ' me@example.com ' };
    const input = inputFromForm({ ...f, timeout_secs: '' as unknown as number });
    expect(input.host).toBe('smtp.example.com');
    expect(input.from_address).toBe('me@example.com');
    expect(input.timeout_secs).toBeNull();
    expect(input.port).toBe(587);
  });
  it('follows the security choice with the usual port unless the user chose another', () => {
    expect(portFor('tls', 587)).toBe(465);
    expect(portFor('starttls', 465)).toBe(587);
    expect(portFor('plain', 587)).toBe(25);
    expect(portFor('tls', 2525)).toBe(2525);
    expect(portFor('tls', null)).toBe(465);
  });
  it('says where the password is', () => {
    expect(passwordStatus(view)).toContain('Saved in your system keychain');
    expect(passwordStatus({ password_saved: false, keychain_problem: null })).toBe('No password saved yet.');
    const locked = { code: 'keychain_locked' as const, message: 'The keychain is locked.', field: null };
    expect(passwordStatus({ password_saved: false, keychain_problem: locked })).toBe('The keychain is locked.');
  });
});

describe('smtpErrorField', () => {
  it('keeps the field the backend named', () => {
    expect(smtpErrorField({ code: 'invalid_email', message: 'x', field: 'reply_to' })).toBe('reply_to');
  });
  it('places connection errors next to the setting to check', () => {
    const at = (code: ErrorCode) => smtpErrorField({ code, message: 'x', field: null });
    expect(at('smtp_connect')).toBe('host');
    expect(at('smtp_dns')).toBe('host');
    expect(at('smtp_certificate')).toBe('trusted_certificate');
    expect(at('smtp_tls')).toBe('security');
    expect(at('keychain_locked')).toBe('password');
    expect(at('smtp_recipient_rejected')).toBe('to');
    expect(at('smtp_timeout')).toBeNull();
    expect(at('smtp_not_configured')).toBeNull();
    expect(smtpErrorField(null)).toBeNull();
  });
  it('keeps the message exactly', () => {
    const e = placeSmtpError({ code: 'smtp_connect', message: 'Could not connect to smtp.example.com:587.', field: null });
    expect(e).toEqual({ code: 'smtp_connect', message: 'Could not connect to smtp.example.com:587.', field: 'host' });
  });
});

// Regression (#18): the keychain's problem reached a German screen as Rust's English sentence.
describe('in German', () => {
  inUiLanguage('de');
  it('words the keychain problem from its code', () => {
    const locked = { code: 'keychain_locked' as const, message: 'the system keychain is locked; unlock it', field: null };
    expect(passwordStatus({ password_saved: false, keychain_problem: locked })).toMatch(/^Der Schlüsselbund des Systems ist gesperrt/);
  });
});
