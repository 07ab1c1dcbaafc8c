import { eq, inArray, like } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft, transitionArticle } from '@/db/mutations/articles';
import { createUser } from '@/db/mutations/users';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles, media, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { launchBrowser, loginAs, openPage } from '../helpers/browser';
import { articleFields } from '../helpers/fixtures';
import { openServerDb } from '../helpers/server-db';

/** The editor's small things: its heading after the first save, counters, the link dialog, credits. */
const base = inject('baseURL');
let browser: Browser;
let db: Db;
const stamp = Date.now();
const EDITOR = { email: `ed-${stamp}@details.example`, password: 'مكتب-التحرير-7', name: `محررة ${stamp}` };
const TITLE = `دورة مجانية لتعليم السباحة ${stamp}`;
let editorId = 0;
const made: number[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  db = openServerDb(inject('dataDir'));
  editorId = await createUser(
    db,
    {
      email: EDITOR.email,
      name: EDITOR.name,
      slug: `details-${stamp}`,
      role: 'editor',
      passwordHash: await hashPassword(EDITOR.password),
    },
    null,
  );
});

afterAll(async () => {
  await db.delete(articles).where(like(articles.title, `%${stamp}%`));
  if (made.length) await db.delete(articles).where(inArray(articles.id, made));
  await db.delete(users).where(eq(users.id, editorId));
  await closeDb(db);
  await browser?.close();
});

const login = (page: Page) => loginAs(page, base, EDITOR);

describe('editor details', () => {
  it('a new story’s heading and links change after its first save; too-long fields name their limit', async () => {
    const { page, errors, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page);
    await page.goto(base + '/admin/articles/new');
    await page.getByRole('heading', { name: 'خبر جديد' }).waitFor();
    const title = page.getByLabel('العنوان', { exact: true });
    await title.fill('ع'.repeat(301));
    await page.getByText('301 من 300 حرف — أطول من المسموح بحرف واحد').waitFor();
    await page.getByLabel('القسم').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await page.getByText('العنوان أطول من 300 حرف.').waitFor();
    // Nothing typed is thrown away: the long headline is still there to shorten.
    expect((await title.inputValue()).length).toBe(301);
    expect(await page.getByRole('link', { name: 'المراجعات' }).count()).toBe(0);

    await title.fill(TITLE);
    await page.getByText(`${TITLE.length} من 300 حرف`, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await page.getByRole('heading', { name: 'تحرير الخبر' }).waitFor();
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    expect(id).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'المراجعات' }).getAttribute('href')).toBe(
      `/admin/articles/${id}/revisions`,
    );
    expect(errors).toEqual([]);
    await close();
  });

  it('links go in through a dialog that takes www addresses, refuses javascript: and removes links', async () => {
    const sectionId = (await getSectionBySlug(db, 'local'))!.id;
    const { id } = await createDraft(
      db,
      editorId,
      articleFields({
        title: `رابط ${stamp}`,
        sectionId,
        authorIds: [editorId],
        body: '<p>اقرأ التقرير الكامل</p>',
      }),
    );
    made.push(id);
    const { page, close } = await openPage(browser, { viewport: { width: 375, height: 800 } });
    await login(page);
    await page.goto(`${base}/admin/articles/${id}`);
    const body = page.getByRole('textbox', { name: 'نص الخبر' });
    await body.getByText('اقرأ التقرير الكامل').dblclick();
    await page.getByRole('button', { name: 'رابط', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'إضافة رابط' });
    await dialog.getByLabel('عنوان الرابط').fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'تطبيق' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'لا تُقبل إلا روابط http' }).waitFor();
    await dialog.getByLabel('عنوان الرابط').fill('www.example.com/report');
    await dialog.getByLabel('عنوان الرابط').press('Enter');
    await body.locator('a[href="https://www.example.com/report"]').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);

    await body.locator('a[href="https://www.example.com/report"]').click();
    await page.getByRole('button', { name: 'رابط', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'تعديل الرابط' });
    await expect
      .poll(() => edit.getByLabel('عنوان الرابط').inputValue())
      .toBe('https://www.example.com/report');
    await edit.getByRole('button', { name: 'إزالة هذا الرابط' }).click();
    expect(await body.locator('a').count()).toBe(0);
    await close();
  });

  it('prints «تصوير:» once, even when the stored credit already starts with it', async () => {
    const image = (await db.select({ id: media.id, credit: media.credit }).from(media).limit(1))[0]!;
    await db.update(media).set({ credit: 'تصوير: وكالة سانا' }).where(eq(media.id, image.id));
    try {
      const sectionId = (await getSectionBySlug(db, 'local'))!.id;
      const { id } = await createDraft(
        db,
        editorId,
        articleFields({ title: `صورة ${stamp}`, sectionId, authorIds: [editorId], heroMediaId: image.id }),
      );
      made.push(id);
      await transitionArticle(db, editorId, id, 'publish');
      const html = await (await fetch(`${base}/news/${id}`, { redirect: 'follow' })).text();
      expect(html).toContain('<bdi>وكالة سانا</bdi>');
      // The label the site prints, then the credit without the one that was typed.
      expect(html).not.toContain('<bdi>تصوير');
      expect(html).not.toMatch(/تصوير(?:<!-- -->)?: (?:<!-- -->)?(?:<bdi>)?تصوير/);
    } finally {
      await db.update(media).set({ credit: image.credit }).where(eq(media.id, image.id));
    }
  });
});
