import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, transitionArticle } from '@/db/mutations/articles';
import { updateUserProfile } from '@/db/mutations/users';
import { getLiveArticle, listLatest } from '@/db/queries/articles';
import { listFeedArticles } from '@/db/queries/feeds';
import { getAuthorBySlug, getSectionBySlug } from '@/db/queries/taxonomy';
import { auditLog, users } from '@/db/schema';
import { articleFields } from '../helpers/fixtures';
import { createSeededDb } from '../helpers/test-db';

let t: Awaited<ReturnType<typeof createSeededDb>>;
const now = new Date('2026-11-28T12:00:00Z');

beforeAll(async () => {
  t = await createSeededDb({ now });
});
afterAll(() => t.cleanup());

const userId = async (slug: string) =>
  (await t.db.select({ id: users.id }).from(users).where(eq(users.slug, slug)).limit(1))[0]!.id;

describe('bylines per edition', () => {
  it('the English edition signs stories in Latin letters, the Arabic edition in Arabic', async () => {
    const en = (await listLatest(t.db, { locale: 'en', now, limit: 1 }))[0]!;
    const ar = (await listLatest(t.db, { locale: 'ar', now, limit: 1 }))[0]!;
    const enNames = (await getLiveArticle(t.db, en.id, now))!.authors.map((a) => a.name);
    const arNames = (await getLiveArticle(t.db, ar.id, now))!.authors.map((a) => a.name);
    expect(enNames.every((n) => /^[A-Za-z' -]+$/.test(n))).toBe(true);
    expect(arNames.every((n) => /[\u0600-\u06ff]/.test(n))).toBe(true);
    const feed = await listFeedArticles(t.db, { all: true }, { locale: 'en', now, limit: 5 });
    expect(feed.flatMap((a) => a.authors.map((p) => p.name)).every((n) => /^[A-Za-z' -]+$/.test(n))).toBe(
      true,
    );
    expect(await getAuthorBySlug(t.db, 'layla-nasser', 'en')).toMatchObject({
      name: 'Layla Nasser',
      bio: 'Economics reporter following markets and energy.',
    });
    expect(await getAuthorBySlug(t.db, 'layla-nasser', 'ar')).toMatchObject({ name: 'ليلى ناصر' });
  });

  it('falls back to the Arabic byline when no Latin one is given, and records the change', async () => {
    const id = await userId('hala-mansour');
    const editor = await userId('rana-haddad');
    expect(
      await updateUserProfile(t.db, id, { name: 'هالة منصور', nameEn: '', bio: 'نبذة', bioEn: '' }, editor),
    ).toBe(true);
    expect(await getAuthorBySlug(t.db, 'hala-mansour', 'en')).toMatchObject({
      name: 'هالة منصور',
      bio: 'نبذة',
    });
    const { id: story } = await createDraft(
      t.db,
      editor,
      articleFields({
        locale: 'en',
        title: 'Poetry evening fills the old library',
        sectionId: (await getSectionBySlug(t.db, 'culture'))!.id,
        authorIds: [id],
      }),
      now,
    );
    await transitionArticle(t.db, editor, story, 'publish', { now });
    expect((await getLiveArticle(t.db, story, now))!.authors[0]!.name).toBe('هالة منصور');
    await updateUserProfile(
      t.db,
      id,
      { name: 'هالة منصور', nameEn: 'Hala Mansour', bio: '', bioEn: '' },
      editor,
    );
    expect((await getLiveArticle(t.db, story, now))!.authors[0]!.name).toBe('Hala Mansour');
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'user.profile'));
    expect(audit.map((a) => a.entityId)).toEqual([id, id]);
    expect(
      await updateUserProfile(t.db, 999_999, { name: 'x', nameEn: '', bio: '', bioEn: '' }, editor),
    ).toBe(false);
  });
});
