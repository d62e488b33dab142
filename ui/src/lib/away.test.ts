import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from './bindings';
import { t } from './i18n.svelte';
import { inUiLanguage } from './test-language';

// Every command goes through `invoke`; here it answers what each test says.
const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...a: unknown[]) => invoke(...a) }));

const { api } = await import('./api');
const { away, noteError, retryDatabase, setAway, setDatabaseHost } = await import('./away.svelte');

const awayError: ApiError = {
  code: 'store_server_away',
  message: 'The team database at db.example:5432 cannot be reached; nothing was saved.',
  field: null,
};

beforeEach(() => {
  invoke.mockReset();
  away.away = false;
  away.retrying = false;
  away.generation = 0;
  setDatabaseHost('db.example:5432');
});

describe('the team database away banner', () => {
  it('shows when any command fails with store_server_away, and only then', async () => {
    invoke.mockRejectedValueOnce({ code: 'overpayment', message: 'too much', field: 'amount' });
    await expect(api.bootstrap()).rejects.toMatchObject({ code: 'overpayment' });
    expect(away.away).toBe(false);
    invoke.mockRejectedValueOnce(awayError);
    await expect(api.listClients({} as never)).rejects.toMatchObject({ code: 'store_server_away' });
    expect(away.away).toBe(true);
  });

  it('goes on Retry once the database answers, and the page is drawn again', async () => {
    noteError(awayError);
    invoke.mockResolvedValueOnce(null);
    expect(await retryDatabase(api.retryDatabase)).toBe(true);
    expect(invoke).toHaveBeenCalledWith('retry_database', undefined);
    expect(away.away).toBe(false);
    expect(away.generation).toBe(1);
  });

  it('stays when Retry finds the server still away (or fails otherwise)', async () => {
    noteError(awayError);
    invoke.mockRejectedValueOnce(awayError);
    expect(await retryDatabase(api.retryDatabase)).toBe(false);
    expect(away.away).toBe(true);
    invoke.mockRejectedValueOnce({ code: 'database_tls_failed', message: 'TLS', field: null });
    expect(await retryDatabase(api.retryDatabase)).toBe(false);
    expect(away.away).toBe(true);
    expect(away.generation).toBe(0);
    expect(away.retrying).toBe(false);
  });

  it('retries one at a time', async () => {
    noteError(awayError);
    let answer: (v: unknown) => void = () => {};
    invoke.mockReturnValueOnce(new Promise((r) => (answer = r)));
    const first = retryDatabase(api.retryDatabase);
    expect(away.retrying).toBe(true);
    expect(await retryDatabase(api.retryDatabase)).toBe(false);
    answer(null);
    expect(await first).toBe(true);
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it("follows the background sender's database-away event", () => {
    setAway(true);
    expect(away.away).toBe(true);
    setAway(false);
    expect(away.away).toBe(false);
    expect(away.generation).toBe(1);
    // Back when it was not away: nothing to draw again.
    setAway(false);
    expect(away.generation).toBe(1);
  });

  it('says plainly which server, that nothing was saved and that sending waits', () => {
    expect(t('app-server-away', { host: 'db.example:5432' })).toBe(
      'The team database at db.example:5432 cannot be reached. Nothing was saved; sending is paused until it is back.',
    );
  });
});

describe('the away banner in German', () => {
  inUiLanguage('de');
  it('names the server in the sentence', () => {
    const text = t('app-server-away', { host: 'db.example:5432' });
    expect(text).toContain('db.example:5432');
    expect(text).toContain('nichts gespeichert');
  });
});
