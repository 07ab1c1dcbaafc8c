'use server';

import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import {
  StaleSaveError,
  TranslationError,
  WorkflowError,
  addCorrection,
  createDraft,
  moveArticlesToSection,
  restoreFromTrash,
  transitionArticle,
  updateArticle,
  type Transition,
} from '@/db/mutations/articles';
import {
  getArticleForEdit,
  getTranslationPartnerId,
  lastSavedBy,
  listRevisions,
} from '@/db/queries/newsroom';
import { toDraftInput } from '@/lib/server/editor-data';
import { adminPath } from '@/lib/article-url';
import { slugify } from '@/lib/arabic/slug';
import { htmlToText, sanitizeArticleHtml } from '@/lib/html/sanitize';
import { countWords } from '@/lib/text';
import { articleDraftSchema, toArticleFields, type ArticleDraftInput } from '@/lib/articles/input';
import { requirePermission } from '@/lib/auth/guard';
import { changingArticles } from '@/lib/server/invalidation';
import { can, canEditArticle, type Action } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { SITE_TIME_ZONE } from '@/lib/config';
import { asFormData } from '@/lib/forms';
import { parseTimeInput, toWallClockValue } from '@/lib/time/site-zone';

/** The stored copy a save or a conflict answers with (the editor's base for the next comparison). */
export type ServerCopy = ArticleDraftInput & { version: number };

export type SaveResult =
  | { ok: true; id: number; slug: string; savedAt: string; version: number; saved: ServerCopy }
  | {
      ok: false;
      error: 'session' | 'forbidden' | 'notFound' | 'invalid';
      fieldErrors?: Record<string, string>;
    }
  /** The article moved on since this save's version: nothing was written; here is what it holds now. */
  | {
      ok: false;
      error: 'conflict';
      current: ServerCopy;
      savedBy: { name: string | null; at: string } | null;
    };

async function storedCopy(id: number): Promise<ServerCopy | null> {
  const article = await getArticleForEdit(getDb(), id);
  return article ? { ...toDraftInput(article), version: article.version } : null;
}

// Save an article (create or update). The editor keeps its text whatever this answers.
export async function saveArticleAction(input: ArticleDraftInput): Promise<SaveResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: 'session' };
  const parsed = articleDraftSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return { ok: false, error: 'invalid', fieldErrors };
  }
  const draft = parsed.data;
  const db = getDb();
  const fields = toArticleFields(draft, user.id);
  // CASE: writers cannot credit other people's work to themselves or publish flags: editors only.
  if (!can(user, 'article.editAny')) {
    fields.authorIds = [user.id];
    fields.breaking = false;
    fields.breakingUntil = null;
    fields.featured = false;
    // Linking a translation changes the other story too: editors only.
    fields.translationId = undefined;
  }
  try {
    if (draft.id === null) {
      if (!can(user, 'article.create')) return { ok: false, error: 'forbidden' };
      const { id, slug } = await createDraft(db, user.id, fields);
      const saved = (await storedCopy(id))!;
      return { ok: true, id, slug, savedAt: new Date().toISOString(), version: saved.version, saved };
    }
    const id = draft.id;
    const existing = await getArticleForEdit(db, id);
    if (!existing) return { ok: false, error: 'notFound' };
    if (!canEditArticle(user, existing)) return { ok: false, error: 'forbidden' };
    // CASE: an update must say which version it started from; without one it could overwrite blind.
    if (draft.version === undefined)
      return { ok: false, error: 'invalid', fieldErrors: { version: 'required' } };
    // The old and the new translation show (or stop showing) a link to this story.
    const touched = [id, await getTranslationPartnerId(db, id), fields.translationId].filter(
      (n): n is number => typeof n === 'number',
    );
    const { slug } = await changingArticles(db, [...new Set(touched)], (tx) =>
      updateArticle(tx, user.id, id, fields),
    );
    const saved = (await storedCopy(id))!;
    return { ok: true, id, slug, savedAt: new Date().toISOString(), version: saved.version, saved };
  } catch (error) {
    // CASE: a stale save (another tab or editor saved since) is refused; the editor shows both copies.
    if (error instanceof StaleSaveError && draft.id !== null) {
      const current = await storedCopy(draft.id);
      if (!current) return { ok: false, error: 'notFound' };
      const by = await lastSavedBy(db, draft.id);
      return {
        ok: false,
        error: 'conflict',
        current,
        savedBy: by ? { name: by.name, at: by.at.toISOString() } : null,
      };
    }
    // CASE: a bad translation link refuses the whole save (one transaction); the editor keeps its text.
    if (error instanceof TranslationError)
      return { ok: false, error: 'invalid', fieldErrors: { translation: error.code } };
    throw error;
  }
}

