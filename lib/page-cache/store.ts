import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface CachedPage {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  gzip: Buffer;
  etag: string;
  tags: string[];
  storedAt: number;
}

/**
 * Reader pages kept in memory, least recently used out first, bounded by bytes. Entries carry
 * tags (see lib/cache-tags.ts); the newsroom invalidates by tag after every change it makes.
 */
export class PageCacheStore {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;
  hits = 0;
  misses = 0;
  /** Bumped by every invalidation: a render that began before one must not be stored after it. */
  generation = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.hits++;
    } else this.misses++;
    return entry;
  }

  set(key: string, page: Omit<CachedPage, 'gzip' | 'etag' | 'storedAt'>): CachedPage {
    this.delete(key);
    const entry: CachedPage = {
      ...page,
      gzip: gzipSync(page.body),
      etag: `"${createHash('sha1').update(page.body).digest('base64url')}"`,
      storedAt: Date.now(),
    };
    const size = entry.body.length + entry.gzip.length;
    if (size > this.maxBytes / 8) return entry; // one page never crowds out the rest
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
    return entry;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.body.length + entry.gzip.length;
    this.entries.delete(key);
  }

  /** Drops every page carrying any of the tags; returns how many were dropped. */
  invalidate(tags: string[]): number {
    this.generation++;
    const wanted = new Set(tags);
    let dropped = 0;
    for (const [key, entry] of this.entries) {
      if (entry.tags.some((t) => wanted.has(t))) {
        this.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  stats() {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      hits: this.hits,
      misses: this.misses,
      generation: this.generation,
    };
  }
}
