import { eq, inArray } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft, transitionArticle } from '@/db/mutations/articles';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles, users } from '@/db/schema';
import { articlePath } from '@/lib/article-url';
import { actionId } from '../helpers/actions';
import { launchBrowser, openPage } from '../helpers/browser';
import { articleFields } from '../helpers/fixtures';
import { openServerDb } from '../helpers/server-db';
import { signedInUser } from '../helpers/session';
import { okPage } from '../helpers/pages';

const base = inject('baseURL');
let browser: Browser;
let db: Db;
let admin: Awaited<ReturnType<typeof signedInUser>>;
let writer: Awaited<ReturnType<typeof signedInUser>>;
const made: number[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  db = openServerDb(inject('dataDir'));
  admin = await signedInUser(db, 'profile-admin', 'admin', 'مديرة الحسابات');
  writer = await signedInUser(db, 'profile-writer', 'writer', 'جود الساعاتي');
});

afterAll(async () => {
  if (made.length) await db.delete(articles).where(inArray(articles.id, made));
  await writer?.remove();
  await admin?.remove();
  if (db) await closeDb(db);
  await browser?.close();
});

const html = (path: string) => okPage(base, path);

const byline = (page: string) =>
  /<a href="[^"]*\/author\/[^"]+" rel="author"[^>]*><bdi>([^<]+)<\/bdi>/.exec(page)?.[1];

/** The profile form as a browser without JavaScript posts it, straight to the server. */
function postProfile(cookie: string, id: number, nameEn: string) {
  const form = new FormData();
  form.set(`$ACTION_ID_${actionId('updateProfileAction')}`, '');
  for (const [k, v] of Object.entries({
    locale: 'ar',
    id: String(id),
    name: 'اسم بديل',
    nameEn,
    bio: '',
    bioEn: '',
  }))
    form.set(k, v);
  return fetch(`${base}/admin/users`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: base },
    body: form,
    redirect: 'manual',
  });
}

describe('bylines in each edition', () => {
  it('the demo English stories are signed in Latin letters', async () => {
    const home = await html('/en');
    const story = /href="(\/en\/news\/\d+\/[^"]+)"/.exec(home)![1]!;
    expect(byline(await html(story))).toMatch(/^[A-Za-z' -]+$/);
  });

  it('an admin gives a writer a Latin byline and an English bio; English pages show them at once', async () => {
    const sectionId = (await getSectionBySlug(db, 'sports'))!.id;
    const stamp = Date.now();
    const { id, slug } = await createDraft(
      db,
      admin.id,
      articleFields({
        locale: 'en',
        title: `Chess club opens a youth league ${stamp}`,
        sectionId,
        authorIds: [writer.id],
      }),
    );
    await transitionArticle(db, admin.id, id, 'publish');
    made.push(id);
    const story = articlePath({ id, slug, locale: 'en' });
    const authorPage = `/en/author/${writer.slug}`;
    // Cached with the Arabic byline, the only one the account has so far.
    expect(byline(await html(story))).toBe('جود الساعاتي');
    expect(byline(await html(story))).toBe('جود الساعاتي');

    const { page, errors, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await page
      .context()
      .addCookies([{ name: 'midad_session', value: admin.cookie.split('=')[1]!, url: base }]);
    await page.goto(`${base}/admin/users`);
    await page.getByText('الملف العام: جود الساعاتي').click();
    const form = page
      .locator('form', { has: page.locator(`input[name="id"][value="${writer.id}"]`) })
      .first();
    await form.getByLabel('الاسم بالحروف اللاتينية (النسخة الإنجليزية)').fill('Joud Al-Saati');
    await form.getByLabel('نبذة (الإنجليزية)').fill('Writes about chess and board games.');
    await form.getByRole('button', { name: 'حفظ الملف' }).click();
    await page.getByText('حُفظ.').waitFor();
    expect(errors).toEqual([]);
    await close();

    expect(byline(await html(story))).toBe('Joud Al-Saati');
    const author = await html(authorPage);
    expect(author).toContain('Writes about chess and board games.');
    expect(/<h1[^>]*>(?:<bdi>)?([^<]+)/.exec(author)![1]).toBe('Joud Al-Saati');
  });

  it('only an admin may change a profile, even posting the form by hand', async () => {
    const name = async () =>
      (await db.select({ name: users.name }).from(users).where(eq(users.id, writer.id)).limit(1))[0]!.name;
    const before = await name();
    await postProfile(writer.cookie, writer.id, 'Mallory');
    expect(await name()).toBe(before);
    const editor = await signedInUser(db, 'profile-editor', 'editor', 'محرر');
    try {
      await postProfile(editor.cookie, writer.id, 'Mallory');
      expect(await name()).toBe(before);
    } finally {
      await editor.remove();
    }
    const res = await postProfile(admin.cookie, writer.id, 'Joud S.');
    expect(res.status).toBe(303);
    expect(await name()).toBe('اسم بديل');
  });
});
