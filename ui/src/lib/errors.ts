import type { ApiError, ErrorCode } from './bindings';
import { hasMessage, i18n, t } from './i18n.svelte';

/** Turns anything a command rejected with into an `ApiError`. */
export function normaliseError(e: unknown): ApiError {
  if (e !== null && typeof e === 'object') {
    const o = e as Record<string, unknown>;
    if (typeof o.code === 'string' && typeof o.message === 'string') {
      const field = typeof o.field === 'string' && o.field !== '' ? o.field : null;
      // The backend only rejects with `ApiError`, whose codes are this union.
      return { code: o.code as ErrorCode, message: o.message, field };
    }
  }
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message, field: null };
}

/**
 * What to tell the user about `err` in their language. Rust words its
 * messages in English with the specifics (row, value); in another language the
 * catalogue's message for the error's code (`error-<code>`) says what is wrong
 * and what to do.
 */
export function errorMessage(err: ApiError): string {
  if (i18n.lang === 'en') return err.message;
  const id = `error-${err.code.replaceAll('_', '-')}`;
  return hasMessage(id) ? t(id) : err.message;
}

/** The message to show next to `field`, if the error belongs there. */
export function fieldError(err: ApiError | null, field: string): string | null {
  return err && err.field === field ? errorMessage(err) : null;
}

/** The message to show as a form-level alert: errors with no field, or a field the form does not show. */
export function formError(err: ApiError | null, knownFields: readonly string[]): string | null {
  if (!err) return null;
  if (err.field !== null && knownFields.includes(err.field)) return null;
  return errorMessage(err);
}
