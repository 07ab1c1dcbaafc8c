import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft } from '@/db/mutations/articles';
import { createUser } from '@/db/mutations/users';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { launchBrowser, loginAs, openPage, whenHydrated } from '../helpers/browser';
import { articleFields } from '../helpers/fixtures';
import { confirmDialog } from '../helpers/site-time';
import { openServerDb } from '../helpers/server-db';

const base = inject('baseURL');
let browser: Browser;
let db: Db;
const stamp = Date.now();
const WRITER = { email: `writer-${stamp}@midad.example`, password: 'قلم-رصاص-أزرق-9', name: 'نور الكاتبة' };
const EDITOR = { email: `editor-${stamp}@midad.example`, password: 'مكتب-التحرير-7', name: 'باسل المحرر' };
const TITLE = `سوق الكتب المستعملة يعود إلى ساحة المدينة ${stamp}`;

beforeAll(async () => {
  browser = await launchBrowser();
  db = openServerDb(inject('dataDir'));
  for (const [u, role] of [
    [WRITER, 'writer'],
    [EDITOR, 'editor'],
  ] as const) {
    await createUser(
      db,
      {
        email: u.email,
        name: u.name,
        slug: `${role}-${stamp}`,
        role,
        passwordHash: await hashPassword(u.password),
      },
      null,
    );
  }
});

afterAll(async () => {
  await db.delete(articles).where(eq(articles.title, TITLE));
  for (const u of [WRITER, EDITOR]) await db.delete(users).where(eq(users.email, u.email));
  await closeDb(db);
  await browser?.close();
});

const login = (page: Page, who: { email: string; password: string; name: string }) =>
  loginAs(page, base, who);

describe('writer drafts, editor publishes', () => {
  let editUrl = '';

  it('a writer drafts an Arabic story and submits it for review, but cannot publish', async () => {
    const { page, errors, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page, WRITER);
    await page.goto(base + '/admin/articles/new');
    await page.getByLabel('العنوان').fill(TITLE);
    expect(await page.getByLabel('الرابط المختصر (slug)').inputValue()).toContain('سوق-الكتب');
    await page.getByLabel('الملخص').fill('باعة الكتب يعودون كل جمعة بعد غياب طويل.');
    await page.getByLabel('القسم').selectOption({ label: 'ثقافة وفن' });
    await page.getByLabel('الوسوم').fill('كتب، أسواق');
    const body = page.getByRole('textbox', { name: 'نص الخبر' });
    await body.click();
    await page.keyboard.type('عادت بسطات الكتب المستعملة إلى الساحة صباح الجمعة.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'عنوان فرعي' }).click();
    await page.keyboard.type('أسعار في المتناول');
    expect(await page.getByRole('button', { name: 'نشر', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+$/);
    editUrl = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'إرسال للمراجعة' }).click();
    await page.getByText('الحالة: قيد المراجعة').waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it('an editor publishes it and readers see it at once', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page, EDITOR);
    await page.goto(base + editUrl);
    expect(await page.getByLabel('العنوان').inputValue()).toBe(TITLE);
    // Opening a story is not editing it: no unsaved-changes warning until someone types.
    await page.getByRole('button', { name: 'عنوان فرعي' }).waitFor();
    expect(await page.getByText('تغييرات غير محفوظة').count()).toBe(0);
    await page.getByRole('button', { name: 'نشر', exact: true }).click();
    await confirmDialog(page, 'نعم، انشر');
    await page.getByText('الحالة: منشور').waitFor();
    const home = await (await fetch(base + '/')).text();
    expect(home).toContain(TITLE);
    const id = editUrl.split('/').pop();
    const article = await fetch(`${base}/news/${id}`, { redirect: 'follow' });
    expect(article.status).toBe(200);
    const html = await article.text();
    expect(html).toContain('<h2>أسعار في المتناول</h2>');
    expect(html).toContain('نور الكاتبة');
    await close();
  });

  it('an edit keeps a revision with a readable diff, and an older one restores in one click', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page, EDITOR);
    await page.goto(base + editUrl);
    await page.getByLabel('العنوان').fill(`${TITLE} – محدث`);
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.getByText(/^حُفظ/).waitFor();
    await page.getByRole('link', { name: 'المراجعات' }).click();
    await page.getByRole('heading', { name: /المراجعات/ }).waitFor();
    expect(await page.locator('ins').filter({ hasText: 'محدث' }).count()).toBeGreaterThan(0);
    await (await whenHydrated(page.getByRole('button', { name: 'استعادة هذه النسخة' }).first())).click();
    await confirmDialog(page, 'نعم، استعد');
    await page.waitForURL(new RegExp(`${editUrl}\\?restored=\\d+$`));
    expect(await page.getByLabel('العنوان').inputValue()).toBe(TITLE);
    await close();
  });

  it('a correction note shows on the article with its date; previews are private and never indexed', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page, EDITOR);
    await page.goto(base + editUrl);
    await page.getByLabel('أضف تصحيحاً ظاهراً').fill('صُحّح موعد السوق من السبت إلى الجمعة.');
    // Not "the next POST": the editor's lock heartbeat posts too. The note's own page reload says it is done.
    await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes('صُحّح موعد السوق'),
      ),
      page.getByRole('button', { name: 'نشر التصحيح' }).click(),
    ]);
    const id = editUrl.split('/').pop();
    const html = await (await fetch(`${base}/news/${id}`, { redirect: 'follow' })).text();
    expect(html).toContain('صُحّح موعد السوق من السبت إلى الجمعة.');

    const preview = await page.goto(`${base}${editUrl}/preview`);
    expect(preview?.status()).toBe(200);
    expect(await preview?.headerValue('x-robots-tag')).toContain('noindex');
    expect(await preview?.headerValue('cache-control')).toBe('private, no-store');
    expect(await page.locator('h1').innerText()).toContain(TITLE);
    const anonymous = await fetch(`${base}${editUrl}/preview`, { redirect: 'manual' });
    expect(anonymous.headers.get('location')).toMatch(/\/admin\/login$/);
    await close();
  });

  it('bulk-moves selected stories to another section from the articles table', async () => {
    const local = (await getSectionBySlug(db, 'local'))!.id;
    const sports = (await getSectionBySlug(db, 'sports'))!.id;
    const label = `نقل جماعي ${stamp}`;
    const ids: number[] = [];
    for (const n of [1, 2]) {
      const { id } = await createDraft(
        db,
        1,
        articleFields({
          title: `${label} ${n}`,
          slug: `bulk-${stamp}-${n}`,
          sectionId: local,
          authorIds: [1],
        }),
      );
      ids.push(id);
    }
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page, EDITOR);
    await page.goto(`${base}/admin/articles?q=${encodeURIComponent(label)}`);
    for (const n of [1, 2]) await page.getByRole('checkbox', { name: `تحديد: ${label} ${n}` }).check();
    await page.getByLabel('إجراء جماعي').selectOption('move');
    await page.locator('#bulk').getByLabel('القسم').selectOption({ label: 'رياضة' });
    await Promise.all([
      page.waitForURL(/done=2/),
      page.getByRole('button', { name: 'تطبيق على المحدد' }).click(),
    ]);
    for (const id of ids) {
      expect(
        (await db.select({ s: articles.sectionId }).from(articles).where(eq(articles.id, id)).limit(1))[0]!.s,
      ).toBe(sports);
      await db.delete(articles).where(eq(articles.id, id));
    }
    await close();
  });
});
