import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft, transitionArticle } from '@/db/mutations/articles';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles, sections, users } from '@/db/schema';
import { articlePath } from '@/lib/article-url';
import { readerCsp } from '@/lib/security/csp';
import { launchBrowser } from '../helpers/browser';
import { articleFields } from '../helpers/fixtures';
import { openServerDb } from '../helpers/server-db';

/** 404 and 410 are the site's own pages: its header, footer and typeface, and a title that says what happened. */
const base = inject('baseURL');
let browser: Browser;
let db: Db;
const created: number[] = [];
const gone: Record<'ar' | 'en', string> = { ar: '', en: '' };

beforeAll(async () => {
  browser = await launchBrowser();
  db = openServerDb(inject('dataDir'));
  const editorId = (
    await db.select({ id: users.id }).from(users).where(eq(users.slug, 'rana-haddad')).limit(1)
  )[0]!.id;
  for (const locale of ['ar', 'en'] as const) {
    const { id, slug } = await createDraft(
      db,
      editorId,
      articleFields({
        locale,
        title:
          locale === 'ar'
            ? `خبر يُحذف بعد نشره ${Date.now()}`
            : `A story deleted after publishing ${Date.now()}`,
        sectionId: (await getSectionBySlug(db, 'local'))!.id,
        authorIds: [editorId],
      }),
    );
    created.push(id);
    await transitionArticle(db, editorId, id, 'publish');
    await transitionArticle(db, editorId, id, 'delete');
    gone[locale] = articlePath({ id, slug, locale });
  }
});

afterAll(async () => {
  await browser?.close();
  for (const id of created) await db.delete(articles).where(eq(articles.id, id));
  await closeDb(db);
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
    // The server's HTML is the whole page, not Next's empty error shell (vercel/next.js#62228).
    expect(html).toContain(`<html lang="${c.locale}" dir="${c.locale === 'ar' ? 'rtl' : 'ltr'}"`);
    expect(html).not.toContain('__next_error__');
    expect(html).toContain(`>${c.title.split(' | ')[0]}</h1>`);
    expect(html).toContain(`<title>${c.title}</title>`);
    // The policy sent is the one of these bytes: the page's own inline scripts may run.
    expect(res.headers.get('content-security-policy')).toBe(readerCsp(html));

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const answer = await page.goto(base + c.path());
    expect(answer?.status()).toBe(c.status);
    expect(await page.title()).toBe(c.title);
    // The server's page has its lang (see the fetch above); it keeps it once React takes over.
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

  it.each(cases)('$kind ($locale): complete with JavaScript off', async (c) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const answer = await page.goto(base + c.path());
    expect(answer?.status()).toBe(c.status);
    await expect(page.title()).resolves.toBe(c.title);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe(c.locale);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe(c.locale === 'ar' ? 'rtl' : 'ltr');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(c.title.split(' | ')[0]);
    await expect(page.getByRole('banner').count()).resolves.toBe(1);
    await expect(page.getByRole('contentinfo').count()).resolves.toBe(1);
    await context.close();
  });

  it("the 404 page's header follows a renamed section (its copy is invalidated like any page)", async () => {
    const section = (await db.select().from(sections).where(eq(sections.slug, 'economy')).limit(1))[0]!;
    const renamed = `${section.nameEn} ${Date.now()}`;
    expect(await (await fetch(`${base}/en/nothing-here`)).text()).toContain(`>${section.nameEn}<`);
    try {
      await db.update(sections).set({ nameEn: renamed }).where(eq(sections.id, section.id));
      await expect
        .poll(async () => (await (await fetch(`${base}/en/nothing-here`)).text()).includes(`>${renamed}<`))
        .toBe(true);
    } finally {
      await db.update(sections).set({ nameEn: section.nameEn }).where(eq(sections.id, section.id));
      // Leave the copy as the next test expects it: rendered again with the old name, so a GET
      // and a HEAD after this do not straddle that render.
      await expect
        .poll(async () =>
          (await (await fetch(`${base}/en/nothing-here`)).text()).includes(`>${section.nameEn}<`),
        )
        .toBe(true);
      await fetch(`${base}/en/nothing`);
    }
  });

  it('a HEAD of a 404 has the headers of its GET, and no body', async () => {
    const get = await fetch(`${base}/en/nothing`);
    const html = await get.text();
    const head = await fetch(`${base}/en/nothing`, { method: 'HEAD' });
    expect(head.status).toBe(404);
    expect(head.headers.get('content-type')).toMatch(/^text\/html/);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(html)));
    expect(head.headers.get('content-security-policy')).toBe(get.headers.get('content-security-policy'));
    expect(head.headers.get('set-cookie')).toBeNull();
    expect(await head.text()).toBe('');
  });

  it('the pages behind the 410 and 404 answers are not reachable by themselves', async () => {
    for (const p of ['/gone/anything', '/en/gone/anything', '/missing/anything', '/en/missing/anything']) {
      const res = await fetch(base + p);
      expect(res.status, p).toBe(404);
      // Still the edition's own 404 page.
      expect(await res.text(), p).toContain(
        p.startsWith('/en') ? '>Page not found</h1>' : '>الصفحة غير موجودة</h1>',
      );
    }
  });
});
