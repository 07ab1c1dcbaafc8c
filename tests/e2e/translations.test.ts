import { eq, inArray } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft, transitionArticle } from '@/db/mutations/articles';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles, auditLog } from '@/db/schema';
import { getArticleForEdit } from '@/db/queries/newsroom';
import { articlePath } from '@/lib/article-url';
import { articleDraftSchema } from '@/lib/articles/input';
import { callAction } from '../helpers/actions';
import { launchBrowser, openPage } from '../helpers/browser';
import { articleFields } from '../helpers/fixtures';
import { signedInUser } from '../helpers/session';
import { okPage } from '../helpers/pages';
import { openServerDb } from '../helpers/server-db';

const base = inject('baseURL');
const site = `http://localhost:${new URL(base).port}`;
let browser: Browser;
let db: Db;
let editor: Awaited<ReturnType<typeof signedInUser>>;
const made: number[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  db = openServerDb(inject('dataDir'));
  editor = await signedInUser(db, 'translator', 'editor', 'محررة الترجمة');
});

afterAll(async () => {
  if (made.length) await db.delete(articles).where(inArray(articles.id, made));
  await editor?.remove();
  if (db) await closeDb(db);
  await browser?.close();
});

const html = (path: string) => okPage(base, path);

/** hreflang → href of the page's <link rel="alternate" hreflang> tags. */
function hreflang(page: string): Record<string, string> {
  return Object.fromEntries(
    [...page.matchAll(/<link rel="alternate" hrefLang="([^"]+)" href="([^"]+)"/gi)].map((m) => [
      m[1]!,
      decodeURI(m[2]!),
    ]),
  );
}

/** The reader link to the other edition's version, or null. */
function translationLink(page: string): { href: string; lang: string } | null {
  const m = /<p lang="(ar|en)" dir="(?:rtl|ltr)"><a href="([^"]+)" hrefLang="\1"/.exec(page);
  return m ? { lang: m[1]!, href: decodeURI(m[2]!) } : null;
}

async function published(locale: 'ar' | 'en', title: string): Promise<{ id: number; path: string }> {
  const sectionId = (await getSectionBySlug(db, 'economy'))!.id;
  const { id, slug } = await createDraft(
    db,
    editor.id,
    articleFields({ locale, title, sectionId, authorIds: [editor.id] }),
  );
  await transitionArticle(db, editor.id, id, 'publish');
  made.push(id);
  return { id, path: decodeURI(articlePath({ id, slug, locale })) };
}

