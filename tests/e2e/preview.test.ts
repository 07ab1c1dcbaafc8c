import { inArray } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft, transitionArticle } from '@/db/mutations/articles';
import { getDateSettings } from '@/db/queries/settings';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles } from '@/db/schema';
import { formatArabicDate } from '@/lib/arabic/dates';
import { launchBrowser, openPage } from '../helpers/browser';
import { articleFields } from '../helpers/fixtures';
import { signedInUser } from '../helpers/session';
import { openServerDb } from '../helpers/server-db';

/** «معاينة»: the story as readers will see it, for its writer and for editors, never cached or indexed. */
const base = inject('baseURL');
const stamp = Date.now();
let browser: Browser;
let db: Db;
let editor: Awaited<ReturnType<typeof signedInUser>>;
let writer: Awaited<ReturnType<typeof signedInUser>>;
let other: Awaited<ReturnType<typeof signedInUser>>;
const made: number[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  db = openServerDb(inject('dataDir'));
  editor = await signedInUser(db, 'preview-editor', 'editor', 'ريم المحررة');
  writer = await signedInUser(db, 'preview-writer', 'writer', 'نور الكاتبة');
  other = await signedInUser(db, 'preview-other', 'writer', 'سامي الكاتب');
});

afterAll(async () => {
  if (made.length) await db.delete(articles).where(inArray(articles.id, made));
  for (const u of [editor, writer, other]) await u?.remove();
  await closeDb(db);
  await browser?.close();
});

async function story(title: string, authorId: number): Promise<number> {
  const { id } = await createDraft(
    db,
    authorId,
    articleFields({
      title,
      sectionId: (await getSectionBySlug(db, 'local'))!.id,
      authorIds: [authorId],
      sourceOutlet: 'مداد',
    }),
  );
  made.push(id);
  return id;
}

const get = (id: number, cookie: string) =>
  fetch(`${base}/admin/articles/${id}/preview`, { headers: { cookie }, redirect: 'manual' });

/** "2-12-2026": the source line's date, as the article page writes it. */
function numericToday(timeZone: string): string {
  const p = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone })
    .formatToParts(new Date())
    .reduce<Record<string, string>>((acc, x) => ({ ...acc, [x.type]: x.value }), {});
  return `${p.day}-${p.month}-${p.year}`;
}

describe('preview', () => {
  it('opens from the editor in a new tab and shows a draft dated today, never 1970', async () => {
    const title = `حديقة الحي تستقبل زوارها بعد الترميم ${stamp}`;
    const id = await story(title, writer.id);
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await page
      .context()
      .addCookies([{ name: 'midad_session', value: editor.cookie.split('=')[1]!, url: base }]);
    await page.goto(`${base}/admin/articles/${id}`);
    const link = page.getByRole('link', { name: /^معاينة/ });
    expect(await link.getAttribute('target')).toBe('_blank');
    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await tab!.waitForLoadState();
    expect(new URL(tab!.url()).pathname).toBe(`/admin/articles/${id}/preview`);
    await tab!.getByRole('heading', { level: 1, name: title }).waitFor();
    const text = await tab!.locator('article').innerText();
    const dates = await getDateSettings(db);
    expect(text).toContain(`نُشر في ${formatArabicDate(new Date(), dates)}`);
    expect(text).toContain(`(مداد ${numericToday(dates.timeZone)})`);
    expect(text).not.toContain('1970');
    expect(await tab!.locator('meta[name="robots"]').getAttribute('content')).toMatch(/noindex, nofollow/);
    await close();
  });

  it('is offered for a new story as soon as its first save gives it an address', async () => {
    const title = `فرقة الحي تتدرب لحفل الربيع ${stamp}`;
    const { page, close } = await openPage(browser, { viewport: { width: 375, height: 900 } });
    await page
      .context()
      .addCookies([{ name: 'midad_session', value: editor.cookie.split('=')[1]!, url: base }]);
    await page.goto(`${base}/admin/articles/new`);
    expect(await page.getByRole('link', { name: /^معاينة/ }).count()).toBe(0);
    await page.getByLabel('العنوان').fill(title);
    await page.getByLabel('القسم').selectOption({ label: 'محليات' });
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    made.push(id);
    expect(await page.getByRole('link', { name: /^معاينة/ }).getAttribute('href')).toBe(
      `/admin/articles/${id}/preview`,
    );
    await close();
  });

  it('is private, no-store and noindex', async () => {
    const id = await story(`مكتبة متنقلة تزور القرى ${stamp}`, writer.id);
    const res = await get(id, editor.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
  });

  it('lets the writer preview their story in review and once scheduled; another writer gets 404', async () => {
    const id = await story(`ورشة خياطة للنساء في المركز الثقافي ${stamp}`, writer.id);
    await transitionArticle(db, writer.id, id, 'submit');
    expect((await get(id, writer.cookie)).status).toBe(200);
    expect((await get(id, other.cookie)).status).toBe(404);
    await transitionArticle(db, editor.id, id, 'schedule', { at: new Date(Date.now() + 86_400_000) });
    const scheduled = await get(id, writer.cookie);
    expect(scheduled.status).toBe(200);
    expect(await scheduled.text()).toContain('ورشة خياطة للنساء');
    expect((await get(id, other.cookie)).status).toBe(404);
  });

  it('is linked from each row of the articles list', async () => {
    const title = `سباق دراجات للأطفال في الحديقة ${stamp}`;
    const id = await story(title, writer.id);
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await page
      .context()
      .addCookies([{ name: 'midad_session', value: editor.cookie.split('=')[1]!, url: base }]);
    await page.goto(`${base}/admin/articles?q=${encodeURIComponent(title)}`);
    const link = page.getByRole('row').filter({ hasText: title }).getByRole('link', { name: 'معاينة' });
    expect(await link.getAttribute('href')).toBe(`/admin/articles/${id}/preview`);
    expect(await link.getAttribute('target')).toBe('_blank');
    await close();
  });
});
