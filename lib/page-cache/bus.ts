/** "Pages carrying these tags changed", or "everything may have changed". */
export type Invalidation = { tags: string[] } | { all: true };

/**
 * How invalidations reach every page cache. One process uses the in-memory bus below; several
 * instances behind a load balancer need a bus that carries the same messages between them
 * (PostgreSQL LISTEN/NOTIFY, Redis pub/sub), and nothing else in the cache has to change.
 */
export interface InvalidationBus {
  publish(message: Invalidation): void;
  subscribe(listener: (message: Invalidation) => void): () => void;
}

export class LocalInvalidationBus implements InvalidationBus {
  private readonly listeners = new Set<(message: Invalidation) => void>();

  publish(message: Invalidation): void {
    for (const listener of this.listeners) listener(message);
  }

  subscribe(listener: (message: Invalidation) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
