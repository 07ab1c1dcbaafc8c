import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { addArticleViews } from '@/db/mutations/views';
import { utcDay } from '@/db/queries/most-read';
import { articleViews } from '@/db/schema';
import { launchBrowser } from '../helpers/browser';
import { openServerDb } from '../helpers/server-db';

/** Reader details a new reader notices: share icons' names, the menu's hint, the side column, times. */
const base = inject('baseURL');
let browser: Browser;
let db: Db;
let viewed: number;
const today = utcDay(new Date());

beforeAll(async () => {
  browser = await launchBrowser();
  // The demo's English stories have no readers yet: give one some, today, so the English
  // edition has a "most read" (removed again after).
  db = openServerDb(inject('dataDir'));
  viewed = Number(/\/en\/news\/(\d+)\//.exec(await firstArticle('/en'))![1]);
  await addArticleViews(db, today, new Map([[viewed, 7]]));
});
afterAll(async () => {
  await browser?.close();
  await db.delete(articleViews).where(and(eq(articleViews.articleId, viewed), eq(articleViews.day, today)));
  await closeDb(db);
});

async function firstArticle(prefix: '' | '/en'): Promise<string> {
  const html = await (await fetch(`${base}${prefix || '/'}`)).text();
  const href = new RegExp(`href="(${prefix}/news/\\d+/[^"]+)"`).exec(html)?.[1];
  expect(href, `${prefix || '/'}: an article link`).toBeTruthy();
  return href!;
}

describe('reader polish', () => {
  it('share buttons are icons named in Arabic, and show where the keyboard is', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(base + (await firstArticle('')));
    for (const name of ['شارك على واتساب', 'شارك على تيليغرام', 'شارك على فيسبوك', 'شارك على إكس']) {
      const link = page.getByRole('link', { name, exact: true });
      expect(await link.count(), name).toBe(1);
      expect(await link.locator('svg').count(), `${name}: an icon`).toBe(1);
    }
    expect(await page.getByRole('link', { name: 'أرسل الخبر بالبريد الإلكتروني' }).count()).toBe(1);
    const whatsapp = page.getByRole('link', { name: 'شارك على واتساب' });
    await whatsapp.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await whatsapp.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await context.close();
  });

  it.each(['ar', 'en'] as const)('the phone section menu shows that it scrolls (%s)', async (locale) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(base + (locale === 'ar' ? '/' : '/en'));
    const nav = page.getByRole('navigation', {
      name: locale === 'ar' ? 'الأقسام الرئيسية' : 'Main sections',
    });
    const menu = await nav.evaluate((el) => {
      const list = el.querySelector('ul')!;
      const fade = getComputedStyle(el, '::after');
      const navBox = el.getBoundingClientRect();
      return {
        scrolls: list.scrollWidth > list.clientWidth,
        fade: fade.content !== 'none' && fade.display !== 'none',
        fadeWidth: parseFloat(fade.width),
        // The fade sits at the end edge: the left in Arabic, the right in English.
        fadeAtEnd:
          getComputedStyle(el).direction === 'rtl'
            ? fade.left === '0px' || parseFloat(fade.left) <= 1
            : Math.abs(parseFloat(fade.left) + parseFloat(fade.width) - navBox.width) <= 1,
      };
    });
    expect(menu).toMatchObject({ scrolls: true, fade: true, fadeAtEnd: true });
    expect(menu.fadeWidth).toBeGreaterThan(20);
    await context.close();
  });

  it.each(['/latest', '/category/economy', '/en/latest', '/search?q=مدرسة'])(
    '%s uses a side column with the most read at desktop width',
    async (path) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(base + path);
      const aside = page.getByRole('complementary').filter({ has: page.getByRole('heading', { level: 2 }) });
      expect(await aside.count()).toBe(1);
      const heading = await aside.getByRole('heading', { level: 2 }).innerText();
      expect(heading).toMatch(/الأكثر قراءة|Most read/);
      const side = (await aside.boundingBox())!;
      const list = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
      // Beside the list, not under it.
      expect(side.y).toBeLessThan(list.y + 200);
      expect(side.x + side.width <= list.x || list.x + list.width <= side.x).toBe(true);
      await context.close();
    },
  );

  it('English articles print the time of publication, as Arabic ones do', async () => {
    for (const prefix of ['', '/en'] as const) {
      const html = await (await fetch(base + (await firstArticle(prefix)))).text();
      const published = /<time[^>]*>([^<]+)<\/time>/.exec(html.split('<article')[1] ?? '')?.[1] ?? '';
      expect(published, prefix || 'ar').toMatch(
        prefix ? /\d{4}, \d{1,2}:\d{2}\s?[ap]m$/ : /\d{1,2}:\d{2}\s?[صم]$/,
      );
    }
  });
});
