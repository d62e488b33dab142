// Shared wiring for a form field and its messages.

/** `aria-invalid` for an input: 'true' when it has an error (or is flagged invalid), otherwise absent. */
export function ariaInvalid(error: string | null | undefined, invalid = false): 'true' | undefined {
  return error || invalid ? 'true' : undefined;
}

/** `aria-describedby` for an input: its error while there is one, otherwise its hint (if any). */
export function describedBy(error: string | null | undefined, errorId: string, hintId?: string): string | undefined {
  return error ? errorId : hintId;
}

/** The attributes a field's control carries so assistive tech finds its error or hint. */
export type FieldAria = { 'aria-invalid': 'true' | undefined; 'aria-describedby': string | undefined };

/** What `Field` needs to label a control and show its hint and error. */
export type FieldProps<L, H> = {
  /** The control's id (the label points at it). */
  id: string;
  label: L;
  /** The error's field name (FieldError's test id is `error-{field}`). */
  field: string;
  error: string | null;
  /** Defaults to `{id}-error`. */
  errorId?: string;
  /** Shown under the control. */
  hint?: H;
  /** The hint's id; defaults to `{id}-hint` when there is a hint. Without `hint`, points at a hint shown elsewhere. */
  hintId?: string;
  /** Marks the control invalid even without its own error (e.g. a shared error). */
  invalid?: boolean;
};

const FIELD_KEYS = ['id', 'label', 'field', 'error', 'errorId', 'hint', 'hintId', 'invalid'] as const;

/** Splits a field component's props into `Field`'s and the rest (attributes for the control itself). */
export function splitFieldProps<L, H, R extends object>(
  props: FieldProps<L, H> & R,
): { field: FieldProps<L, H>; attrs: Omit<R, keyof FieldProps<L, H>> } {
  const field: Record<string, unknown> = {};
  const attrs: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if ((FIELD_KEYS as readonly string[]).includes(k)) field[k] = v;
    else attrs[k] = v;
  }
  return { field: field as FieldProps<L, H>, attrs: attrs as Omit<R, keyof FieldProps<L, H>> };
}
