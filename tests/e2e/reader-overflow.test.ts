import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft, transitionArticle } from '@/db/mutations/articles';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles, users } from '@/db/schema';
import { articlePath } from '@/lib/article-url';
import { launchBrowser } from '../helpers/browser';
import { articleFields } from '../helpers/fixtures';
import { openServerDb } from '../helpers/server-db';

/**
 * No reader page type is wider than a phone: every page, both editions, at the three most
 * common phone widths. A page that scrolls sideways on a phone is the first thing a new reader
 * notices; this names the element that sticks out so the fix is one look away.
 */
const base = inject('baseURL');
const WIDTHS = [375, 390, 412];
let browser: Browser;
let db: Db;
const created: number[] = [];
const pages: Record<'ar' | 'en', string[]> = { ar: [], en: [] };

function today(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  browser = await launchBrowser();
  db = openServerDb(inject('dataDir'));
  const editorId = (
    await db.select({ id: users.id }).from(users).where(eq(users.slug, 'rana-haddad')).limit(1)
  )[0]!.id;
  const sectionId = (await getSectionBySlug(db, 'politics'))!.id;
  const word = `قرطاسيةفريدة${Date.now() % 100000}`;
  const words = { ar: word, en: `Quillborough${Date.now() % 100000}` };
  for (const locale of ['ar', 'en'] as const) {
    const fields = articleFields({
      locale,
      title:
        locale === 'ar'
          ? `${word} تفتح أبوابها في سوق المدينة القديم بعد ترميم طويل`
          : `${words.en} stationers reopen in the old market after a long restoration`,
      dek: locale === 'ar' ? 'دكان صغير يعود إلى الحياة.' : 'A small shop comes back to life.',
      body:
        locale === 'ar'
          ? '<p>عاد الدكان إلى العمل هذا الصباح.</p>'
          : '<p>The shop reopened this morning.</p>',
      sectionId,
      authorIds: [editorId],
      tags: [{ name: locale === 'ar' ? 'أسواق' : 'markets', slug: locale === 'ar' ? 'أسواق' : 'markets' }],
    });
    const live = await createDraft(db, editorId, fields);
    created.push(live.id);
    await transitionArticle(db, editorId, live.id, 'publish');
    // A story of our own that readers then get as 410 Gone.
    const gone = await createDraft(db, editorId, {
      ...fields,
      title: `${fields.title} (2)`,
      slug: `${fields.slug}-2`,
    });
    created.push(gone.id);
    await transitionArticle(db, editorId, gone.id, 'publish');
    await transitionArticle(db, editorId, gone.id, 'delete');

    const prefix = locale === 'ar' ? '' : '/en';
    const article = articlePath({ id: live.id, slug: live.slug, locale });
    const html = await (await fetch(base + article)).text();
    const tag = new RegExp(`href="(${prefix}/tag/[^"]+)"`).exec(html)?.[1];
    const author = new RegExp(`href="(${prefix}/author/[^"]+)"`).exec(html)?.[1];
    expect(tag && author, `${locale}: tag and author links on the article`).toBeTruthy();
    const q = encodeURIComponent(words[locale]);
    pages[locale] = [
      prefix || '/',
      `${prefix}/category/politics`,
      article,
      tag!,
      author!,
      `${prefix}/latest`,
      `${prefix}/search`,
      `${prefix}/search?q=${q}`,
      `${prefix}/search?q=${encodeURIComponent('لاشيءيطابقهذاأبدا')}`,
      `${prefix}/search?q=${q}&section=politics&from=${today(-7)}&to=${today(1)}`,
      `${prefix}/search?q=${encodeURIComponent('nothingmatchesthis')}&section=politics&from=${today(-7)}&to=${today(1)}`,
      `${prefix}/no-such-page-here`,
      articlePath({ id: gone.id, slug: gone.slug, locale }),
      `${prefix}/about`,
      `${prefix}/contact`,
      `${prefix}/privacy`,
    ];
  }
});

afterAll(async () => {
  await browser?.close();
  for (const id of created) await db.delete(articles).where(eq(articles.id, id));
  await closeDb(db);
});

/**
 * How far the page scrolls sideways, and the elements whose box leaves the viewport — except
 * those inside something that clips or scrolls within the page (the ticker, the section menu).
 */
async function overflowOf(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX !== 'visible' || style.clip === 'rect(0px, 0px, 0px, 0px)') return true;
        if (style.clipPath && style.clipPath !== 'none') return true;
      }
      return false;
    };
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' ? el.className.split(/\s+/).slice(0, 4).join('.') : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const r = el.getBoundingClientRect();
      return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls ? '.' + cls : ''}> [${Math.round(r.left)}…${Math.round(r.right)}] "${text}"`;
    };
    const sticking = [...document.body.querySelectorAll('*')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        return (r.right > width + 1 || r.left < -1) && !clipped(el);
      })
      .map(describe);
    return { scroll: document.documentElement.scrollWidth - width, sticking: sticking.slice(0, 5) };
  });
}

describe('no reader page is wider than a phone', () => {
  it.each(WIDTHS)('at %i px, every page type in both editions', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of [...pages.ar, ...pages.en]) {
      const res = await page.goto(base + path);
      expect(res?.status(), path).toBeLessThan(500);
      const { scroll, sticking } = await overflowOf(page);
      if (scroll > 0 || sticking.length)
        problems.push(`${path}: ${scroll}px too wide; ${sticking.join(' | ')}`);
    }
    await context.close();
    expect(problems).toEqual([]);
  });
});
