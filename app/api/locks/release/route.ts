import { z } from 'zod';
import { getDb } from '@/db/client';
import { releaseLock } from '@/db/mutations/edit-locks';
import { getArticleForEdit } from '@/db/queries/newsroom';
import { canEditArticle } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { isSameOrigin } from '@/lib/server/same-origin';

const bodySchema = z.object({
  articleId: z.number().int().positive(),
  token: z.string().regex(/^[A-Za-z0-9-]{16,64}$/),
});

const answer = (status: number) => new Response(null, { status, headers: { 'Cache-Control': 'no-store' } });

/**
 * A closing editor tab lets go of its soft lock. A route handler rather than a server action: the
 * page sends it with `fetch(…, { keepalive: true })`, which the browser completes after the tab is gone.
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return answer(403);
  const user = await getCurrentUser();
  if (!user) return answer(401);
  let parsed;
  try {
    parsed = bodySchema.safeParse(await request.json());
  } catch {
    return answer(400);
  }
  if (!parsed.success) return answer(400);
  const db = getDb();
  const article = await getArticleForEdit(db, parsed.data.articleId);
  if (!article) return answer(404);
  if (!canEditArticle(user, article)) return answer(403);
  // Only this tab's own lock: someone who took the story over keeps it.
  await releaseLock(db, article.id, parsed.data.token);
  return answer(204);
}