describe('a story in both editions', () => {
  it('the demo pair: hreflang both ways with x-default, a reader link, and sitemap alternates', async () => {
    const english = await html('/en/category/economy');
    const enPath = decodeURI(/href="(\/en\/news\/\d+\/new-solar-farm-near-tozeur[^"]*)"/.exec(english)![1]!);
    const enPage = await html(encodeURI(enPath));
    const toArabic = translationLink(enPage)!;
    expect(toArabic.lang).toBe('ar');
    expect(enPage).toContain('اقرأ الخبر بالعربية');
    const arPage = await html(encodeURI(toArabic.href));
    expect(translationLink(arPage)).toEqual({ lang: 'en', href: enPath });
    const expected = { ar: site + toArabic.href, en: site + enPath, 'x-default': site + toArabic.href };
    expect(hreflang(enPage)).toEqual(expected);
    expect(hreflang(arPage)).toEqual(expected);

    // The Arabic monthly sitemap lists the same alternates for the story.
    const index = await html('/sitemap.xml');
    const files = [...index.matchAll(/<loc>([^<]*\/sitemaps\/articles-[^<]*)<\/loc>/g)].map((m) => m[1]!);
    const entries = (await Promise.all(files.map((f) => html(new URL(f).pathname)))).flatMap((xml) =>
      [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1]!),
    );
    const entry = entries.find((e) => decodeURI(/<loc>([^<]*)<\/loc>/.exec(e)![1]!) === expected.ar)!;
    const alternates = Object.fromEntries(
      [...entry.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [
        m[1]!,
        decodeURI(m[2]!),
      ]),
    );
    expect(alternates).toEqual(expected);
  });

  it('the header edition switch keeps the reader on the same story or section', async () => {
    const { page, errors, close } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/en/category/economy`);
    const english = decodeURI(
      (await page
        .locator('a[href*="/en/news/"][href*="new-solar-farm-near-tozeur"]')
        .first()
        .getAttribute('href'))!,
    );
    await page.goto(base + english);
    await page.getByRole('banner').getByRole('link', { name: 'العربية (Arabic edition)' }).click();
    await page.waitForURL((url) => /^\/news\/\d+\//.test(url.pathname));
    expect(decodeURIComponent(new URL(page.url()).pathname)).toContain('محطة-شمسية');
    await page.getByRole('banner').getByRole('link', { name: 'English (النسخة الإنجليزية)' }).click();
    await page.waitForURL((url) => decodeURI(url.pathname) === english);
    await page.goto(`${base}/category/sports`);
    await page.getByRole('banner').getByRole('link', { name: 'English (النسخة الإنجليزية)' }).click();
    await page.waitForURL((url) => url.pathname === '/en/category/sports');
    expect(errors).toEqual([]);
    await close();
    // Without a referer (a crawler, a privacy setting) the switch goes to the edition's home.
    const bare = await fetch(`${base}/api/edition?to=en`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([303, '/en']);
    const foreign = await fetch(`${base}/api/edition?to=ar`, {
      redirect: 'manual',
      headers: { Referer: 'https://elsewhere.example/category/sports' },
    });
    expect(foreign.headers.get('location')).toBe('/');
  });

  it('an editor links and unlinks a translation; both reader pages follow at once through the cache', async () => {
    const stamp = Date.now();
    const ar = await published('ar', `سوق الذهب يستقبل موسم الأعراس ${stamp}`);
    const en = await published('en', `Gold market welcomes the wedding season ${stamp}`);
    const other = await published('ar', `تجار الذهب يطالبون بتخفيض الرسوم ${stamp}`);
    // Both pages are cached without a translation link first.
    for (const p of [ar.path, en.path]) {
      expect(translationLink(await html(encodeURI(p)))).toBeNull();
      expect(translationLink(await html(encodeURI(p)))).toBeNull();
    }

    const { page, errors, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await page
      .context()
      .addCookies([{ name: 'midad_session', value: editor.cookie.split('=')[1]!, url: base }]);
    await page.goto(`${base}/admin/articles/${ar.id}`);
    const field = page.getByLabel('الترجمة في النسخة الإنجليزية');

    // A story of the same edition is refused with a clear message; the unsaved headline stays.
    const title = page.getByLabel('العنوان');
    await title.fill(`عنوان لم يُحفظ ${stamp}`);
    await field.fill(String(other.id));
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.getByText('هذا الخبر من النسخة نفسها؛ الترجمة تكون في النسخة الأخرى.').waitFor();
    expect(await title.inputValue()).toContain('عنوان لم يُحفظ');
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    // Its reader address is enough to link the English story.
    await title.fill(`سوق الذهب يستقبل موسم الأعراس ${stamp}`);
    await field.fill(`${site}${en.path}`);
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.getByText(/^حُفظ/).waitFor();
    expect(translationLink(await html(encodeURI(ar.path)))).toEqual({ lang: 'en', href: en.path });
    expect(translationLink(await html(encodeURI(en.path)))).toEqual({ lang: 'ar', href: ar.path });
    expect(hreflang(await html(encodeURI(en.path)))).toMatchObject({
      ar: site + ar.path,
      en: site + en.path,
    });

    // Emptying the field unlinks both sides.
    await page.reload();
    expect(await field.inputValue()).toBe(String(en.id));
    await page.getByText('مربوط بـ:').waitFor();
    await field.fill('');
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.getByText(/^حُفظ/).waitFor();
    expect(translationLink(await html(encodeURI(ar.path)))).toBeNull();
    const enAfter = await html(encodeURI(en.path));
    expect(translationLink(enAfter)).toBeNull();
    expect(hreflang(enAfter)).toEqual({});
    expect(
      (
        await db
          .select({ key: articles.translationKey })
          .from(articles)
          .where(eq(articles.id, en.id))
          .limit(1)
      )[0]!.key,
    ).toBeNull();
    expect(errors).toEqual([]);
    await close();
  });

  it('a writer cannot link a translation, even calling the action by hand', async () => {
    const writer = await signedInUser(db, 'translation-writer', 'writer', 'كاتب');
    const sectionId = (await getSectionBySlug(db, 'economy'))!.id;
    const { id } = await createDraft(
      db,
      writer.id,
      articleFields({ title: `مسودة كاتب ${Date.now()}`, sectionId, authorIds: [writer.id] }),
    );
    try {
      const en = await published('en', `Writer cannot link this ${Date.now()}`);
      const story = (await getArticleForEdit(db, id))!;
      const input: Record<string, unknown> = {
        ...story,
        breakingUntil: '',
        seoTitle: '',
        seoDescription: '',
        translation: String(en.id),
      };
      const keys = Object.keys(articleDraftSchema.shape);
      const answer = await callAction(
        base,
        'saveArticleAction',
        [Object.fromEntries(keys.map((k) => [k, input[k]]))],
        writer.cookie,
      );
      expect(answer).toContain('"ok":true');
      expect((await getArticleForEdit(db, id))!.translation).toBeNull();
      expect((await getArticleForEdit(db, en.id))!.translation).toBeNull();
    } finally {
      // The writer's draft, revision and audit lines go before the account.
      await db.delete(articles).where(eq(articles.id, id));
      await db.delete(auditLog).where(eq(auditLog.userId, writer.id));
      await writer.remove();
    }
  });
});
