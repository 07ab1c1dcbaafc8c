import { getDb } from '@/db/client';
import { getLiveArticle } from '@/db/queries/articles';
import { getSiteUrl } from '@/lib/config';
import { editionSwitchTarget } from '@/lib/edition-switch';

export const dynamic = 'force-dynamic';

/**
 * The header's edition switch: /api/edition?to=en answers 303 to the page the reader was on, in
 * the other edition (see editionSwitchTarget). The page comes from the Referer, and only from
 * this site; without one (privacy settings, a crawler) the reader lands on the edition's home.
 * No JavaScript, and the header stays the same on every page, so it stays cacheable.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const to = url.searchParams.get('to') === 'ar' ? 'ar' : 'en';
  let from: string | null = null;
  try {
    const referer = new URL(request.headers.get('referer') ?? '');
    // This site as the request names it, or as SITE_URL does (behind a proxy that changes Host).
    const hosts = [request.headers.get('host') ?? url.host, new URL(getSiteUrl()).host];
    if (hosts.includes(referer.host)) from = referer.pathname + referer.search;
  } catch {
    // no referer, or not a URL: go home
  }
  const target = await editionSwitchTarget(
    from,
    to,
    async (id) => (await getLiveArticle(getDb(), id, new Date()))?.translation ?? null,
  );
  return new Response(null, {
    status: 303,
    headers: { Location: target, 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' },
  });
}
