import { getDb } from '@/db/client';
import { getArticleRoute } from '@/db/queries/articles';
import { parseId } from '@/lib/article-url';
import { countView } from '@/lib/server/view-counter';

// A transparent 1×1 GIF: the article page loads it as an image, so views are counted with
// JavaScript off too, and the page itself stays identical for every reader (cacheable).
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const BOTS = /bot|crawl|spider|slurp|preview|lighthouse|headless/i;

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) return new Response('Bad article id', { status: 400 });
  const route = await getArticleRoute(getDb(), id);
  if (!route) return new Response('Not found', { status: 404 });
  const agent = request.headers.get('user-agent') ?? '';
  if (route.status === 'published' && !route.deletedAt && !BOTS.test(agent)) countView(id);
  return new Response(PIXEL, {
    headers: { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' },
  });
}
