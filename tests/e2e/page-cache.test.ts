import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft, transitionArticle, updateArticle } from '@/db/mutations/articles';
import { getArticleForEdit } from '@/db/queries/newsroom';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articleDraftSchema } from '@/lib/articles/input';
import { articles, users } from '@/db/schema';
import { callAction } from '../helpers/actions';
import { noticedByServer, openServerDb } from '../helpers/server-db';
import { signedInUser } from '../helpers/session';
import { articleFields } from '../helpers/fixtures';
import { articlePath } from '@/lib/article-url';

const base = inject('baseURL');
let db: Db;
let cookie = '';
let account: Awaited<ReturnType<typeof signedInUser>>;
const made: number[] = [];

beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  account = await signedInUser(db, 'cache', 'editor', 'محرر الذاكرة');
  cookie = account.cookie;
});
afterAll(async () => {
  for (const id of made) await db.delete(articles).where(eq(articles.id, id));
  await account.remove();
  await closeDb(db);
});

async function get(p: string, headers: Record<string, string> = {}) {
  const res = await fetch(base + p, { headers });
  return {
    status: res.status,
    cache: res.headers.get('x-midad-cache'),
    etag: res.headers.get('etag'),
    body: await res.text(),
  };
}

describe('reader page cache', () => {
  it('answers repeat visits from memory, with 304 for a known ETag, and never caches logged-in views', async () => {
    await get('/category/economy');
    const second = await get('/category/economy');
    expect(second.cache).toBe('hit');
    const revalidated = await fetch(base + '/category/economy', {
      headers: { 'If-None-Match': second.etag! },
    });
    expect(revalidated.status).toBe(304);
    expect((await get('/category/economy', { cookie })).cache).toBeNull();
    expect((await get('/category/economy', { rsc: '1' })).cache).toBeNull();
  });

  it('shows a publish on every affected page at once, cache on, and takes it off them on unpublish', async () => {
    const title = `خبر يختبر الذاكرة المؤقتة ${Date.now()}`;
    const tag = `وسم-الذاكرة-${Date.now()}`;
    const { id } = await createDraft(
      db,
      1,
      articleFields({
        title,
        sectionId: (await getSectionBySlug(db, 'economy'))!.id,
        authorIds: [1],
        tags: [{ name: tag, slug: tag }],
      }),
    );
    made.push(id);
    const author = (await db.select({ slug: users.slug }).from(users).where(eq(users.id, 1)).limit(1))[0]!
      .slug;
    const other = (await get('/category/sports')).body.match(/href="(\/news\/\d+\/[^"]+)"/)![1]!;
    const tagPage = `/tag/${encodeURIComponent(tag)}`;
    const pages = ['/', '/latest', '/category/economy', `/author/${author}`, '/feed.xml', other];
    for (const p of pages) {
      await get(p);
      expect((await get(p)).cache, p).toBe('hit');
    }
    expect(await callAction(base, 'transitionArticleAction', [id, 'publish'], cookie)).toContain('"ok":true');
    // The very first request after the action already sees it: no waiting, no stale window.
    for (const p of [...pages, tagPage]) expect((await get(p)).body, p).toContain(title);
    expect((await get('/latest')).cache).toBe('hit');

    expect(await callAction(base, 'transitionArticleAction', [id, 'unpublish'], cookie)).toContain(
      '"ok":true',
    );
    for (const p of pages) expect((await get(p)).body, p).not.toContain(title);
  });

  it('an edit reaches the pages that show the story and leaves the others cached', async () => {
    // An older story: out of the ticker, so only its own page and the listings showing it change.
    const listing = '/category/culture?page=2';
    const id = Number(/href="\/news\/(\d+)\//.exec((await get(listing)).body.split('<main')[1]!)![1]);
    const story = (await getArticleForEdit(db, id))!;
    const unrelated = '/category/sports?page=2';
    const article = `/news/${id}/${encodeURIComponent(story.slug)}`;
    for (const p of [article, listing, unrelated]) await get(p);
    const before = await get(unrelated);
    expect(before.cache).toBe('hit');
    expect(before.body).not.toContain(`/news/${id}/`);

    const edited = `${story.title} (محدّث)`;
    const input = {
      ...story,
      title: edited,
      breakingUntil: '',
      seoTitle: story.seoTitle ?? '',
      seoDescription: story.seoDescription ?? '',
      translation: story.translation ? String(story.translation.id) : '',
    };
    const fields = Object.keys(articleDraftSchema.shape) as (keyof typeof input)[];
    const saved = await callAction(
      base,
      'saveArticleAction',
      [Object.fromEntries(fields.map((k) => [k, input[k]]))],
      cookie,
    );
    expect(saved).toContain('"ok":true');
    expect((await get(listing)).body).toContain(edited);
    expect((await get(article)).body).toContain(edited);
    expect((await get(unrelated)).cache).toBe('hit');
  });

  it('notices changes made by another process (the CLI, another instance) through the database', async () => {
    await get('/latest');
    expect((await get('/latest')).cache).toBe('hit');
    const title = `خبر من عملية أخرى ${Date.now()}`;
    const { id } = await createDraft(
      db,
      1,
      articleFields({ title, sectionId: (await getSectionBySlug(db, 'economy'))!.id, authorIds: [1] }),
    );
    made.push(id);
    await db
      .update(articles)
      .set({ status: 'published', publishedAt: new Date() })
      .where(eq(articles.id, id));
    await noticedByServer();
    expect((await get('/latest')).body).toContain(title);
  });

  it('an edit made by another process refreshes the pages it shows on, and only those', async () => {
    // A story published long ago: on its own page, on no home page or ticker.
    const title = `خبر قديم يعدل من عملية أخرى ${Date.now()}`;
    const story = articleFields({
      title,
      sectionId: (await getSectionBySlug(db, 'local'))!.id,
      authorIds: [1],
    });
    const { id, slug } = await createDraft(db, 1, story);
    made.push(id);
    await transitionArticle(db, 1, id, 'publish', { now: new Date(Date.now() - 400 * 86_400_000) });
    const page = articlePath({ id, slug, locale: 'ar' });
    const unrelated = ['/', '/about', '/en'];
    await expect.poll(async () => (await get(page)).body).toContain(title);
    for (const p of [page, ...unrelated]) {
      await get(p);
      await expect.poll(async () => (await get(p)).cache).toBe('hit');
    }
    // This process is "the other instance": its own connection, its own outbox row.
    const edited = `${title} بعد التعديل`;
    await updateArticle(db, 1, id, { ...story, title: edited, slug });
    await expect.poll(async () => (await get(page)).body).toContain(edited);
    for (const p of unrelated) expect((await get(p)).cache).toBe('hit');
  });
});
