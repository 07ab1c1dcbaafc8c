import { and, eq, inArray, like } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft } from '@/db/mutations/articles';
import { createUser } from '@/db/mutations/users';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articleLocks, articles, revisions, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { actionId } from '../helpers/actions';
import { launchBrowser, loginAs, openPage } from '../helpers/browser';
import { articleFields } from '../helpers/fixtures';
import { openServerDb } from '../helpers/server-db';

const base = inject('baseURL');
let browser: Browser;
let db: Db;
const stamp = Date.now();
const MARK = `وسم-${stamp}`;
const RANA = {
  email: `rana-${stamp}@midad.example`,
  password: 'حبر-على-ورق-42',
  name: `رنا المحررة ${stamp}`,
};
const SAMI = {
  email: `sami-${stamp}@midad.example`,
  password: 'ورق-بلا-حبر-24',
  name: `سامي المحرر ${stamp}`,
};
const created: number[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  db = openServerDb(inject('dataDir'));
  for (const [u, slug] of [
    [RANA, `rana-${stamp}`],
    [SAMI, `sami-${stamp}`],
  ] as const)
    await createUser(
      db,
      { email: u.email, name: u.name, slug, role: 'editor', passwordHash: await hashPassword(u.password) },
      null,
    );
});

afterAll(async () => {
  await db.delete(articles).where(like(articles.title, `%${MARK}%`));
  if (created.length) await db.delete(articles).where(inArray(articles.id, created));
  for (const u of [RANA, SAMI]) await db.delete(users).where(eq(users.email, u.email));
  await closeDb(db);
  await browser?.close();
});

const userId = async (who: { email: string }) =>
  (await db.select({ id: users.id }).from(users).where(eq(users.email, who.email)).limit(1))[0]!.id;

/** A draft made straight in the database, credited to `who`. */
async function draftOf(who: { email: string }, title: string): Promise<number> {
  const author = await userId(who);
  const { id } = await createDraft(
    db,
    author,
    articleFields({
      title,
      body: '<p>الفقرة الأولى كما كتبها المراسل.</p>',
      sectionId: (await getSectionBySlug(db, 'local'))!.id,
      authorIds: [author],
    }),
  );
  created.push(id);
  return id;
}

const stored = async (id: number) =>
  (
    await db
      .select({ title: articles.title, dek: articles.dek, body: articles.body })
      .from(articles)
      .where(eq(articles.id, id))
      .limit(1)
  )[0]!;

/** The edit lock on a story, if anyone holds it. */
const lockOf = async (id: number) =>
  (await db.select().from(articleLocks).where(eq(articleLocks.articleId, id)).limit(1))[0];

async function editorPage(who: typeof RANA) {
  const opened = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
  // Reloading with unsaved text asks "leave the page?": the person answers yes.
  opened.page.on('dialog', (d) => void d.accept());
  await loginAs(opened.page, base, who);
  return opened;
}

const bodyBox = (page: Page) => page.getByRole('textbox', { name: 'نص الخبر' });

