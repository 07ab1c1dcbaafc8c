'use server';

import { z } from 'zod';
import { getDb } from '@/db/client';
import { heartbeatLock, keepUnsavedCopy, takeOverLock } from '@/db/mutations/edit-locks';
import type { LockState } from '@/db/queries/edit-locks';
import { getArticleForEdit } from '@/db/queries/newsroom';
import { slugify } from '@/lib/arabic/slug';
import { canEditArticle } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { sanitizeArticleHtml } from '@/lib/html/sanitize';

/** A tab's lock token: random, made by the browser (crypto.randomUUID). */
const tokenSchema = z.string().regex(/^[A-Za-z0-9-]{16,64}$/);

export type LockResult =
  | {
      ok: true;
      held: boolean;
      /** Who holds it when this tab does not; `self`: the same person, in another tab. */
      holder: { name: string; self: boolean } | null;
      /** The article's current version: the editor notices a newer one before it saves. */
      version: number;
    }
  | { ok: false; error: 'session' | 'forbidden' | 'notFound' | 'invalid' };

/** The signed-in user and the article, when this user may edit it (CASE: writers only their own drafts). */
async function editableArticle(id: unknown): Promise<
  | { error: 'session' | 'notFound' | 'forbidden' }
  | {
      user: NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;
      article: NonNullable<Awaited<ReturnType<typeof getArticleForEdit>>>;
    }
> {
  const user = await getCurrentUser();
  if (!user) return { error: 'session' };
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return { error: 'notFound' };
  const article = await getArticleForEdit(getDb(), id);
  if (!article) return { error: 'notFound' };
  if (!canEditArticle(user, article)) return { error: 'forbidden' };
  return { user, article };
}

function answer(state: LockState, userId: number, version: number): LockResult {
  return state.held
    ? { ok: true, held: true, holder: null, version }
    : {
        ok: true,
        held: false,
        holder: { name: state.holder.name, self: state.holder.userId === userId },
        version,
      };
}

// Opening a story, then every 20 s: keep (or take a free) soft lock, and learn who else has it open.
export async function heartbeatLockAction(articleId: number, token: string): Promise<LockResult> {
  const found = await editableArticle(articleId);
  if ('error' in found) return { ok: false, error: found.error };
  if (!tokenSchema.safeParse(token).success) return { ok: false, error: 'invalid' };
  const state = await heartbeatLock(getDb(), found.article.id, found.user.id, token);
  return answer(state, found.user.id, found.article.version);
}

// «تولَّ التحرير»: take the story from whoever has it open; they keep their text as a revision.
export async function takeOverLockAction(articleId: number, token: string): Promise<LockResult> {
  const found = await editableArticle(articleId);
  if ('error' in found) return { ok: false, error: found.error };
  if (!tokenSchema.safeParse(token).success) return { ok: false, error: 'invalid' };
  await takeOverLock(getDb(), found.article.id, found.user.id, token);
  return { ok: true, held: true, holder: null, version: found.article.version };
}

/**
 * Unsaved text is kept whatever state it is in (an empty headline, no section yet): only sizes are
 * checked, so a half-written story is never refused here.
 */
const unsavedSchema = z.object({
  title: z.string().max(300),
  slug: z.string().max(200),
  dek: z.string().max(600),
  body: z.string().max(500_000),
  sectionId: z.number().int().nonnegative(),
  tags: z.array(z.string().max(60)).max(20),
  heroMediaId: z.number().int().positive().nullable(),
  sourceOutlet: z.string().max(120),
  sourceAgency: z.string().max(120),
});

export type UnsavedCopyResult =
  { ok: true; revisionId: number } | { ok: false; error: 'session' | 'forbidden' | 'notFound' | 'invalid' };

// Keep this tab's unsaved text as a revision marked "unsaved" (after a take-over, or set aside in a conflict).
export async function keepUnsavedCopyAction(
  articleId: number,
  copy: z.input<typeof unsavedSchema>,
  reason: 'takenOver' | 'conflict',
): Promise<UnsavedCopyResult> {
  const found = await editableArticle(articleId);
  if ('error' in found) return { ok: false, error: found.error };
  const parsed = unsavedSchema.safeParse(copy);
  if (!parsed.success || (reason !== 'takenOver' && reason !== 'conflict'))
    return { ok: false, error: 'invalid' };
  const c = parsed.data;
  const revisionId = await keepUnsavedCopy(
    getDb(),
    found.user.id,
    found.article.id,
    {
      title: c.title,
      dek: c.dek,
      body: sanitizeArticleHtml(c.body),
      slug: slugify(c.slug || c.title) || found.article.slug,
      sectionId: c.sectionId || found.article.sectionId,
      tags: c.tags.map((t) => t.trim()).filter(Boolean),
      heroMediaId: c.heroMediaId,
      sourceOutlet: c.sourceOutlet,
      sourceAgency: c.sourceAgency,
    },
    reason,
  );
  return { ok: true, revisionId };
}
