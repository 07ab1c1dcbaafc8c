import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface CachedPage {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
  tags: string[];
  storedAt: number;
  /** Set by an invalidation (or a render that raced one): served only while a fresh copy renders. */
  stale: boolean;
}

export type PageInput = Pick<CachedPage, 'status' | 'headers' | 'body' | 'tags'>;

export interface PageCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  staleHits: number;
  misses: number;
  coalesced: number;
  stored: number;
  evicted: number;
  invalidations: number;
  generation: number;
}

/**
 * Reader pages kept in memory, least recently used out first, bounded by bytes (the plain body
 * and its gzip and brotli copies all count). Entries carry tags (see lib/cache-tags.ts); an
 * invalidation marks the pages carrying a tag stale instead of dropping them, so that during a
 * spike one request renders the fresh page while the others are still answered at once.
 */
export class PageCacheStore {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;
  private readonly counters = {
    hits: 0,
    staleHits: 0,
    misses: 0,
    coalesced: 0,
    stored: 0,
    evicted: 0,
    invalidations: 0,
  };
  /** Bumped by every invalidation: a render that began before one is stored as stale. */
  generation = 0;

  constructor(
    private readonly maxBytes = 64 * 1024 * 1024,
    /** After this long a page counts as stale even with no invalidation (most-read, "2 hours ago"). */
    private readonly maxAgeMs = 60_000,
  ) {}

  /** Looks a page up without counting; marks it most recently used. */
  peek(key: string, now = Date.now()): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order: re-inserting marks the entry as most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (!entry.stale && now - entry.storedAt > this.maxAgeMs) entry.stale = true;
    return entry;
  }

  count(kind: 'hits' | 'staleHits' | 'misses' | 'coalesced'): void {
    this.counters[kind]++;
  }

  set(key: string, page: PageInput, options: { stale?: boolean } = {}): CachedPage {
    this.delete(key);
    const entry: CachedPage = {
      ...page,
      gzip: gzipSync(page.body, { level: 6 }),
      br: brotliCompressSync(page.body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: page.body.length,
        },
      }),
      etag: `"${createHash('sha1').update(page.body).digest('base64url')}"`,
      storedAt: Date.now(),
      stale: options.stale ?? false,
    };
    const size = sizeOf(entry);
    if (size > this.maxBytes / 8) return entry; // one page never crowds out the rest
    this.entries.set(key, entry);
    this.bytes += size;
    this.counters.stored++;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
      this.counters.evicted++;
    }
    return entry;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= sizeOf(entry);
    this.entries.delete(key);
  }

  /** Marks every page carrying any of the tags stale; returns how many it marked. */
  invalidate(tags: string[]): number {
    this.generation++;
    this.counters.invalidations++;
    const wanted = new Set(tags);
    let marked = 0;
    for (const entry of this.entries.values()) {
      if (!entry.stale && entry.tags.some((t) => wanted.has(t))) {
        entry.stale = true;
        marked++;
      }
    }
    return marked;
  }

  /** Marks everything stale (a change this process cannot describe by tags). */
  invalidateAll(): void {
    this.generation++;
    this.counters.invalidations++;
    for (const entry of this.entries.values()) entry.stale = true;
  }

  stats(): PageCacheStats {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
      ...this.counters,
      generation: this.generation,
    };
  }
}

function sizeOf(entry: CachedPage): number {
  return entry.body.length + entry.gzip.length + entry.br.length;
}