/** Types at the end of the rich-text body. */
async function typeInBody(page: Page, text: string) {
  await bodyBox(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

describe('the local copy restores every field', () => {
  it('a new story: reload mid-typing, «استعادة», save — every word is stored and shown again', async () => {
    const { page, errors, close } = await editorPage(RANA);
    const title = `حديقة الحي تستقبل أول شتلاتها ${MARK}`;
    const dek = 'متطوعون يزرعون مئة شجرة في صباح واحد.';
    const sentence = 'بدأ الزرع عند السابعة صباحاً وانتهى قبل الظهر.';
    await page.goto(base + '/admin/articles/new');
    await page.getByLabel('العنوان').fill(title);
    await page.getByLabel('الملخص').fill(dek);
    await page.getByLabel('القسم').selectOption({ label: 'محليات' });
    await typeInBody(page, sentence);
    await page.reload();

    await page.getByRole('button', { name: 'استعادة' }).click();
    await expect.poll(() => page.getByLabel('العنوان').inputValue()).toBe(title);
    await expect.poll(() => page.getByLabel('الملخص').inputValue()).toBe(dek);
    // The body is visibly back, and the next keystroke adds to it instead of replacing it.
    await expect.poll(() => bodyBox(page).innerText()).toContain(sentence);
    await typeInBody(page, ' وشارك فيه أطفال المدرسة.');
    await expect.poll(() => bodyBox(page).innerText()).toContain(sentence);

    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await page.waitForURL(/\/admin\/articles\/\d+$/);
    await page.getByText(/^حُفظ\s/).waitFor();
    const id = Number(/(\d+)$/.exec(page.url())![1]);
    created.push(id);
    const row = await stored(id);
    expect(row.title).toBe(title);
    expect(row.dek).toBe(dek);
    expect(row.body).toContain(sentence);
    expect(row.body).toContain('وشارك فيه أطفال المدرسة.');
    // The copy went only after the server confirmed it: nothing is offered after a reload.
    expect(await page.evaluate(() => [localStorage.getItem('midad:draft:new'), localStorage.length])).toEqual(
      [null, 0],
    );
    await page.reload();
    await expect.poll(() => bodyBox(page).innerText()).toContain('وشارك فيه أطفال المدرسة.');
    expect(await page.getByLabel('العنوان').inputValue()).toBe(title);
    expect(await page.getByRole('button', { name: 'استعادة' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('an existing story: reload mid-typing, «استعادة», save — headline, summary and body all kept', async () => {
    const id = await draftOf(RANA, `سوق الخضار ينتقل إلى الساحة ${MARK}`);
    const { page, errors, close } = await editorPage(RANA);
    const title = `سوق الخضار ينتقل إلى الساحة الشرقية ${MARK}`;
    const dek = 'البلدية تنقل البسطات قبل موسم الأمطار.';
    const sentence = ' وقال الباعة إن المكان الجديد أوسع.';
    await page.goto(`${base}/admin/articles/${id}`);
    await page.getByLabel('العنوان').fill(title);
    await page.getByLabel('الملخص').fill(dek);
    await typeInBody(page, sentence);
    await page.reload();

    await page.getByRole('button', { name: 'استعادة' }).click();
    await expect.poll(() => bodyBox(page).innerText()).toContain(sentence.trim());
    expect(await page.getByLabel('العنوان').inputValue()).toBe(title);
    expect(await page.getByLabel('الملخص').inputValue()).toBe(dek);
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await page.getByText(/^حُفظ\s/).waitFor();
    const row = await stored(id);
    expect(row).toMatchObject({ title, dek });
    expect(row.body).toContain('الفقرة الأولى كما كتبها المراسل.');
    expect(row.body).toContain(sentence.trim());
    await page.reload();
    await expect.poll(() => bodyBox(page).innerText()).toContain(sentence.trim());
    expect(await page.getByLabel('الملخص').inputValue()).toBe(dek);
    expect(await page.getByRole('button', { name: 'استعادة' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('a save discards the local copy only when it saved exactly that text', () => {
  it('words typed while a save is on its way stay in the copy and can be restored after a reload', async () => {
    const id = await draftOf(RANA, `مكتبة المدرسة تفتح مساءً ${MARK}`);
    const { page, errors, close } = await editorPage(RANA);
    await page.goto(`${base}/admin/articles/${id}`);
    // Hold the save request in the browser until more has been typed.
    const saveId = actionId('saveArticleAction');
    let letGo: () => void = () => {};
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let seen: () => void = () => {};
    const sent = new Promise<void>((resolve) => (seen = resolve));
    await page.route('**/*', async (route) => {
      if (route.request().headers()['next-action'] === saveId) {
        seen();
        await held;
      }
      await route.continue();
    });
    await typeInBody(page, ' الجملة الأولى وصلت.');
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await sent;
    await typeInBody(page, ' والثانية كُتبت أثناء الحفظ.');
    letGo();
    await page.getByText(/^حُفظ\s/).waitFor();
    await page.unroute('**/*');
    expect((await stored(id)).body).toContain('الجملة الأولى وصلت.');
    expect((await stored(id)).body).not.toContain('والثانية');
    // Still unsaved, still kept on this device.
    await page.getByText('تغييرات غير محفوظة').waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(key), `midad:draft:${id}`)).toContain(
      'والثانية',
    );
    await page.reload();
    await page.getByRole('button', { name: 'استعادة' }).click();
    await expect.poll(() => bodyBox(page).innerText()).toContain('والثانية كُتبت أثناء الحفظ.');
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await page.getByText(/^حُفظ\s/).waitFor();
    expect((await stored(id)).body).toContain('والثانية كُتبت أثناء الحفظ.');
    expect(await page.evaluate((key) => localStorage.getItem(key), `midad:draft:${id}`)).toBeNull();
    expect(errors).toEqual([]);
    await close();
  });
});

describe('two editors on one story', () => {
  it('a stale save shows both copies, the merge keeps both changes; a take-over keeps the unsaved text', async () => {
    const id = await draftOf(RANA, `مهرجان الزيتون يعود في موعده ${MARK}`);
    const a = await editorPage(RANA);
    const b = await editorPage(SAMI);
    const headline = `مهرجان الزيتون يعود بعد غياب عامين ${MARK}`;
    const sentence = ' ويشارك فيه أربعون مزارعاً من القرى المجاورة.';

    await a.page.goto(`${base}/admin/articles/${id}`);
    await bodyBox(a.page).waitFor();
    await expect.poll(async () => (await lockOf(id))?.userId).toBe(await userId(RANA));
    // The articles list says who has it open…
    await b.page.goto(`${base}/admin/articles?q=${encodeURIComponent('مهرجان الزيتون')}`);
    await b.page
      .getByRole('row', { name: new RegExp(MARK) })
      .getByText(`يحرّره الآن: ${RANA.name}`)
      .waitFor();
    // …and so does the editor.
    await b.page.goto(`${base}/admin/articles/${id}`);
    await b.page.getByText(`يحرّره الآن: ${RANA.name}`).waitFor();

    // A saves a new headline; B, who opened the story before that, adds a sentence and saves.
    await a.page.getByLabel('العنوان').fill(headline);
    await a.page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await a.page.getByText(/^حُفظ\s/).waitFor();
    expect((await stored(id)).title).toBe(headline);
    await typeInBody(b.page, sentence);
    await b.page.getByRole('button', { name: 'حفظ', exact: true }).click();

    const view = b.page.getByRole('region', { name: 'نسختان من الخبر: نسختك والمحفوظة بعدك' });
    await view.waitFor();
    // Nothing was written over A's headline, and both texts are on B's screen.
    expect((await stored(id)).title).toBe(headline);
    expect(await view.innerText()).toContain(sentence.trim());
    expect(await view.innerText()).toContain('بعد غياب عامين');
    await view.getByRole('radio', { name: 'المحفوظة من «العنوان»' }).check();
    await view.getByRole('radio', { name: 'نسختي من «نص الخبر»' }).check();
    await view.getByRole('button', { name: 'احفظ ما اخترته' }).click();
    await view.waitFor({ state: 'detached' });
    await b.page.getByText(/^حُفظ\s/).waitFor();
    const merged = await stored(id);
    expect(merged.title).toBe(headline);
    expect(merged.body).toContain(sentence.trim());
    expect(merged.body).toContain('الفقرة الأولى كما كتبها المراسل.');
    expect(await b.page.getByLabel('العنوان').inputValue()).toBe(headline);

    // A types without saving; B takes over. A's next heartbeat (or autosave check) learns it.
    const unsaved = ' فقرة كتبتها رنا ولم تحفظها.';
    await typeInBody(a.page, unsaved);
    await b.page.getByRole('button', { name: 'تولَّ التحرير' }).click();
    await expect.poll(async () => (await lockOf(id))?.userId).toBe(await userId(SAMI));
    await a.page.getByText(`تولّى ${SAMI.name} تحرير هذا الخبر.`).waitFor({ timeout: 45_000 });
    const rana = await userId(RANA);
    const kept = await db
      .select({ snapshot: revisions.snapshot })
      .from(revisions)
      .where(and(eq(revisions.articleId, id), eq(revisions.kind, 'unsaved'), eq(revisions.userId, rana)));
    expect(kept.map((r) => r.snapshot.body).join(' ')).toContain(unsaved.trim());
    // It is a revision, not a save over B's story.
    expect((await stored(id)).body).not.toContain(unsaved.trim());
    await a.page.getByRole('link', { name: 'افتح المراجعات' }).click();
    await a.page.getByText(`نسخة لم تُحفظ من ${RANA.name}`).waitFor();
    // The revision list shows it as a diff against the saved text: A's words are there, marked as added.
    expect(await a.page.locator('ins').filter({ hasText: 'تحفظها' }).count()).toBeGreaterThan(0);
    // Leaving the editor lets go of the lock at once (no minute of «يحرّره الآن» for nobody).
    await b.page.goto(`${base}/admin`);
    await expect.poll(() => lockOf(id)).toBeUndefined();
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.close();
    await b.close();
  }, 150_000);
});