/** The longest note an editor may send back with a story. */
const RETURN_NOTE_MAX = 1000;

const TRANSITION_PERMISSION: Record<Transition, Action> = {
  submit: 'article.submit',
  publish: 'article.publish',
  schedule: 'article.schedule',
  unschedule: 'article.schedule',
  unpublish: 'article.unpublish',
  archive: 'article.archive',
  return: 'article.publish',
  delete: 'article.delete',
};

export type TransitionResult =
  | { ok: true; status: string; version: number; publishedAt: string }
  | {
      ok: false;
      error:
        | 'session'
        | 'forbidden'
        | 'notFound'
        | 'transition'
        | 'scheduleInPast'
        | 'slugTaken'
        | 'badDate'
        | 'noteRequired'
        | 'expired';
    };

// Move an article through the workflow, if this user's role allows that step.
export async function transitionArticleAction(
  id: number,
  transition: Transition,
  at?: string,
  note?: string,
): Promise<TransitionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: 'session' };
  if (!(transition in TRANSITION_PERMISSION) || !Number.isSafeInteger(id))
    return { ok: false, error: 'notFound' };
  if (!can(user, TRANSITION_PERMISSION[transition])) return { ok: false, error: 'forbidden' };
  const db = getDb();
  const existing = await getArticleForEdit(db, id);
  if (!existing) return { ok: false, error: 'notFound' };
  // CASE: a writer submits only their own draft.
  if (transition === 'submit' && !canEditArticle(user, existing)) return { ok: false, error: 'forbidden' };
  // CASE: the schedule is typed as the site's wall clock and read in SITE_TIME_ZONE here, on the
  // server: the browser's zone never decides when a story goes live.
  const when = at ? parseTimeInput(at, SITE_TIME_ZONE) : undefined;
  if (when === null) return { ok: false, error: 'badDate' };
  if (transition === 'schedule' && !when) return { ok: false, error: 'badDate' };
  try {
    const result = await changingArticles(db, [id], (tx) =>
      transitionArticle(tx, user.id, id, transition, {
        at: when,
        note: typeof note === 'string' ? note.slice(0, RETURN_NOTE_MAX) : undefined,
      }),
    );
    return {
      ok: true,
      status: result.to,
      version: result.version,
      publishedAt: toWallClockValue(result.publishedAt, SITE_TIME_ZONE),
    };
  } catch (error) {
    if (error instanceof WorkflowError) return { ok: false, error: error.code };
    throw error;
  }
}

// Restore an older revision: its text, slug, section, tags, image and source become a new save.
export async function restoreRevisionAction(input: FormData): Promise<void> {
  const data = asFormData(input);
  const locale = data.get('locale') === 'en' ? 'en' : 'ar';
  const articleId = Number(data.get('articleId'));
  const revisionId = Number(data.get('revisionId'));
  const user = await getCurrentUser();
  if (!user) redirect(adminPath(locale, '/login'));
  const db = getDb();
  const existing = Number.isSafeInteger(articleId) ? await getArticleForEdit(db, articleId) : null;
  const revision = existing
    ? (await listRevisions(db, articleId)).find((r) => r.id === revisionId)
    : undefined;
  if (!existing || !revision) notFound();
  if (!canEditArticle(user, existing)) notFound();
  const s = revision.snapshot;
  await changingArticles(db, [articleId], (tx) =>
    updateArticle(tx, user.id, articleId, {
      locale: existing.locale,
      title: s.title,
      slug: s.slug,
      dek: s.dek,
      body: sanitizeArticleHtml(s.body),
      wordCount: countWords(`${s.dek} ${htmlToText(s.body)}`),
      sectionId: s.sectionId,
      tags: s.tags.map((name) => ({ name, slug: slugify(name) || name })),
      authorIds: existing.authorIds,
      sourceOutlet: s.sourceOutlet,
      sourceAgency: s.sourceAgency,
      heroMediaId: s.heroMediaId,
      breaking: existing.breaking,
      breakingUntil: existing.breakingUntil,
      featured: existing.featured,
      seoTitle: existing.seoTitle,
      seoDescription: existing.seoDescription,
    }),
  );
  // The editor says which version came back («استُعيدت نسخة …»).
  redirect(adminPath(locale, `/articles/${articleId}?restored=${revisionId}`));
}

