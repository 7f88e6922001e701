/**
 * Embedded engines (DuckDB, PGlite) must be opened once per file per process: a second open of
 * the same file would fight over its lock or corrupt it. Adapters acquire the shared handle and
 * release it on close; the last release closes a file-backed handle (freeing the file for other
 * processes). In-memory handles stay open for the life of the process, so what one adapter
 * wrote is still there for the next one opened after it closed.
 */
export class SharedHandles<T> {
  private readonly entries = new Map<string, { handle: Promise<T>; users: number }>();

  constructor(
    private readonly open: (key: string) => Promise<T>,
    private readonly close: (handle: T) => Promise<void>,
    private readonly inMemory: (key: string) => boolean,
  ) {}

  async acquire(key: string): Promise<T> {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = { handle: this.open(key), users: 0 };
      this.entries.set(key, entry);
    }
    entry.users++;
    try {
      return await entry.handle;
    } catch (error) {
      // A failed open (locked file, bad path) must not poison the cache for a later retry.
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw error;
    }
  }

  async release(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (entry === undefined || --entry.users > 0 || this.inMemory(key)) return;
    this.entries.delete(key);
    await this.close(await entry.handle);
  }
}
