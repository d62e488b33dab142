import { describe, expect, it } from 'vitest';
import { ariaInvalid, describedBy, splitFieldProps } from './field';

describe('ariaInvalid', () => {
  it('is "true" only with an error or an explicit flag', () => {
    expect(ariaInvalid('Required')).toBe('true');
    expect(ariaInvalid(null)).toBeUndefined();
    expect(ariaInvalid(undefined)).toBeUndefined();
    expect(ariaInvalid('')).toBeUndefined();
    expect(ariaInvalid(null, true)).toBe('true');
    expect(ariaInvalid(null, false)).toBeUndefined();
  });
});

describe('describedBy', () => {
  it('points at the error while there is one', () => {
    expect(describedBy('Required', 'f-error', 'f-hint')).toBe('f-error');
    expect(describedBy('Required', 'f-error')).toBe('f-error');
  });
  it('falls back to the hint, or nothing', () => {
    expect(describedBy(null, 'f-error', 'f-hint')).toBe('f-hint');
    expect(describedBy('', 'f-error', 'f-hint')).toBe('f-hint');
    expect(describedBy(null, 'f-error')).toBeUndefined();
  });
});

describe('splitFieldProps', () => {
  it('separates the field chrome from the control attributes', () => {
    const { field, attrs } = splitFieldProps({
      id: 'f',
      label: 'Name',
      field: 'name',
      error: null,
      hint: 'h',
      hintId: 'f-h',
      errorId: 'f-e',
      invalid: true,
      placeholder: 'p',
      'data-testid': 't',
    });
    expect(field).toEqual({ id: 'f', label: 'Name', field: 'name', error: null, hint: 'h', hintId: 'f-h', errorId: 'f-e', invalid: true });
    expect(attrs).toEqual({ placeholder: 'p', 'data-testid': 't' });
  });
  it('leaves out the optional parts that were not given', () => {
    const { field, attrs } = splitFieldProps({ id: 'f', label: 'L', field: 'x', error: 'bad', type: 'date' });
    expect(field).toEqual({ id: 'f', label: 'L', field: 'x', error: 'bad' });
    expect(attrs).toEqual({ type: 'date' });
  });
});
