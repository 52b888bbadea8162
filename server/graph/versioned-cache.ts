/**
 * Answers of whole-graph aggregations, each kept under the database version it was computed at
 * (the bookmark of a read: it moves with every committed write, ingest and group recomputation
 * included). A new version makes every older answer unreachable; concurrent requests for the
 * same answer share one computation.
 */
export class VersionedCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly maxEntries = 64) {}

  get<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const entryKey = `${version}\u0000${key}`;
    const cached = this.entries.get(entryKey) as Promise<T> | undefined;
    if (cached) {
      // Most recently used last, so the oldest entry is the first to go.
      this.entries.delete(entryKey);
      this.entries.set(entryKey, cached);
      return cached;
    }
    const computing = compute();
    this.entries.set(entryKey, computing);
    computing.catch(() => this.entries.delete(entryKey));
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return computing;
  }
}
