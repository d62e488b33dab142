import type { ApiError, ErrorCode } from './bindings';

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

/** The message to show next to `field`, if the error belongs there. */
export function fieldError(err: ApiError | null, field: string): string | null {
  return err && err.field === field ? err.message : null;
}

/** The message to show as a form-level alert: errors with no field, or a field the form does not show. */
export function formError(err: ApiError | null, knownFields: readonly string[]): string | null {
  if (!err) return null;
  if (err.field !== null && knownFields.includes(err.field)) return null;
  return err.message;
}
