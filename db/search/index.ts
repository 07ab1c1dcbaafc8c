import { inArray } from 'drizzle-orm';
import { parseSearchQuery } from '@/lib/search/query';
import { htmlToPlainText } from '@/lib/search/plain-text';
import { buildSnippet, highlightText, type SnippetSegment } from '@/lib/search/snippet';
import type { Db } from '../client';
import { listCardsByIds } from '../queries/articles';
import { preparedPerDb } from '../queries/prepared';
import type { ArticleCard, Page } from '../queries/views';
import { articles } from '../schema';

export { ensureSearchIndex, rebuildSearchIndex, syncSearchIndex } from './maintain';

export const SEARCH_PAGE_SIZE = 20;
const MAX_PER_PAGE = 50;

/**
 * bm25 weights in the index's column order (title, dek, tags, body; each exact then stem):
 * the headline counts most, then the summary, then tags and section, then the body; within a
 * field the exact column counts twice its stem column. A word written as typed also has that
 * stem, so it scores in both columns: three times what a stem-only match in the same field gets.
 */
const WEIGHTS = [12, 6, 4, 2, 3, 1.5, 1, 0.5];

/**
 * Recency: rank = bm25 / (1 + RECENCY × ln(1 + age in days)). bm25() is negative (more negative
 * is better), so the divisor pulls older stories towards zero. Dividing rather than subtracting
 * keeps the scale of bm25, whatever the words' rarity: a one-week-old story keeps 66% of its
 * score, a one-month-old 54%, a one-year-old 40%. So news of today wins between comparable
 * matches, but a year-old headline match (×12) still beats today's passing mention in a body (×1).
 */
const RECENCY = 0.25;
const DAY_MS = 86_400_000;

export interface SearchParams {
  q: string;
  locale: string;
  /** Section slug; empty means every section. */
  section?: string;
  /** Published at or after this instant. */
  from?: Date;
  /** Published at or before this instant. */
  to?: Date;
  /** 1-based. */
  page: number;
  perPage?: number;
  now: Date;
}

/** A result: the same card as every listing, the headline with hits marked, and a snippet. */
export interface SearchResult extends ArticleCard {
  titleHighlight: SnippetSegment[];
  /** About 30 words of the body around the hits (or the summary, when only it, the headline or tags matched). */
  snippet: SnippetSegment[];
}

/** The filters every search applies: the edition, live by the clock, and the reader's choices. */
const FILTERS = `
  f.search_index MATCH :match
  AND d.locale = :locale
  AND d.published_at <= :now
  AND (:sectionId IS NULL OR d.section_id = :sectionId)
  AND (:from IS NULL OR d.published_at >= :from)
  AND (:to IS NULL OR d.published_at <= :to)`;

type SearchBindings = Record<string, string | number | null>;

const searchStatements = preparedPerDb((db) => ({
  page: db.$client.prepare<SearchBindings, { id: number }>(`
    SELECT f.rowid AS id
    FROM search_index AS f JOIN search_docs AS d ON d.article_id = f.rowid
    WHERE ${FILTERS}
    ORDER BY bm25(f.search_index, ${WEIGHTS.join(', ')})
               / (1 + ${RECENCY} * ln(1 + max(0, :now - d.published_at) / ${DAY_MS}.0)),
             d.published_at DESC
    LIMIT :limit OFFSET :offset`),
  count: db.$client.prepare<SearchBindings, { total: number }>(`
    SELECT count(*) AS total
    FROM search_index AS f JOIN search_docs AS d ON d.article_id = f.rowid
    WHERE ${FILTERS}`),
  section: db.$client.prepare<[string], { id: number }>('SELECT id FROM sections WHERE slug = ?'),
}));

/**
 * Live stories of one edition matching what a reader typed, best first (see WEIGHTS and RECENCY),
 * one page at a time with the total. Null when the input holds nothing to search for (empty,
 * only marks, punctuation or stop words, only exclusions); a page past the end has no items.
 */
export async function searchArticles(db: Db, p: SearchParams): Promise<Page<SearchResult> | null> {
  const query = parseSearchQuery(p.q);
  if (!query) return null;
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(p.perPage ?? SEARCH_PAGE_SIZE)));
  const page = Math.max(1, Math.floor(p.page) || 1);
  // FTS5 statements on the SQLite connection, synchronous (awaiting them is a lint error); the
  // PostgreSQL search (its own engine-specific body) will answer these asynchronously.
  const statements = searchStatements(db);
  const empty = { items: [], page, pageCount: 1, total: 0 };

  let sectionId: number | null = null;
  if (p.section) {
    const section = statements.section.get(p.section);
    if (!section) return empty;
    sectionId = section.id;
  }
  const params = {
    match: query.match,
    locale: p.locale,
    now: p.now.getTime(),
    sectionId,
    from: p.from?.getTime() ?? null,
    to: p.to?.getTime() ?? null,
  };
  const offset = (page - 1) * perPage;
  const rows = statements.page.all({ ...params, limit: perPage, offset });
  // A short page is the last one, and tells the total without counting.
  const total =
    rows.length > 0 && rows.length < perPage ? offset + rows.length : statements.count.get(params)!.total;
  const pageCount = Math.max(1, Math.ceil(total / perPage));

  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { items: [], page, pageCount, total };
  const cards = await listCardsByIds(db, ids, p.locale, p.now);
  const bodies = await db
    .select({ id: articles.id, body: articles.body })
    .from(articles)
    .where(inArray(articles.id, ids));
  const texts = new Map(bodies.map((r) => [r.id, r.body]));
  const items = cards.map((card): SearchResult => {
    const body = buildSnippet(htmlToPlainText(texts.get(card.id) ?? ''), query.highlight);
    const bodyHit = body.some((s) => s.hit);
    return {
      ...card,
      titleHighlight: highlightText(card.title, query.highlight),
      snippet: bodyHit || !card.dek ? body : highlightText(card.dek, query.highlight),
    };
  });
  return { items, page, pageCount, total };
}
