import { eq, inArray } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft, transitionArticle, updateArticle } from '@/db/mutations/articles';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles } from '@/db/schema';
import { callAction } from '../helpers/actions';
import { launchBrowser, openPage, whenHydrated } from '../helpers/browser';
import { articleFields } from '../helpers/fixtures';
import { signedInUser } from '../helpers/session';
import { confirmDialog } from '../helpers/site-time';
import { openServerDb } from '../helpers/server-db';

/** Live steps ask once; delete goes to a trash editors restore from; editors send stories back with a note. */
const base = inject('baseURL');
const stamp = Date.now();
let browser: Browser;
let db: Db;
let editor: Awaited<ReturnType<typeof signedInUser>>;
let writer: Awaited<ReturnType<typeof signedInUser>>;
const made: number[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  db = openServerDb(inject('dataDir'));
  editor = await signedInUser(db, 'nets-editor', 'editor', 'ريم المحررة');
  writer = await signedInUser(db, 'nets-writer', 'writer', 'نور الكاتبة');
});

afterAll(async () => {
  if (made.length) await db.delete(articles).where(inArray(articles.id, made));
  for (const u of [editor, writer]) await u?.remove();
  await closeDb(db);
  await browser?.close();
});

async function story(title: string, authorId: number, body = '<p>نص الخبر الأول.</p>') {
  const fields = articleFields({
    title,
    sectionId: (await getSectionBySlug(db, 'local'))!.id,
    authorIds: [authorId],
    body,
  });
  const { id, slug } = await createDraft(db, authorId, fields);
  made.push(id);
  return { id, slug, fields };
}

async function as(
  who: { cookie: string },
  width = 1280,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const { page, close } = await openPage(browser, { viewport: { width, height: 1000 } });
  await page.context().addCookies([{ name: 'midad_session', value: who.cookie.split('=')[1]!, url: base }]);
  return { page, close };
}

const row = async (id: number) => (await db.select().from(articles).where(eq(articles.id, id)).limit(1))[0]!;

describe('confirmations', () => {
  it('publishing asks once; cancelling changes nothing', async () => {
    const { id } = await story(`معرض للحرف اليدوية في الساحة ${stamp}`, editor.id);
    const { page, close } = await as(editor);
    await page.goto(`${base}/admin/articles/${id}`);
    await page.getByRole('button', { name: 'نشر', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'نشر الخبر الآن؟' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'تراجع' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await row(id)).status).toBe('draft');
    await page.getByRole('button', { name: 'نشر', exact: true }).click();
    await confirmDialog(page, 'نعم، انشر');
    await page.getByText('الحالة: منشور').waitFor();
    expect((await row(id)).status).toBe('published');
    await close();
  });

  it('«حذف» stands apart from «نشر», in its own group', async () => {
    const { id } = await story(`حملة تشجير على طريق المطار ${stamp}`, editor.id);
    const { page, close } = await as(editor);
    await page.goto(`${base}/admin/articles/${id}`);
    const workflow = page.getByRole('group', { name: 'النشر' });
    await workflow.getByRole('button', { name: 'نشر', exact: true }).waitFor();
    expect(await workflow.getByRole('button', { name: 'حذف' }).count()).toBe(0);
    expect(
      await page
        .getByRole('group', { name: /لا رجعة فيها/ })
        .getByRole('button', { name: 'حذف' })
        .count(),
    ).toBe(1);
    await close();
  });
});

describe('trash', () => {
  it('delete → readers get 410 → an editor restores it from «المحذوفات» → republished at the same URL', async () => {
    const title = `مسابقة للقراءة في مكتبة المدينة ${stamp}`;
    const { id, slug } = await story(title, editor.id);
    await transitionArticle(db, editor.id, id, 'publish');
    const url = `${base}/news/${id}/${encodeURIComponent(slug)}`;
    expect((await fetch(url)).status).toBe(200);

    const { page, close } = await as(editor);
    await page.goto(`${base}/admin/articles/${id}`);
    await page.getByRole('button', { name: 'حذف' }).click();
    await confirmDialog(page, 'نعم، احذف');
    await page.waitForURL(/\/admin\/articles\?trashed=\d+$/);
    await page.getByRole('status').filter({ hasText: 'نُقل الخبر إلى المحذوفات' }).waitFor();
    expect((await fetch(url)).status).toBe(410);

    await page
      .getByRole('link', { name: /^المحذوفات/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'المحذوفات' }).waitFor();
    await page.getByRole('button', { name: `استعادة: ${title}` }).click();
    await page.getByRole('status').filter({ hasText: 'استُعيد الخبر مسودةً' }).waitFor();
    expect(await row(id)).toMatchObject({ status: 'draft', deletedAt: null, slug });
    expect(await page.getByRole('button', { name: `استعادة: ${title}` }).count()).toBe(0);
    // Still off the site until an editor publishes it again; then the same address answers.
    expect((await fetch(url)).status).toBe(404);
    expect(await callAction(base, 'transitionArticleAction', [id, 'publish'], editor.cookie)).toContain(
      '"ok":true',
    );
    expect((await fetch(url)).status).toBe(200);
    await close();
  });

  it('is for editors: a writer does not see it', async () => {
    const { id } = await story(`ورشة للرسم على الجدران ${stamp}`, writer.id);
    await transitionArticle(db, editor.id, id, 'delete');
    const res = await fetch(`${base}/admin/articles?view=trash`, { headers: { cookie: writer.cookie } });
    expect(await res.text()).not.toContain('ورشة للرسم على الجدران');
    expect((await row(id)).deletedAt).not.toBeNull();
  });
});

