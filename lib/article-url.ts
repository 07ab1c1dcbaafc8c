/** Public URLs, built in one place so links, redirects and canonicals always agree. */
export function localePrefix(locale: string): string {
  return locale === 'ar' ? '' : `/${locale}`;
}

export function articlePath(a: { id: number; slug: string; locale: string }): string {
  return `${localePrefix(a.locale)}/news/${a.id}/${encodeURIComponent(a.slug)}`;
}

/**
 * The article's address as a link inside a page: the slug's letters as they are (an IRI, which
 * HTML allows and browsers send percent-encoded, byte for byte the canonical form), anything
 * else percent-encoded. An Arabic slug costs a third of its encoded bytes, and a home page links
 * dozens of stories (twice: in the HTML and in the React payload). Canonicals, feeds, sitemaps
 * and redirects keep the ASCII form of articlePath.
 */
export function articleHref(a: { id: number; slug: string; locale: string }): string {
  const slug = a.slug.replace(/[^\p{L}\p{M}\p{N}-]/gu, (c) => encodeURIComponent(c));
  return `${localePrefix(a.locale)}/news/${a.id}/${slug}`;
}

/** Parses `/news/{id}` or `/news/{id}/{slug}` (optionally under /en) into its parts. */
export function parseArticlePath(
  pathname: string,
): { locale: string; id: string; rawSlug: string | null } | null {
  const m = /^(?:\/(en))?\/news\/([^/]+)(?:\/([^/]*))?\/?$/.exec(pathname);
  if (!m) return null;
  return { locale: m[1] ?? 'ar', id: m[2]!, rawSlug: m[3] || null };
}

/** A positive integer id in canonical form ("12", not "012" or "1e1"), else null. */
export function parseId(raw: string): number | null {
  if (!/^[1-9]\d{0,15}$/.test(raw)) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : null;
}

export function sectionPath(locale: string, slug: string): string {
  return `${localePrefix(locale)}/category/${slug}`;
}

export function tagPath(locale: string, slug: string): string {
  return `${localePrefix(locale)}/tag/${encodeURIComponent(slug)}`;
}

export function authorPath(locale: string, slug: string): string {
  return `${localePrefix(locale)}/author/${slug}`;
}

export function homePath(locale: string): string {
  return localePrefix(locale) || '/';
}

export function latestPath(locale: string): string {
  return `${localePrefix(locale)}/latest`;
}

export function adminPath(locale: string, path = ''): string {
  return `${localePrefix(locale)}/admin${path}`;
}
