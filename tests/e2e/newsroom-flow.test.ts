import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loginAs, openPage, whenHydrated } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { openServerDb } from '../helpers/server-db';
import { confirmDialog, fillSiteTime } from '../helpers/site-time';
import { toWallClockValue } from '@/lib/time/site-zone';
import { closeDb } from '@/db/client';
import { articles } from '@/db/schema';

/**
 * The newsroom's whole day on a fresh install, in the browser: first-run setup with the token,
 * accounts, a writer's story with images, review, publishing, an edit and a restore, a scheduled
 * story going live by itself, unpublishing (404) and deleting (410).
 */
let server: RunningServer;
let browser: Browser;
const ADMIN = { name: 'سلمى المديرة', email: 'salma@midad.example', password: 'حبر-الصباح-2026' };
const WRITER = { name: 'نور الكاتبة', email: 'nour@midad.example', password: 'قلم-رصاص-أزرق-9' };
const EDITOR = { name: 'باسل المحرر', email: 'basel@midad.example', password: 'مكتب-التحرير-7' };
const TITLE = 'ورشة لإصلاح الدراجات تفتح أبوابها للشباب في حي الميدان';
const SCHEDULED = 'مكتبة الحي تمدد ساعات عملها في موسم الامتحانات';

beforeAll(async () => {
  server = await startServer({}, { seeded: inject('seededData') });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const login = (page: Page, who: { email: string; password: string; name: string }) =>
  loginAs(page, server.baseURL, who);

async function reader(path: string) {
  const res = await fetch(server.baseURL + path, { redirect: 'follow' });
  return { status: res.status, body: await res.text() };
}

describe('a day in the newsroom', () => {
  let articleUrl = '';
  let editUrl = '';

  it('first run: the token from the setup-link file creates the admin, who creates a writer and an editor', async () => {
    const link = fs.readFileSync(path.join(server.dataDir, 'setup-link.txt'), 'utf8');
    const token = /\/admin\/setup\?token=([\w-]+)/.exec(link)![1]!;
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await page.goto(`${server.baseURL}/admin/setup?token=${token}`);
    await page.getByLabel('الاسم').fill(ADMIN.name);
    await page.getByLabel('البريد الإلكتروني').fill(ADMIN.email);
    await page.getByLabel('كلمة المرور').fill(ADMIN.password);
    await page.getByRole('button', { name: 'إنشاء حساب المدير' }).click();
    await page.getByRole('heading', { name: `أهلاً ${ADMIN.name}` }).waitFor();
    for (const [who, role] of [
      [WRITER, 'كاتب'],
      [EDITOR, 'محرر'],
    ] as const) {
      await page.goto(server.baseURL + '/admin/users');
      const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'إنشاء حساب' }) });
      await form.getByLabel('الاسم').fill(who.name);
      await form.getByLabel('البريد').fill(who.email);
      await form.getByLabel('الدور').selectOption({ label: role });
      await form.getByLabel('كلمة المرور').fill(who.password);
      await form.getByRole('button', { name: 'إنشاء حساب' }).click();
      await page.getByText('حُفظ.').waitFor();
    }
    await close();
  });

  it('a writer uploads a photo, drafts an Arabic story with it and submits it for review', async () => {
    const { page, errors, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page, WRITER);
    await page.goto(server.baseURL + '/admin/media');
    const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#8a5a2b' } })
      .jpeg()
      .toBuffer();
    await page.locator('#file').setInputFiles({ name: 'ورشة.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByLabel('النص البديل (وصف الصورة)').fill('شبان يصلحون دراجة في ورشة صغيرة');
    await page.getByLabel('التعليق', { exact: true }).fill('ورشة الدراجات في يومها الأول');
    await page.getByLabel('المصدر / المصوّر').fill('مداد');
    await page.getByRole('button', { name: 'رفع صورة' }).click();
    await page.getByText('رُفعت الصورة.').waitFor();

    await page.goto(server.baseURL + '/admin/articles/new');
    await page.getByLabel('العنوان').fill(TITLE);
    await page.getByLabel('الملخص').fill('متطوعون يعلمون الشباب إصلاح دراجاتهم مجاناً كل سبت.');
    await page.getByLabel('القسم').selectOption({ label: 'محليات' });
    await page.getByLabel('الوسوم').fill('دراجات، شباب');
    await page.getByRole('button', { name: 'اختيار صورة' }).click();
    await page
      .getByRole('dialog', { name: 'اختيار الصورة الرئيسية' })
      .getByRole('button', { name: 'شبان يصلحون دراجة في ورشة صغيرة' })
      .click();
    await page.getByRole('textbox', { name: 'نص الخبر' }).click();
    await page.keyboard.type('افتتحت في حي الميدان ورشة يديرها متطوعون لإصلاح الدراجات.');
    await page.getByRole('button', { name: 'إدراج صورة' }).click();
    await page
      .getByRole('dialog', { name: 'إدراج صورة في النص' })
      .getByRole('button', { name: 'شبان يصلحون دراجة في ورشة صغيرة' })
      .click();
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+$/);
    editUrl = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'إرسال للمراجعة' }).click();
    await page.getByText('الحالة: قيد المراجعة').waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it('an editor publishes it, and home, section, article and latest show it within a second', async () => {
    for (const p of ['/', '/category/local', '/latest']) await reader(p); // warm the page cache
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page, EDITOR);
    await page.goto(server.baseURL + '/admin/articles?status=review');
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('button', { name: 'نشر', exact: true }).click();
    await confirmDialog(page, 'نعم، انشر');
    await page.getByText('الحالة: منشور').waitFor();
    const published = Date.now();
    const id = editUrl.split('/').pop();
    const article = await fetch(`${server.baseURL}/news/${id}`, { redirect: 'manual' });
    articleUrl = new URL(article.headers.get('location')!, server.baseURL).pathname;
    for (const p of ['/', '/category/local', '/latest', articleUrl])
      expect((await reader(p)).body, p).toContain(TITLE);
    expect(Date.now() - published).toBeLessThan(1000 + 2000);
    const html = (await reader(articleUrl)).body;
    expect(html).toContain('<figcaption>ورشة الدراجات في يومها الأول – مداد</figcaption>');
    expect(html).toContain('شبان يصلحون دراجة في ورشة صغيرة');
    await close();
  });

  it('an edit shows at once, and restoring the older revision brings the headline back', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page, EDITOR);
    await page.goto(server.baseURL + editUrl);
    await page.getByLabel('العنوان').fill(`${TITLE} بعد التحديث`);
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.getByText(/^حُفظ/).waitFor();
    expect((await reader(articleUrl)).body).toContain(`${TITLE} بعد التحديث`);
    await page.getByRole('link', { name: 'المراجعات' }).click();
    await (await whenHydrated(page.getByRole('button', { name: 'استعادة هذه النسخة' }).first())).click();
    await confirmDialog(page, 'نعم، استعد');
    await page.waitForURL(new RegExp(`${editUrl}\\?restored=\\d+$`));
    const restored = (await reader(articleUrl)).body;
    expect(restored).toContain(TITLE);
    expect(restored).not.toContain(`${TITLE} بعد التحديث`);
    await close();
  });

  it('a story scheduled ahead goes live by itself at its time, not before', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page, EDITOR);
    await page.goto(server.baseURL + '/admin/articles/new');
    await page.getByLabel('العنوان').fill(SCHEDULED);
    await page.getByLabel('القسم').selectOption({ label: 'ثقافة وفن' });
    await page.getByRole('textbox', { name: 'نص الخبر' }).click();
    await page.keyboard.type('تفتح المكتبة حتى العاشرة مساءً طوال أسبوعين.');
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const typed = new Date(Date.now() + 2 * 60_000);
    typed.setSeconds(0, 0);
    typed.setMinutes(typed.getMinutes() + 1);
    await fillSiteTime(page, /موعد النشر/, toWallClockValue(typed, 'Asia/Damascus'));
    await page.getByRole('button', { name: 'جدولة' }).click();
    await page.getByText('الحالة: مجدول').waitFor();
    await close();

    const db = openServerDb(server.dataDir);
    try {
      const [stored] = await db
        .select({ at: articles.publishedAt })
        .from(articles)
        .where(eq(articles.id, id))
        .limit(1);
      expect(stored?.at?.getTime()).toBe(typed.getTime());
      expect((await fetch(`${server.baseURL}/news/${id}`)).status, 'not before its time').toBe(404);
      // The field takes whole minutes; rather than wait three of them, the test brings the stored
      // time close: the server's own scheduler still has to publish it.
      const at = new Date(Date.now() + 3_000);
      await db.update(articles).set({ publishedAt: at }).where(eq(articles.id, id));
      let liveAt = 0;
      while (Date.now() < at.getTime() + 60_000) {
        const res = await fetch(`${server.baseURL}/news/${id}`, { redirect: 'follow' });
        if (res.status === 200) {
          liveAt = Date.now();
          break;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(liveAt, 'went live').toBeGreaterThan(0);
      expect(liveAt).toBeGreaterThanOrEqual(at.getTime() - 1000);
      expect((await reader('/latest')).body).toContain(SCHEDULED);
    } finally {
      await closeDb(db);
    }
  }, 120_000);

  it('unpublishing gives readers a 404, deleting a 410', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page, EDITOR);
    await page.goto(server.baseURL + editUrl);
    await page.getByRole('button', { name: 'إلغاء النشر' }).click();
    await confirmDialog(page, 'نعم، ألغِ النشر');
    await page.getByText('الحالة: مسودة').waitFor();
    expect((await fetch(server.baseURL + articleUrl)).status).toBe(404);
    await page.getByRole('button', { name: 'حذف' }).click();
    await confirmDialog(page, 'نعم، احذف');
    await page.waitForURL(/\/admin\/articles\?trashed=\d+$/);
    expect((await fetch(server.baseURL + articleUrl)).status).toBe(410);
    expect((await reader('/')).body).not.toContain(TITLE);
    await close();
  });
});
