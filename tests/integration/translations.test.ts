import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TranslationError,
  createDraft,
  transitionArticle,
  updateArticle,
  type ArticleFields,
} from '@/db/mutations/articles';
import { getLiveArticle } from '@/db/queries/articles';
import { getArticleForEdit, getTranslationPartnerId } from '@/db/queries/newsroom';
import { listSitemapMonthArticles } from '@/db/queries/sitemaps';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles, users } from '@/db/schema';
import { parseArticleReference } from '@/lib/articles/input';
import { articleFields } from '../helpers/fixtures';
import { createSeededDb } from '../helpers/test-db';

let t: Awaited<ReturnType<typeof createSeededDb>>;
let editorId: number;
let ar: ArticleFields;
let en: ArticleFields;
const t0 = new Date('2026-11-28T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeAll(async () => {
  t = await createSeededDb({ now: t0 });
  editorId = (
    await t.db.select({ id: users.id }).from(users).where(eq(users.slug, 'rana-haddad')).limit(1)
  )[0]!.id;
  const sectionId = (await getSectionBySlug(t.db, 'economy'))!.id;
  ar = articleFields({ title: 'ميناء جديد للصيادين في صور', sectionId, authorIds: [editorId] });
  en = articleFields({
    locale: 'en',
    title: 'New harbour for fishermen in Tyre',
    sectionId,
    authorIds: [editorId],
  });
});
afterAll(() => t.cleanup());

/** A published story of the edition, with its id. */
async function published(f: ArticleFields, minute: number): Promise<number> {
  const { id } = await createDraft(t.db, editorId, f, at(minute));
  await transitionArticle(t.db, editorId, id, 'publish', { now: at(minute) });
  return id;
}

const key = async (id: number) =>
  (await t.db.select({ key: articles.translationKey }).from(articles).where(eq(articles.id, id)).limit(1))[0]!
    .key;

