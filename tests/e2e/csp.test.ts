import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { articles } from '@/db/schema';
import { launchBrowser } from '../helpers/browser';
import { markEveryPageStale, noticedByServer, openServerDb } from '../helpers/server-db';
import { signedInUser } from '../helpers/session';

const base = inject('baseURL');
let db: Db;
let browser: Browser;
let account: Awaited<ReturnType<typeof signedInUser>>;
let article = '';
let articleId = 0;
let originalBody = '';

beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  account = await signedInUser(db, 'csp', 'editor', 'محرر السياسة');
  browser = await launchBrowser();
  const home = await (await fetch(base + '/')).text();
  article = new URL(/href="(\/news\/\d+\/[^"]+)"/.exec(home)![1]!, base).pathname;
  articleId = Number(/\/news\/(\d+)\//.exec(article)![1]);
  originalBody = (
    await db.select({ body: articles.body }).from(articles).where(eq(articles.id, articleId)).limit(1)
  )[0]!.body;
});
afterAll(async () => {
  await db.update(articles).set({ body: originalBody }).where(eq(articles.id, articleId));
  await account.remove();
  await closeDb(db);
  await browser.close();
});

/** A write from another connection: the server marks every page stale, so the next request renders. */
const coldKey = () => markEveryPageStale(db);

/** A page that records every CSP violation (the event, and Chromium's console report). */
async function watchedPage(options: { signedIn?: boolean; width?: number } = {}) {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  if (options.signedIn)
    await context.addCookies([{ name: 'midad_session', value: account.cookie.split('=')[1]!, url: base }]);
  // Init scripts come from the browser itself, so the page's CSP does not apply to this listener.
  await context.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  const page = await context.newPage();
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  const violations = async () => [
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
    ...console,
  ];
  return { page, violations, close: () => context.close() };
}

async function hydrated(page: Page) {
  await page.waitForFunction(() => document.readyState === 'complete');
  // Next's runtime set up its flight queue: the bootstrap and chunk scripts ran.
  await page.waitForFunction(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f));
}

describe('strict CSP in Chromium', () => {
  it('every reader page type, on a miss and on a hit, raises no violation', async () => {
    const { page, violations, close } = await watchedPage();
    const author = /href="(\/author\/[^"]+)"/.exec(await (await fetch(base + article)).text())![1]!;
    const tag = /href="(\/tag\/[^"]+)"/.exec(await (await fetch(base + article)).text())![1]!;
    const pages = [
      '/',
      article,
      '/category/economy',
      '/latest',
      author,
      tag,
      '/search?q=%D8%B3%D9%88%D9%82',
      '/about',
      '/en',
      '/no-such-page',
    ];
    for (const p of pages) {
      await coldKey();
      for (const state of ['miss', 'hit']) {
        const res = (await page.goto(base + p))!;
        if (p !== '/no-such-page') expect(res.headers()['x-midad-cache'], p).toBe(state);
        await hydrated(page);
        expect(await violations(), `${p} (${state})`).toEqual([]);
      }
    }
    await close();
  });

  it('the interactive parts still work: ticker pause, copy link, edition switch, search', async () => {
    const { page, violations, close } = await watchedPage();
    await page.goto(base + '/');
    await hydrated(page);
    await page.getByRole('button', { name: 'إيقاف مؤقت' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'تشغيل' }).count()).toBe(1);
    await page.goto(base + article);
    await hydrated(page);
    await page.getByRole('link', { name: 'نسخ الرابط' }).click();
    await page.getByText('تم نسخ الرابط').waitFor();
    await page.locator('header a[hreflang="en"]').click();
    await page.waitForURL((url) => url.pathname.startsWith('/en'));
    await page.goto(base + '/search');
    await page.locator('#search-q').fill('سوق');
    await page.locator('#search-q').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'سوق');
    expect(await violations()).toEqual([]);
    await close();
  });

  it('a script and an onerror planted in the page bytes do not run, on a miss or a hit', async () => {
    const { page, violations, close } = await watchedPage();
    // What an article body would look like had a script got past the sanitiser.
    await page.route(base + article, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '</main>',
        '<script>window.planted = "script"</script><img src="/planted.png" onerror="window.planted = \'onerror\'"></main>',
      );
      await route.fulfill({ response, body: html });
    });
    await coldKey();
    for (const state of ['miss', 'hit']) {
      const res = (await page.goto(base + article))!;
      expect(res.headers()['x-midad-cache']).toBe(state);
      await hydrated(page);
      await expect.poll(async () => (await violations()).length).toBeGreaterThanOrEqual(2);
      expect(await page.evaluate(() => (window as unknown as { planted?: string }).planted)).toBeUndefined();
    }
    await close();
  });

  it('a script written straight into a stored body does not run either', async () => {
    await db
      .update(articles)
      .set({
        body: `${originalBody}<script>window.planted = "db"</script><img src="/x.png" onerror="window.planted = 'db-onerror'">`,
      })
      .where(eq(articles.id, articleId));
    await noticedByServer();
    const { page, close } = await watchedPage();
    for (const state of ['miss', 'hit']) {
      const res = (await page.goto(base + article))!;
      expect(res.headers()['x-midad-cache']).toBe(state);
      await hydrated(page);
      expect(await page.evaluate(() => (window as unknown as { planted?: string }).planted)).toBeUndefined();
    }
    await db.update(articles).set({ body: originalBody }).where(eq(articles.id, articleId));
    await close();
  });

  it('the newsroom, with its nonce: editor toolbar and an upload work with no violation', async () => {
    const { page, violations, close } = await watchedPage({ signedIn: true });
    await page.goto(base + '/admin/articles/new');
    await hydrated(page);
    await page.getByRole('textbox', { name: 'نص الخبر' }).click();
    await page.keyboard.type('سطر يصير عنواناً فرعياً');
    await page.getByRole('button', { name: 'عنوان فرعي' }).click();
    await page.getByRole('textbox', { name: 'نص الخبر' }).locator('h2').waitFor();
    await page.goto(base + '/admin/media');
    await hydrated(page);
    const photo = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#2b5a8a' } })
      .jpeg()
      .toBuffer();
    await page.locator('#file').setInputFiles({ name: 'سياسة.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByLabel('النص البديل (وصف الصورة)').fill('صورة تجربة سياسة أمن المحتوى');
    await page.getByLabel('التعليق', { exact: true }).fill('تجربة');
    await page.getByLabel('المصدر / المصوّر').fill('مداد');
    await page.getByRole('button', { name: 'رفع صورة' }).click();
    await page.getByText('رُفعت الصورة.').waitFor();
    expect(await violations()).toEqual([]);
    await close();
  });
});
