import { eq, inArray } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft, transitionArticle } from '@/db/mutations/articles';
import { createUser } from '@/db/mutations/users';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { parseSiteTime, toWallClock, toWallClockValue } from '@/lib/time/site-zone';
import { launchBrowser, loginAs, openPage } from '../helpers/browser';
import { articleFields } from '../helpers/fixtures';
import { openServerDb } from '../helpers/server-db';
import { fillSiteTime } from '../helpers/site-time';

/**
 * Times editors type are the site's (Asia/Damascus), whatever the browser's zone: a London browser
 * typing 22:00 schedules 22:00 Damascus time, and the editor shows it again after a reload.
 */
const base = inject('baseURL');
const ZONE = 'Asia/Damascus';
const stamp = Date.now();
const EDITOR = { email: `tz-editor-${stamp}@midad.example`, password: 'مكتب-التحرير-7', name: 'ريم المحررة' };
let browser: Browser;
let db: Db;
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
      slug: `tz-editor-${stamp}`,
      role: 'editor',
      passwordHash: await hashPassword(EDITOR.password),
    },
    null,
  );
});

afterAll(async () => {
  if (made.length) await db.delete(articles).where(inArray(articles.id, made));
  await db.delete(users).where(eq(users.id, editorId));
  await closeDb(db);
  await browser?.close();
});

async function draft(title: string): Promise<number> {
  const { id } = await createDraft(
    db,
    editorId,
    articleFields({ title, sectionId: (await getSectionBySlug(db, 'local'))!.id, authorIds: [editorId] }),
  );
  made.push(id);
  return id;
}

const stored = async (id: number) =>
  (
    await db
      .select({ status: articles.status, at: articles.publishedAt })
      .from(articles)
      .where(eq(articles.id, id))
      .limit(1)
  )[0]!;

/** Tomorrow in Damascus at hh:mm, as the site's wall clock. */
function tomorrowAt(hour: number, minute = 0): string {
  const now = toWallClock(new Date(), ZONE);
  const d = new Date(Date.UTC(now.year, now.month - 1, now.day + 1));
  return toWallClockValue(
    new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, minute)),
    'UTC',
  );
}

