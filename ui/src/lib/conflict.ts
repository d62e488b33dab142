// Two people editing the same client or draft invoice (issue #19): an edit
// carries the version it was made on, and the backend refuses one made on a
// version someone else has changed since (`changed_elsewhere`). The form then
// says who changed it and when, from the record as it is now, and offers to
// reload it (the user's unsaved edit is not merged into someone else's).
import type { ApiError } from './bindings';

/** What a reloaded record says about its last change. */
export type LastChange = { version: number; changed_by: string | null; changed_at: string | null };

/** The notice to show: who changed the record and when, already formatted. */
export type Conflict = { by: string | null; at: string | null; version: number };

/** True when `err` is the refusal of an edit made on an older version. */
export function isChangedElsewhere(err: ApiError | null | undefined): boolean {
  return err?.code === 'changed_elsewhere';
}

/**
 * The conflict notice from the record as it is now; `formatAt` shows the
 * RFC 3339 instant in the user's locale and time zone.
 */
export function conflictFrom(now: LastChange, formatAt: (rfc3339: string) => string): Conflict {
  const by = now.changed_by?.trim() ? now.changed_by : null;
  return { by, at: now.changed_at ? formatAt(now.changed_at) : null, version: now.version };
}

/** The catalogue message and its arguments for a conflict about `entity`. */
export function conflictMessage(
  entity: 'client' | 'invoice',
  c: Conflict,
): { id: string; args: Record<string, string> } {
  const who = c.by === null ? 'someone' : 'named';
  return { id: `conflict-${entity}-${who}`, args: { name: c.by ?? '', time: c.at ?? '' } };
}