describe('sending back to the writer', () => {
  it('an editor returns a story in review with a note; the writer sees it on the dashboard', async () => {
    const title = `نادي السينما يعرض أفلاماً قصيرة ${stamp}`;
    const { id } = await story(title, writer.id);
    await transitionArticle(db, writer.id, id, 'submit');
    const { page, close } = await as(editor);
    await page.goto(`${base}/admin/articles/${id}`);
    await page.getByRole('button', { name: 'إعادة إلى الكاتب' }).click();
    const dialog = page.getByRole('dialog', { name: 'إعادة الخبر إلى كاتبه؟' });
    const send = dialog.getByRole('button', { name: 'أعِده مع الملاحظة' });
    expect(await send.isDisabled()).toBe(true);
    await dialog.getByLabel(/ملاحظة للكاتب/).fill('أضف أسماء الأفلام ومواعيد العرض.');
    await send.click();
    await page.getByText('الحالة: مسودة').waitFor();
    expect((await row(id)).status).toBe('draft');
    await close();

    const w = await as(writer, 375);
    await w.page.goto(`${base}/admin`);
    const section = w.page.getByRole('region', { name: 'أُعيدت إليك' });
    await section.getByRole('link', { name: title }).waitFor();
    expect(await section.innerText()).toContain('أضف أسماء الأفلام ومواعيد العرض.');
    expect(await section.innerText()).toContain('أعادها ريم المحررة');
    expect(await section.getByRole('link', { name: title }).getAttribute('href')).toBe(
      `/admin/articles/${id}`,
    );
    await w.close();
  });
});

describe('revisions', () => {
  it('show formatting, link and tag changes, and restoring a published story asks, then says it did', async () => {
    const title = `سوق المزارعين يفتح كل جمعة ${stamp}`;
    const { id, fields } = await story(
      title,
      editor.id,
      '<p>يفتح السوق صباحاً قرب <a href="https://old.example/">الحديقة</a>.</p>',
    );
    await transitionArticle(db, editor.id, id, 'publish');
    await updateArticle(db, editor.id, id, {
      ...fields,
      body: '<p>يفتح <strong>السوق</strong> صباحاً قرب <a href="https://new.example/">الحديقة</a>.</p>',
      tags: [{ name: 'أسواق', slug: 'أسواق' }],
    });
    const { page, close } = await as(editor);
    await page.goto(`${base}/admin/articles/${id}/revisions`);
    const latest = page.getByRole('listitem').first();
    await latest.locator('ins').filter({ hasText: 'بداية عريض' }).waitFor();
    expect(await latest.locator('del').filter({ hasText: 'رابط إلى https://old.example/' }).count()).toBe(1);
    expect(await latest.locator('ins').filter({ hasText: 'رابط إلى https://new.example/' }).count()).toBe(1);
    expect(await latest.locator('ins').filter({ hasText: 'أسواق' }).count()).toBe(1);

    await (await whenHydrated(page.getByRole('button', { name: 'استعادة هذه النسخة' }).first())).click();
    await page.getByRole('dialog', { name: 'استعادة هذه النسخة للخبر المنشور؟' }).waitFor();
    expect((await row(id)).body).toContain('<strong>');
    await confirmDialog(page, 'نعم، استعد');
    await page.waitForURL(new RegExp(`/admin/articles/${id}\\?restored=\\d+$`));
    await page
      .getByRole('status')
      .filter({ hasText: /^استُعيدت نسخة/ })
      .waitFor();
    expect((await row(id)).body).not.toContain('<strong>');
    await close();
  });
});