describe('scheduling in the site time zone', () => {
  it('a London browser types 22:00 tomorrow and the story is scheduled for 22:00 Damascus time', async () => {
    const id = await draft(`أمسية موسيقية في القلعة ${stamp}`);
    const { page, errors, close } = await openPage(browser, {
      viewport: { width: 1280, height: 1000 },
      timezoneId: 'Europe/London',
    });
    await loginAs(page, base, EDITOR);
    await page.goto(`${base}/admin/articles/${id}`);
    const field = page.getByRole('group', { name: /موعد النشر/ });
    await field.getByText('بتوقيت دمشق').waitFor();
    const at = tomorrowAt(22);
    await fillSiteTime(page, /موعد النشر/, at);
    await page.getByRole('button', { name: 'جدولة', exact: true }).click();
    await page.getByText('الحالة: مجدول').waitFor();
    expect(await stored(id)).toEqual({ status: 'scheduled', at: parseSiteTime(at, ZONE) });
    // 22:00 in Damascus (UTC+3) is 19:00 UTC, whatever London's offset that day.
    expect((await stored(id)).at!.getUTCHours()).toBe(19);

    await page.reload();
    const again = page.getByRole('group', { name: /موعد النشر/ });
    await again.getByText('بتوقيت دمشق').waitFor();
    expect(await again.getByLabel('الساعة').inputValue()).toBe('22');
    expect(await again.getByLabel('الدقيقة').inputValue()).toBe('00');
    expect(await again.getByLabel('اليوم').inputValue()).toBe(String(Number(at.slice(8, 10))));
    expect(await page.getByText(/^مجدول للنشر .*22:00 بتوقيت دمشق$/).count()).toBe(1);

    // Change the time without publishing, then unschedule: back to a draft with no time.
    await fillSiteTime(page, /موعد النشر/, tomorrowAt(23, 30));
    await page.getByRole('button', { name: 'تغيير الموعد' }).click();
    await page
      .getByText(/^مجدول للنشر .*23:30 بتوقيت دمشق$/)
      .first()
      .waitFor();
    expect(await stored(id)).toEqual({ status: 'scheduled', at: parseSiteTime(tomorrowAt(23, 30), ZONE) });
    await page.getByRole('button', { name: 'إلغاء الجدولة' }).click();
    await page.getByText('الحالة: مسودة').waitFor();
    expect(await stored(id)).toEqual({ status: 'draft', at: null });
    expect(errors).toEqual([]);
    await close();
  });

  it('a published story shows when it went live and offers no schedule', async () => {
    const id = await draft(`سوق الخضار يفتح مبكراً ${stamp}`);
    await transitionArticle(db, editorId, id, 'publish');
    const { page, close } = await openPage(browser, {
      viewport: { width: 1280, height: 1000 },
      timezoneId: 'Europe/London',
    });
    await loginAs(page, base, EDITOR);
    await page.goto(`${base}/admin/articles/${id}`);
    await page.getByText('الحالة: منشور').waitFor();
    await page.getByText(/^نُشر .* بتوقيت دمشق$/).waitFor();
    expect(await page.getByRole('group', { name: /موعد النشر/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'جدولة', exact: true }).count()).toBe(0);
    await close();
  });

  it('a time that is not a date is refused with a message, and nothing changes', async () => {
    const id = await draft(`معرض الكتاب المدرسي ${stamp}`);
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await loginAs(page, base, EDITOR);
    await page.goto(`${base}/admin/articles/${id}`);
    await fillSiteTime(page, /موعد النشر/, tomorrowAt(10));
    await page
      .getByRole('group', { name: /موعد النشر/ })
      .getByLabel('اليوم')
      .fill('٣١');
    await page
      .getByRole('group', { name: /موعد النشر/ })
      .getByLabel('الشهر')
      .selectOption('2');
    await page.getByRole('button', { name: 'جدولة', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'اكتب تاريخاً ووقتاً صحيحين' }).waitFor();
    expect(await stored(id)).toEqual({ status: 'draft', at: null });
    await close();
  });
});

describe('search date filters', () => {
  it('work without JavaScript, as days in the site time zone, with Arabic-Indic digits', async () => {
    const word = `قرنفلستان${stamp % 100000}`;
    // 00:30 on 11 March in Damascus, and 23:30 on 10 March: same UTC date, different site days.
    const early = await draft(`${word} صباحاً`);
    await transitionArticle(db, editorId, early, 'publish', { now: new Date('2026-03-10T21:30:00Z') });
    const late = await draft(`${word} مساءً`);
    await transitionArticle(db, editorId, late, 'publish', { now: new Date('2026-03-10T20:30:00Z') });
    const { page, close } = await openPage(browser, {
      viewport: { width: 375, height: 800 },
      javaScriptEnabled: false,
      timezoneId: 'America/New_York',
    });
    await page.goto(`${base}/search?q=${encodeURIComponent(word)}`);
    for (const legend of ['من تاريخ', 'إلى تاريخ']) {
      const field = page.getByRole('group', { name: legend });
      await field.getByLabel('اليوم').fill('١١');
      await field.getByLabel('الشهر').selectOption({ label: 'آذار - مارس' });
      await field.getByLabel('السنة').fill('٢٠٢٦');
    }
    await Promise.all([page.waitForURL(/from_d=/), page.getByRole('button', { name: 'ابحث' }).click()]);
    const results = page.getByRole('heading', { level: 2, name: /نتيجة واحدة/ });
    await results.waitFor();
    const html = await page.content();
    expect(html).toContain(`/news/${early}/`);
    expect(html).not.toContain(`/news/${late}/`);
    // The form keeps what was asked, in its own boxes.
    expect(await page.getByRole('group', { name: 'من تاريخ' }).getByLabel('اليوم').inputValue()).toBe('11');
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    await close();
  });
});
