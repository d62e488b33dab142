import { describe, expect, it } from 'vitest';
import { fieldError, formError, normaliseError } from './errors';
import type { ApiError } from './bindings';

describe('normaliseError', () => {
  it('keeps an ApiError as it is', () => {
    const e = { code: 'overpayment', message: 'That is more than is still owing.', field: 'amount' };
    expect(normaliseError(e)).toEqual(e);
  });

  it('treats a missing or empty field as form-level', () => {
    expect(normaliseError({ code: 'x', message: 'm' })).toEqual({ code: 'x', message: 'm', field: null });
    expect(normaliseError({ code: 'x', message: 'm', field: '' }).field).toBeNull();
  });

  it('wraps anything else as internal', () => {
    expect(normaliseError('boom')).toEqual({ code: 'internal', message: 'boom', field: null });
    expect(normaliseError(new Error('lost'))).toEqual({ code: 'internal', message: 'lost', field: null });
    expect(normaliseError(undefined)).toEqual({ code: 'internal', message: 'undefined', field: null });
    expect(normaliseError({ message: 42 }).code).toBe('internal');
  });
});

describe('fieldError / formError', () => {
  const amount: ApiError = { code: 'overpayment', message: 'Too much', field: 'amount' };
  const global: ApiError = { code: 'disk_full', message: 'Disk full', field: null };
  const other: ApiError = { code: 'internal', message: 'Odd', field: 'colour' };

  it('puts a known field next to its input', () => {
    expect(fieldError(amount, 'amount')).toBe('Too much');
    expect(fieldError(amount, 'date')).toBeNull();
    expect(formError(amount, ['amount', 'date'])).toBeNull();
  });

  it('shows unknown or missing fields at form level', () => {
    expect(formError(global, ['amount'])).toBe('Disk full');
    expect(formError(other, ['amount'])).toBe('Odd');
    expect(formError(null, ['amount'])).toBeNull();
  });
});
