import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  WorkflowError,
  createDraft,
  publishDueArticles,
  transitionArticle,
  updateArticle,
  type ArticleFields,
} from '@/db/mutations/articles';
import { getArticleRoute, getLiveArticle, listLatest } from '@/db/queries/articles';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { auditLog, revisions, users } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { articleFields } from '../helpers/fixtures';
import { createSeededDb } from '../helpers/test-db';

let t: Awaited<ReturnType<typeof createSeededDb>>;
let editorId: number;
let fields: ArticleFields;
const t0 = new Date('2026-11-28T09:00:00Z');

beforeAll(async () => {
  t = await createSeededDb({ now: t0 });
  editorId = (
    await t.db.select({ id: users.id }).from(users).where(eq(users.slug, 'rana-haddad')).limit(1)
  )[0]!.id;
  const title = 'افتتاح جسر جديد فوق نهر العاصي';
  fields = articleFields({
    title,
    dek: 'جسر يربط ضفتي المدينة بعد عامين من العمل.',
    body: '<p>نص الخبر.</p>',
    wordCount: 3,
    sectionId: (await getSectionBySlug(t.db, 'local'))!.id,
    tags: [{ name: 'جسور', slug: 'جسور' }],
    authorIds: [editorId],
    sourceOutlet: 'مداد',
    sourceAgency: 'مراسل مداد',
  });
});
afterAll(() => t.cleanup());

const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('publishing workflow', () => {
  it('keeps drafts and reviews off the site, publishes, and keeps the first publish time', async () => {
    const { id } = await createDraft(t.db, editorId, fields, at(1));
    expect(await getLiveArticle(t.db, id, at(2))).toBeNull();
    expect((await transitionArticle(t.db, editorId, id, 'submit', { now: at(2) })).to).toBe('review');
    expect(await getLiveArticle(t.db, id, at(3))).toBeNull();
    const first = await transitionArticle(t.db, editorId, id, 'publish', { now: at(3) });
    expect(first.publishedAt).toEqual(at(3));
    expect((await listLatest(t.db, { locale: 'ar', now: at(4), limit: 1 }))[0]!.id).toBe(id);
    await transitionArticle(t.db, editorId, id, 'unpublish', { now: at(5) });
    expect(await getLiveArticle(t.db, id, at(6))).toBeNull();
    const again = await transitionArticle(t.db, editorId, id, 'publish', { now: at(7) });
    expect(again.publishedAt).toEqual(at(3));
  });

  it('refuses published → scheduled and schedules only in the future', async () => {
    const { id } = await createDraft(t.db, editorId, fields, at(10));
    await expect(
      transitionArticle(t.db, editorId, id, 'schedule', { at: at(9), now: at(10) }),
    ).rejects.toThrow(WorkflowError);
    await transitionArticle(t.db, editorId, id, 'publish', { now: at(11) });
    await expect(
      transitionArticle(t.db, editorId, id, 'schedule', { at: at(60), now: at(12) }),
    ).rejects.toThrowError('transition');
  });

  it('puts scheduled articles live at their time, not before', async () => {
    const { id } = await createDraft(t.db, editorId, fields, at(20));
    await transitionArticle(t.db, editorId, id, 'schedule', { at: at(30), now: at(20) });
    expect(await publishDueArticles(t.db, at(29))).toEqual([]);
    expect(await getLiveArticle(t.db, id, at(29))).toBeNull();
    expect(await publishDueArticles(t.db, at(30))).toEqual([id]);
    expect((await getLiveArticle(t.db, id, at(30)))?.publishedAt).toEqual(at(30));
  });

  it('gives unique slugs and keeps a revision and an audit row for every save', async () => {
    const a = await createDraft(t.db, editorId, fields, at(40));
    const b = await createDraft(t.db, editorId, fields, at(41));
    expect(b.slug).not.toBe(a.slug);
    await updateArticle(t.db, editorId, a.id, { ...fields, title: 'عنوان معدل' }, at(42));
    const revs = await t.db
      .select()
      .from(revisions)
      .where(eq(revisions.articleId, a.id))
      .orderBy(revisions.id);
    expect(revs.map((r) => r.snapshot.title)).toEqual([fields.title, 'عنوان معدل']);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, a.id)).orderBy(auditLog.id);
    expect(audit.map((r) => r.action)).toEqual(['article.create', 'article.update']);
  });

  it('deletes softly so readers can be told 410', async () => {
    const { id } = await createDraft(t.db, editorId, fields, at(50));
    await transitionArticle(t.db, editorId, id, 'publish', { now: at(51) });
    await transitionArticle(t.db, editorId, id, 'delete', { now: at(52) });
    expect(await getLiveArticle(t.db, id, at(53))).toBeNull();
    expect((await getArticleRoute(t.db, id))?.deletedAt).toEqual(at(52));
    await expect(transitionArticle(t.db, editorId, id, 'publish', { now: at(54) })).rejects.toThrowError(
      'notFound',
    );
  });
});
