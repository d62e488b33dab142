// Rows fetched page by page (by offset) as the virtual list asks for them.
import type { ApiError, Page } from './bindings';
import { normaliseError } from './errors';
import { pagesFor } from './virtual';

export class PagedRows<T> {
  total = $state(0);
  loaded = $state(false);
  error = $state<ApiError | null>(null);
  /** Bumped when a page arrives so readers of `get` update. */
  version = $state(0);

  #pages = new Map<number, T[]>();
  #inflight = new Set<number>();
  #gen = 0;
  #fetch: (offset: number, limit: number) => Promise<Page<T>>;
  readonly pageSize: number;

  constructor(fetch: (offset: number, limit: number) => Promise<Page<T>>, pageSize = 100) {
    this.#fetch = fetch;
    this.pageSize = pageSize;
  }

  /** Forget everything (the query changed) and load the first page. */
  reset(): void {
    this.#gen++;
    this.#pages.clear();
    this.#inflight.clear();
    this.error = null;
    this.loaded = false;
    this.version = this.version + 1;
    void this.#load(0);
  }

  get(index: number): T | undefined {
    void this.version;
    return this.#pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Every row loaded so far, in order (for look-ups across the loaded pages). */
  loadedRows(): T[] {
    void this.version;
    return [...this.#pages.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, rows]) => rows);
  }

  /** Make sure rows [start, end) are loaded or loading. */
  ensure(start: number, end: number): void {
    for (const p of pagesFor(start, end, this.pageSize)) {
      if (!this.#pages.has(p) && !this.#inflight.has(p)) void this.#load(p);
    }
  }

  async #load(page: number): Promise<void> {
    const gen = this.#gen;
    this.#inflight.add(page);
    try {
      const res = await this.#fetch(page * this.pageSize, this.pageSize);
      if (gen !== this.#gen) return;
      this.#pages.set(page, res.rows);
      this.total = res.total;
      this.loaded = true;
      this.error = null;
      this.version = this.version + 1;
    } catch (e) {
      if (gen === this.#gen) this.error = normaliseError(e);
    } finally {
      if (gen === this.#gen) this.#inflight.delete(page);
    }
  }
}
