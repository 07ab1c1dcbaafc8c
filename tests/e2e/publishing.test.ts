import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft, transitionArticle, type ArticleFields } from '@/db/mutations/articles';
import { saveSection } from '@/db/mutations/taxonomy';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles, users } from '@/db/schema';
import { articlePath } from '@/lib/article-url';
import { articleFields } from '../helpers/fixtures';
import { noticedByServer, openServerDb } from '../helpers/server-db';

const base = inject('baseURL');
let db: Db;
let editorId: number;
let fields: ArticleFields;
const created: number[] = [];

// The server's own database, written the way the newsroom writes it.
beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  editorId = (await db.select({ id: users.id }).from(users).where(eq(users.slug, 'rana-haddad')).limit(1))[0]!
    .id;
  const title = `مكتبة متنقلة تجوب قرى الساحل ${Date.now()}`;
  fields = articleFields({
    title,
    dek: 'حافلة محملة بالكتب تزور المدارس كل أسبوع.',
    body: '<p>بدأت الحافلة جولتها الأولى صباح اليوم.</p><p><script>alert(1)</script>فقرة ثانية.</p>',
    wordCount: 10,
    sectionId: (await getSectionBySlug(db, 'culture'))!.id,
    tags: [{ name: 'مكتبات', slug: 'مكتبات' }],
    authorIds: [editorId],
    sourceOutlet: 'مداد',
    sourceAgency: 'مراسل مداد',
  });
});

afterAll(async () => {
  for (const id of created) await db.delete(articles).where(eq(articles.id, id));
  await closeDb(db);
});

async function get(p: string) {
  const res = await fetch(base + p, { redirect: 'manual' });
  return { status: res.status, body: await res.text() };
}

describe('what readers see follows the newsroom at once', () => {
  it('a publish shows on home, section, latest and the article; unpublish 404s; delete 410s', async () => {
    const { id, slug } = await createDraft(db, editorId, fields);
    created.push(id);
    const url = articlePath({ id, slug, locale: 'ar' });
    expect((await get(url)).status).toBe(404);

    await transitionArticle(db, editorId, id, 'publish');
    await noticedByServer();
    for (const p of ['/', '/category/culture', '/latest']) {
      expect((await get(p)).body, p).toContain(fields.title);
    }
    const article = await get(url);
    expect(article.status).toBe(200);
    expect(article.body).toContain(fields.title);
    expect(article.body).not.toContain('<script>alert(1)');

    await transitionArticle(db, editorId, id, 'unpublish');
    await noticedByServer();
    expect((await get(url)).status).toBe(404);
    expect((await get('/latest')).body).not.toContain(fields.title);

    await transitionArticle(db, editorId, id, 'publish');
    await transitionArticle(db, editorId, id, 'delete');
    await noticedByServer();
    const gone = await get(url);
    expect(gone.status).toBe(410);
    expect(gone.body).toContain('حُذف هذا الخبر');
  });
});

describe('scheduled articles', () => {
  it('go live by themselves within the scheduler interval', async () => {
    const { id, slug } = await createDraft(db, editorId, { ...fields, title: `${fields.title} – مجدول` });
    created.push(id);
    await transitionArticle(db, editorId, id, 'schedule', { at: new Date(Date.now() + 2_000) });
    const url = articlePath({ id, slug, locale: 'ar' });
    expect((await get(url)).status).toBe(404);
    const deadline = Date.now() + 25_000;
    let status = 404;
    while (Date.now() < deadline && status !== 200) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await get(url)).status;
    }
    expect(status).toBe(200);
  });
});

describe('renamed sections', () => {
  it('answer 301 from the old URL, query kept, and the new URL serves the section', async () => {
    const s = (await getSectionBySlug(db, 'health'))!;
    const base = { nameAr: s.nameAr, nameEn: s.nameEn, parentId: null, position: 7 };
    await saveSection(db, editorId, s.id, { ...base, slug: 'wellbeing' });
    try {
      const res = await fetch(`${inject('baseURL')}/category/health?page=2`, { redirect: 'manual' });
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toMatch(/\/category\/wellbeing\?page=2$/);
      expect((await get('/category/wellbeing')).status).toBe(200);
    } finally {
      await saveSection(db, editorId, s.id, { ...base, slug: 'health' });
    }
    expect((await get('/category/health')).status).toBe(200);
  });
});