// Bring a deleted story back from the trash, as a draft (editors; within TRASH_DAYS).
export async function restoreFromTrashAction(input: FormData): Promise<void> {
  const data = asFormData(input);
  const locale = data.get('locale') === 'en' ? 'en' : 'ar';
  const articleId = Number(data.get('articleId'));
  const user = await requirePermission('article.delete', locale);
  if (!Number.isSafeInteger(articleId) || articleId <= 0) notFound();
  const db = getDb();
  let failed: string | null = null;
  try {
    await changingArticles(db, [articleId], (tx) => restoreFromTrash(tx, user.id, articleId));
  } catch (error) {
    if (!(error instanceof WorkflowError)) throw error;
    failed = error.code;
  }
  redirect(
    adminPath(
      locale,
      failed ? `/articles?view=trash&failed=${failed}` : `/articles?view=trash&restored=${articleId}`,
    ),
  );
}

// Add a visible corrections note to a published article (editors).
export async function addCorrectionAction(input: FormData): Promise<void> {
  const data = asFormData(input);
  const locale = data.get('locale') === 'en' ? 'en' : 'ar';
  const articleId = Number(data.get('articleId'));
  const note = String(data.get('note') ?? '')
    .trim()
    .slice(0, 1000);
  const user = await getCurrentUser();
  if (!user) redirect(adminPath(locale, '/login'));
  if (!can(user, 'article.publish')) notFound();
  const db = getDb();
  const existing = Number.isSafeInteger(articleId) ? await getArticleForEdit(db, articleId) : null;
  if (!existing) notFound();
  if (note) {
    await addCorrection(db, user.id, articleId, note);
  }
  redirect(adminPath(locale, `/articles/${articleId}`));
}

// Bulk actions from the articles table: publish, archive or move many stories at once (editors).
export async function bulkArticlesAction(input: FormData): Promise<void> {
  const data = asFormData(input);
  const locale = data.get('locale') === 'en' ? 'en' : 'ar';
  const op = String(data.get('op') ?? '');
  const ids = data
    .getAll('ids')
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0)
    .slice(0, 200);
  // CASE: the bulk menu starts on no action; a form sent without one (or with nothing to act on)
  // is refused with a message and changes nothing, never falls through to publishing.
  if (op !== 'move' && op !== 'publish' && op !== 'archive') {
    await requirePermission('article.editAny', locale);
    redirect(adminPath(locale, '/articles?bulkError=noAction'));
  }
  const permission =
    op === 'move' ? 'article.editAny' : op === 'publish' ? 'article.publish' : 'article.archive';
  const user = await requirePermission(permission, locale);
  if (ids.length === 0) redirect(adminPath(locale, '/articles?bulkError=noSelection'));
  const bulkSection = Number(data.get('sectionId'));
  if (op === 'move' && !(Number.isSafeInteger(bulkSection) && bulkSection > 0))
    redirect(adminPath(locale, '/articles?bulkError=noSection'));
  const db = getDb();
  let failed = 0;
  await changingArticles(db, ids, async (tx) => {
    if (op === 'move') {
      const sectionId = Number(data.get('sectionId'));
      if (Number.isSafeInteger(sectionId) && sectionId > 0 && ids.length)
        await moveArticlesToSection(tx, user.id, ids, sectionId);
    } else if (op === 'publish' || op === 'archive') {
      for (const id of ids) {
        try {
          await transitionArticle(tx, user.id, id, op);
        } catch (error) {
          if (!(error instanceof WorkflowError)) throw error;
          failed++;
        }
      }
    }
  });
  redirect(adminPath(locale, `/articles?done=${ids.length - failed}&skipped=${failed}`));
}
