import { SEARCH_FIELDS, type SearchField } from '@/lib/search/fields';
import { htmlToPlainText } from '@/lib/search/plain-text';
import type { ParsedSearchQuery } from '@/lib/search/query';
import { buildSnippet, highlightText, type SnippetSegment } from '@/lib/search/snippet';
import type { ArticleCard } from '../queries/views';

/** What a search is asked and answers, and how it ranks, on either engine (fts5.ts, pg.ts). */

export const SEARCH_PAGE_SIZE = 20;
const MAX_PER_PAGE = 50;

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

/** The page asked for, made sane: 1-based, at most MAX_PER_PAGE long. */
export function pageOf(p: Pick<SearchParams, 'page' | 'perPage'>) {
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(p.perPage ?? SEARCH_PAGE_SIZE)));
  const page = Math.max(1, Math.floor(p.page) || 1);
  return { page, perPage, offset: (page - 1) * perPage };
}

/**
 * Each field's weight in the stem index; its exact index counts EXACT_FACTOR times as much. The
 * headline counts most, then the summary, then tags and section, then the body. A word written
 * as typed also has that stem, so it scores in both: three times what a stem-only match in the
 * same field gets.
 */
export const FIELD_WEIGHTS: Record<SearchField, number> = { title: 6, dek: 2, tags: 1.5, body: 0.5 };
export const EXACT_FACTOR = 2;

/** The weights in the order of the FTS5 columns (lib/search/fields.ts), each field exact then stem. */
export const COLUMN_WEIGHTS = SEARCH_FIELDS.flatMap((f) => [
  EXACT_FACTOR * FIELD_WEIGHTS[f],
  FIELD_WEIGHTS[f],
]);

/**
 * Recency: rank = relevance / (1 + RECENCY × ln(1 + age in days)). Dividing rather than
 * subtracting keeps the scale of the relevance score, whatever the words' rarity: a one-week-old
 * story keeps 66% of its score, a one-month-old 54%, a one-year-old 40%. So news of today wins
 * between comparable matches, but a year-old headline match (×12) still beats today's passing
 * mention in a body (×1).
 */
export const RECENCY = 0.25;
export const DAY_MS = 86_400_000;

/**
 * A card as a result: its headline with the hits marked, and a snippet of the body around them —
 * or the summary, when only it, the headline or tags matched. Both engines hand in their cards
 * and stored bodies, so results read the same on either.
 */
export function toSearchResult(
  card: ArticleCard,
  body: string,
  highlight: ParsedSearchQuery['highlight'],
): SearchResult {
  const snippet = buildSnippet(htmlToPlainText(body), highlight);
  const bodyHit = snippet.some((s) => s.hit);
  return {
    ...card,
    titleHighlight: highlightText(card.title, highlight),
    snippet: bodyHit || !card.dek ? snippet : highlightText(card.dek, highlight),
  };
}
