import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft } from '@/db/mutations/articles';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles } from '@/db/schema';
import { callAction } from '../helpers/actions';
import { signedInUser } from '../helpers/session';
import { articleFields } from '../helpers/fixtures';
import { openServerDb } from '../helpers/server-db';

const base = inject('baseURL');
let db: Db;
let cookie = '';
let account: Awaited<ReturnType<typeof signedInUser>>;
const made: number[] = [];

beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  account = await signedInUser(db, 'search', 'editor', 'محررة البحث');
  cookie = account.cookie;
});
afterAll(async () => {
  for (const id of made) await db.delete(articles).where(eq(articles.id, id));
  await account.remove();
  await closeDb(db);
});

async function search(q: string, extra = '') {
  const res = await fetch(`${base}/search?q=${encodeURIComponent(q)}${extra}`);
  const body = await res.text();
  // The results only: not the most-read side column after them.
  const results = (body.split('id="results-count"')[1] ?? '').split('<aside')[0]!;
  const ids = [...results.matchAll(/href="\/news\/(\d+)\//g)].map((m) => Number(m[1]));
  return { status: res.status, body, ids: [...new Set(ids)] };
}

describe('reader search', () => {
  it('finds a story by a vowelled word, another alef and ة written as ه', async () => {
    const story = (
      await db
        .select({ id: articles.id, title: articles.title })
        .from(articles)
        .where(eq(articles.status, 'published'))
        .orderBy(articles.id)
        .limit(1)
    )[0]!;
    const word = story.title.split(/\s+/).find((w) => w.length >= 4 && /[\u0621-\u064A]/.test(w))!;
    const vowelled = word
      .split('')
      .map((c) => c + 'َ')
      .join('');
    const found = await search(vowelled);
    expect(found.status).toBe(200);
    expect(found.ids, vowelled).toContain(story.id);
    expect(found.body).toContain('<mark');
    expect(found.body).toMatch(/<meta name="robots" content="noindex/);
  });

  it('shows a published story at once and forgets it on unpublish, cache on', async () => {
    const unique = `زمردستان${Date.now() % 100000}`;
    const { id } = await createDraft(
      db,
      1,
      articleFields({
        title: `تقرير عن ${unique} الجديدة`,
        sectionId: (await getSectionBySlug(db, 'culture'))!.id,
        authorIds: [1],
        body: `<p>نص عن والـ${unique} وأهلها.</p>`,
      }),
    );
    made.push(id);
    expect((await search(unique)).ids).toEqual([]);
    expect((await search(unique)).ids).toEqual([]); // now cached
    expect(await callAction(base, 'transitionArticleAction', [id, 'publish'], cookie)).toContain('"ok":true');
    expect((await search(unique)).ids).toEqual([id]);
    expect((await search(unique, '&section=sports')).ids).toEqual([]);
    expect((await search(`${unique} -تقرير`)).ids).toEqual([]);
    expect(await callAction(base, 'transitionArticleAction', [id, 'unpublish'], cookie)).toContain(
      '"ok":true',
    );
    expect((await search(unique)).ids).toEqual([]);
  });

  it('pages through results keeping the query', async () => {
    const first = await search('في المدينة');
    const next = /<a href="([^"]+)" rel="next"/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
    if (next) {
      expect(next).toContain('q=');
      expect(next).toContain('page=2');
      expect((await fetch(base + next)).status).toBe(200);
    }
    expect((await fetch(`${base}/search?q=x&page=0`)).status).toBe(404);
  });

  it.each([
    '"',
    '((',
    'NEAR(a b)',
    '* ^ : {title_exact}',
    'AND OR NOT',
    '"مجلس -',
    'ب'.repeat(1000),
    '😀🇸🇾',
    'ًٌٍَُِّْ',
    '%_\\',
    '',
    '   ',
    '-',
  ])('answers %j with a page, never an error', async (q) => {
    const res = await search(q, '&from=2026-02-30&to=nonsense');
    expect(res.status).toBe(200);
    expect(res.body).toContain('role="search"');
  });
});