describe('translations between editions', () => {
  it('links a story to its translation both ways, and readers see it only while both are live', async () => {
    const a = await published(ar, 1);
    const { id: b } = await createDraft(t.db, editorId, en, at(2));
    await updateArticle(t.db, editorId, a, { ...ar, translationId: b }, at(3));
    expect(await getTranslationPartnerId(t.db, a)).toBe(b);
    expect(await getTranslationPartnerId(t.db, b)).toBe(a);
    expect((await getArticleForEdit(t.db, b))!.translation).toMatchObject({
      id: a,
      locale: 'ar',
      status: 'published',
    });
    // The English one is still a draft: the Arabic page must not point to it.
    expect((await getLiveArticle(t.db, a, at(4)))!.translation).toBeNull();
    await transitionArticle(t.db, editorId, b, 'publish', { now: at(5) });
    expect((await getLiveArticle(t.db, a, at(6)))!.translation).toMatchObject({ id: b, locale: 'en' });
    expect((await getLiveArticle(t.db, b, at(6)))!.translation).toMatchObject({ id: a, locale: 'ar' });
    await transitionArticle(t.db, editorId, b, 'unpublish', { now: at(7) });
    expect((await getLiveArticle(t.db, a, at(8)))!.translation).toBeNull();
  });

  it('refuses a missing story, one of the same edition, itself, and one already linked elsewhere', async () => {
    const a = await published(ar, 10);
    const sameEdition = await published(ar, 11);
    const b = await published(en, 12);
    const other = await published(ar, 13);
    const code = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        if (error instanceof TranslationError) return error.code;
        throw error;
      }
      return 'saved';
    };
    expect(await code(() => updateArticle(t.db, editorId, a, { ...ar, translationId: 999_999 }))).toBe(
      'translationNotFound',
    );
    expect(await code(() => updateArticle(t.db, editorId, a, { ...ar, translationId: a }))).toBe(
      'translationNotFound',
    );
    expect(await code(() => updateArticle(t.db, editorId, a, { ...ar, translationId: sameEdition }))).toBe(
      'translationSameEdition',
    );
    expect(await code(() => updateArticle(t.db, editorId, other, { ...ar, translationId: b }))).toBe('saved');
    expect(
      await code(() => updateArticle(t.db, editorId, a, { ...ar, title: 'عنوان جديد', translationId: b })),
    ).toBe('translationTaken');
    // The refused save changed nothing: one transaction.
    expect((await getArticleForEdit(t.db, a))!.title).toBe(ar.title);
    expect(await key(a)).toBeNull();
    // A deleted story cannot be linked either.
    const gone = await published(en, 14);
    await transitionArticle(t.db, editorId, gone, 'delete', { now: at(15) });
    expect(await code(() => updateArticle(t.db, editorId, a, { ...ar, translationId: gone }))).toBe(
      'translationNotFound',
    );
  });

  it('unlinks both sides, relinks to another story, and leaves the link alone when not asked', async () => {
    const a = await published(ar, 20);
    const b = await published(en, 21);
    const c = await published(en, 22);
    await updateArticle(t.db, editorId, a, { ...ar, translationId: b });
    // A save that does not mention the translation (a writer's, a restored revision) keeps it.
    await updateArticle(t.db, editorId, a, { ...ar, title: 'عنوان معدّل' });
    expect(await getTranslationPartnerId(t.db, a)).toBe(b);
    await updateArticle(t.db, editorId, a, { ...ar, translationId: c });
    expect(await getTranslationPartnerId(t.db, a)).toBe(c);
    expect(await key(b)).toBeNull();
    // b is free again and can pair with another Arabic story.
    const d = await published(ar, 23);
    await updateArticle(t.db, editorId, d, { ...ar, translationId: b });
    expect(await getTranslationPartnerId(t.db, b)).toBe(d);
    await updateArticle(t.db, editorId, c, { ...en, translationId: null });
    expect(await key(a)).toBeNull();
    expect(await key(c)).toBeNull();
    expect(await getTranslationPartnerId(t.db, d)).toBe(b);
  });

  it('deleting one of a pair frees the other to pair again', async () => {
    const a = await published(ar, 25);
    const b = await published(en, 26);
    await updateArticle(t.db, editorId, a, { ...ar, translationId: b });
    await transitionArticle(t.db, editorId, a, 'delete', { now: at(27) });
    expect(await key(b)).toBeNull();
    const c = await published(ar, 28);
    await updateArticle(t.db, editorId, c, { ...ar, translationId: b });
    expect(await getTranslationPartnerId(t.db, b)).toBe(c);
  });

  it('lists the live translation beside each story in the monthly sitemap', async () => {
    const a = await published(ar, 30);
    const b = await published(en, 31);
    await updateArticle(t.db, editorId, b, { ...en, translationId: a });
    const month = { year: t0.getUTCFullYear(), month: t0.getUTCMonth() + 1, page: 1 };
    const arRows = await listSitemapMonthArticles(t.db, { locale: 'ar', now: at(40), ...month });
    expect(arRows.find((r) => r.id === a)!.translation).toMatchObject({ id: b, locale: 'en' });
    // Every story appears once, whether or not it has a translation.
    expect(new Set(arRows.map((r) => r.id)).size).toBe(arRows.length);
    await transitionArticle(t.db, editorId, b, 'unpublish', { now: at(41) });
    const after = await listSitemapMonthArticles(t.db, { locale: 'ar', now: at(42), ...month });
    expect(after.find((r) => r.id === a)!.translation).toBeNull();
  });
});

describe('parseArticleReference', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['1234', 1234],
    ['١٢٣٤', 1234],
    ['https://midad.example/en/news/77/new-harbour', 77],
    ['/news/77/%D9%85%D9%8A%D9%86%D8%A7%D8%A1', 77],
    ['https://midad.example/admin/articles/88', 88],
    ['/en/admin/articles/88?tab=1', 88],
    ['0', 'invalid'],
    ['abc', 'invalid'],
    ['/category/economy', 'invalid'],
    ['12 34', 'invalid'],
    ['99999999999999999', 'invalid'],
  ])('%j → %j', (raw, expected) => {
    expect(parseArticleReference(raw)).toBe(expected);
  });
});
