import { routing } from '@/i18n/routing';
import { robotsResponse } from '@/lib/server/sitemaps';

// Not app/robots.ts: that is rendered at build time, and the Sitemap lines need SITE_URL as the
// server runs, not as it was when the site was built.
export const dynamic = 'force-dynamic';

export function GET() {
  return robotsResponse(routing.locales);
}
