import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Date.now as Node has it: Next wraps the global once its server loads, a cost on every hit. */
const wallClock = Date.now;

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
  /**
   * Set by an invalidation that reached only the page's chrome (its `~` tags: the ticker, the
   * header): re-rendered when the server has a render to spare, served as it is meanwhile.
   */
  softStale: boolean;
}

export type PageInput = Pick<CachedPage, 'status' | 'headers' | 'body' | 'tags'>;

type Reach = 'hard' | 'soft' | null;

/** How far an invalidation of `wanted` (null: everything) reaches a page carrying `tags`. */
function reach(tags: string[], wanted: Set<string> | null): Reach {
  if (wanted === null) return 'hard';
  let soft = false;
  for (const tag of tags) {
    if (wanted.has(tag)) return 'hard';
    if (tag.startsWith('~') && wanted.has(tag.slice(1))) soft = true;
  }
  return soft ? 'soft' : null;
}

/** How many recent invalidations are remembered for renders still under way. */
const REMEMBERED = 512;

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
  /** Bumped by every invalidation. */
  generation = 0;
  /** The latest invalidations (generation, tags or null for everything), oldest first. */
  private readonly recent: { generation: number; tags: Set<string> | null }[] = [];

  constructor(
    private readonly maxBytes = 64 * 1024 * 1024,
    /** After this long a page counts as stale even with no invalidation (most-read, "2 hours ago"). */
    private readonly maxAgeMs = 60_000,
  ) {}

  /** Looks a page up without counting; marks it most recently used. */
  peek(key: string, now = wallClock()): CachedPage | undefined {
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

  /**
   * How the invalidations made since `generation` reach a page carrying `tags` — a render that
   * began at `generation` stores its page stale only when one of them concerns it. Invalidations
   * too old to be remembered count as reaching it.
   */
  changedSince(generation: number, tags: string[]): Reach {
    if (generation === this.generation) return null;
    const oldest = this.recent[0];
    if (!oldest || oldest.generation > generation + 1) return 'hard';
    let result: Reach = null;
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const entry = this.recent[i]!;
      if (entry.generation <= generation) break;
      const r = reach(tags, entry.tags);
      if (r === 'hard') return 'hard';
      result ??= r;
    }
    return result;
  }

  set(key: string, page: PageInput, options: { stale?: boolean; softStale?: boolean } = {}): CachedPage {
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
      storedAt: wallClock(),
      stale: options.stale ?? false,
      softStale: options.softStale ?? false,
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

  private remember(tags: Set<string> | null): void {
    this.generation++;
    this.counters.invalidations++;
    this.recent.push({ generation: this.generation, tags });
    if (this.recent.length > REMEMBERED) this.recent.shift();
  }

  /**
   * Marks every page carrying any of the tags stale, and those carrying one only softly (`~tag`)
   * softly stale; returns how many it marked stale.
   */
  invalidate(tags: string[]): number {
    const wanted = new Set(tags);
    this.remember(wanted);
    let marked = 0;
    for (const entry of this.entries.values()) {
      if (entry.stale) continue;
      const r = reach(entry.tags, wanted);
      if (r === 'hard') {
        entry.stale = true;
        marked++;
      } else if (r === 'soft') entry.softStale = true;
    }
    return marked;
  }

  /** Marks everything stale (a change this process cannot describe by tags). */
  invalidateAll(): void {
    this.remember(null);
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
