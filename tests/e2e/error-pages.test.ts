import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb, type Db } from '@/db/client';
import { createDraft, transitionArticle } from '@/db/mutations/articles';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles, users } from '@/db/schema';
import { articlePath } from '@/lib/article-url';
import { launchBrowser } from '../helpers/browser';
import { articleFields } from '../helpers/fixtures';

/** 404 and 410 are the site's own pages: its header, footer and typeface, and a title that says what happened. */
const base = inject('baseURL');
let browser: Browser;
let db: Db;
const created: number[] = [];
const gone: Record<'ar' | 'en', string> = { ar: '', en: '' };

beforeAll(async () => {
  browser = await launchBrowser();
  db = openDb(path.join(inject('dataDir'), 'midad.db'));
  const editorId = db.select({ id: users.id }).from(users).where(eq(users.slug, 'rana-haddad')).get()!.id;
  for (const locale of ['ar', 'en'] as const) {
    const { id, slug } = createDraft(
      db,
      editorId,
      articleFields({
        locale,
        title:
          locale === 'ar'
            ? `خبر يُحذف بعد نشره ${Date.now()}`
            : `A story deleted after publishing ${Date.now()}`,
        sectionId: getSectionBySlug(db, 'local')!.id,
        authorIds: [editorId],
      }),
    );
    created.push(id);
    transitionArticle(db, editorId, id, 'publish');
    transitionArticle(db, editorId, id, 'delete');
    gone[locale] = articlePath({ id, slug, locale });
  }
});

afterAll(async () => {
  await browser?.close();
  for (const id of created) db.delete(articles).where(eq(articles.id, id)).run();
  db.$client.close();
});

const cases = [
  {
    locale: 'ar',
    kind: '404',
    path: () => '/no-such-page-anywhere',
    status: 404,
    title: 'الصفحة غير موجودة | مداد',
    home: 'الرئيسية',
  },
  {
    locale: 'en',
    kind: '404',
    path: () => '/en/no-such-page-anywhere',
    status: 404,
    title: 'Page not found | Midad',
    home: 'Home',
  },
  {
    locale: 'ar',
    kind: '404 (unknown story)',
    path: () => '/news/99999999/خبر',
    status: 404,
    title: 'الصفحة غير موجودة | مداد',
    home: 'الرئيسية',
  },
  {
    locale: 'en',
    kind: '404 (unknown section)',
    path: () => '/en/category/no-such-section',
    status: 404,
    title: 'Page not found | Midad',
    home: 'Home',
  },
  {
    locale: 'ar',
    kind: '404 (listing page past the end)',
    path: () => '/category/economy?page=9999',
    status: 404,
    title: 'الصفحة غير موجودة | مداد',
    home: 'الرئيسية',
  },
  {
    locale: 'ar',
    kind: '410',
    path: () => gone.ar,
    status: 410,
    title: 'حُذف هذا الخبر | مداد',
    home: 'الرئيسية',
  },
  {
    locale: 'en',
    kind: '410',
    path: () => gone.en,
    status: 410,
    title: 'This story was removed | Midad',
    home: 'Home',
  },
] as const;

describe('404 and 410 pages', () => {
  it.each(cases)('$kind ($locale): status, title, no cookie, and the site around it', async (c) => {
    const res = await fetch(base + c.path(), { redirect: 'manual' });
    expect(res.status).toBe(c.status);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('set-cookie')).toBeNull();
    const html = await res.text();
    expect(html).toMatch(/<meta name="robots" content="noindex/);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const answer = await page.goto(base + c.path());
    expect(answer?.status()).toBe(c.status);
    expect(await page.title()).toBe(c.title);
    // Next sends a 404 as an empty shell (`<html id="__next_error__">`) that React fills in on the
    // client (vercel/next.js#62228), so <html> has no lang until it has; the page settles on it.
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(c.locale);
    // The site's header (with its section menu), footer and typeface.
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(
      await page
        .getByRole('navigation', { name: c.locale === 'ar' ? 'الأقسام الرئيسية' : 'Main sections' })
        .count(),
    ).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
    expect(await page.getByRole('link', { name: c.home, exact: true }).count()).toBeGreaterThan(0);
    const font = await page
      .getByRole('heading', { level: 1 })
      .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toMatch(/^arabicFont\b/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(c.title.split(' | ')[0]);
    await context.close();
  });

  it('the page behind the 410 answer is not reachable by itself', async () => {
    expect((await fetch(`${base}/gone/anything`)).status).toBe(404);
    expect((await fetch(`${base}/en/gone/anything`)).status).toBe(404);
  });
});
