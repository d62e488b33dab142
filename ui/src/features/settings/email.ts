// Pure helpers for the e-mail (SMTP) settings form: tested in email.test.ts.
import { SecurityValues, type ApiError, type Security, type SmtpSettingsInput, type SmtpSettingsView } from '../../lib/bindings';
import { errorMessage } from '../../lib/errors';
import { t } from '../../lib/i18n.svelte';
import { labels, options } from '../../lib/vocabulary';

/** The usual port of each way to secure the connection. */
export const SECURITY_PORTS = { starttls: 587, tls: 465, plain: 25 } satisfies Record<Security, number>;

/** The security choices, labelled from the catalogue. */
export const SECURITY_OPTIONS = options(SecurityValues, labels.security);

/** The fields the form shows; an error for any other field is shown at the top of the form. */
export const SMTP_FIELDS = [
  'host',
  'port',
  'security',
  'username',
  'password',
  'from_name',
  'from_address',
  'reply_to',
  'trusted_certificate',
  'timeout_secs',
  'to',
] as const;

/** The form's state: the view's settings plus the password box (empty = keep the saved one). */
export type SmtpForm = Omit<SmtpSettingsInput, 'password' | 'timeout_secs'> & {
  password: string;
  timeout_secs: number | null;
};

export function formFromView(v: SmtpSettingsView): SmtpForm {
  return {
    host: v.host,
    port: v.port,
    security: v.security,
    username: v.username,
    password: '',
    from_name: v.from_name,
    from_address: v.from_address,
    reply_to: v.reply_to,
    bcc_self: v.bcc_self,
    trusted_certificate: v.trusted_certificate,
    timeout_secs: v.timeout_secs,
  };
}

/** What to send: an empty password box keeps the saved password (null), anything typed replaces it. */
export function inputFromForm(f: SmtpForm): SmtpSettingsInput {
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    host: f.host.trim(),
    port: num(f.port) ?? 0,
    security: f.security,
    username: f.username.trim(),
    from_name: f.from_name,
    from_address: f.from_address.trim(),
    reply_to: f.reply_to.trim(),
    bcc_self: f.bcc_self,
    trusted_certificate: f.trusted_certificate.trim(),
    timeout_secs: num(f.timeout_secs),
    password: f.password === '' ? null : f.password,
  };
}

/**
 * The field an e-mail error belongs next to. The backend names a field for
 * most errors; the connection-level ones are placed here by their code so
 * the user sees which setting to look at.
 */
export function smtpErrorField(err: ApiError | null): string | null {
  if (!err) return null;
  if (err.field) return err.field;
  switch (err.code) {
    case 'smtp_dns':
    case 'smtp_connect':
      return 'host';
    case 'smtp_certificate':
      return 'trusted_certificate';
    case 'smtp_tls':
      return 'security';
    case 'smtp_auth':
    case 'password_missing':
    case 'keychain_unavailable':
    case 'keychain_locked':
      return 'password';
    case 'smtp_sender_rejected':
      return 'from_address';
    case 'smtp_recipient_rejected':
      return 'to';
    default:
      return null;
  }
}

/** The error with its field filled in by `smtpErrorField`, for FieldError/FormError. */
export function placeSmtpError(err: ApiError | null): ApiError | null {
  return err ? { ...err, field: smtpErrorField(err) } : null;
}

/** The port that goes with a security choice, when the user has not picked another one. */
export function portFor(security: Security, current: number | null): number | null {
  const defaults: number[] = Object.values(SECURITY_PORTS);
  const next = SECURITY_PORTS[security];
  if (next === undefined) return current;
  return current === null || defaults.includes(current) ? next : current;
}

/** The line under the password box. */
export function passwordStatus(v: Pick<SmtpSettingsView, 'password_saved' | 'keychain_problem'>): string {
  if (v.keychain_problem) return errorMessage(v.keychain_problem);
  return v.password_saved ? t('settings-email-password-saved') : t('settings-email-password-none');
}
