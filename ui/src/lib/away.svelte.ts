// The team database being away (issue #19): any command that fails with
// `store_server_away` (or the background sender's `database-away` event)
// shows one banner naming the server, with a Retry. Nothing is kept aside
// meanwhile: what failed was not saved, and sending waits for the server.
// Retry asks the backend to reach the database again (opening it if it was
// away at start); when it answers, the banner goes and the page is drawn
// again (`generation`).
import type { ApiError } from './bindings';
import { normaliseError } from './errors';

export const away = $state<{ away: boolean; host: string | null; retrying: boolean; generation: number }>({
  away: false,
  host: null,
  retrying: false,
  generation: 0,
});

/** Every command's error passes here: the server being away shows the banner. */
export function noteError(err: ApiError): void {
  if (err.code === 'store_server_away') away.away = true;
}

/** The team database's server (`host:port`), for the banner; null on a local file. */
export function setDatabaseHost(host: string | null): void {
  away.host = host;
}

/** The sender saw the server go (true) or come back (false). */
export function setAway(isAway: boolean): void {
  if (isAway) away.away = true;
  else markBack();
}

function markBack(): void {
  if (!away.away) return;
  away.away = false;
  away.generation += 1;
}

/**
 * Retry: `check` reaches the database (the `retry_database` command). True
 * when it answered (the banner goes); false when it is still away or failed
 * otherwise (the banner stays). One retry at a time.
 */
export async function retryDatabase(check: () => Promise<unknown>): Promise<boolean> {
  if (away.retrying) return false;
  away.retrying = true;
  try {
    await check();
    markBack();
    return true;
  } catch (e) {
    noteError(normaliseError(e));
    return false;
  } finally {
    away.retrying = false;
  }
}
