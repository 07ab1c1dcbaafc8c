import { eq, inArray } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft, transitionArticle } from '@/db/mutations/articles';
import { createUser } from '@/db/mutations/users';
import { getSectionBySlug, getTagBySlug } from '@/db/queries/taxonomy';
import { articles, auditLog, tags, users } from '@/db/schema';
import { slugify } from '@/lib/arabic/slug';
import { hashPassword } from '@/lib/auth/password';
import { launchBrowser, loginAs, openPage } from '../helpers/browser';
import { articleFields } from '../helpers/fixtures';
import { openServerDb } from '../helpers/server-db';

/**
 * The newsroom in Arabic, as its people use it: activity as sentences, counts and pagination,
 * bulk actions that start on nothing, invitations, the tags screen, and every screen at 375 px.
 */
const base = inject('baseURL');
let browser: Browser;
let db: Db;
const stamp = Date.now();
const WRITER = { email: `w-${stamp}@arabic.example`, password: 'قلم-رصاص-أزرق-9', name: `نور ${stamp}` };
const EDITOR = { email: `e-${stamp}@arabic.example`, password: 'مكتب-التحرير-7', name: `باسل ${stamp}` };
const ADMIN = { email: `a-${stamp}@arabic.example`, password: 'حبر-الصباح-2026', name: `سلمى ${stamp}` };
const INVITEE = { email: `i-${stamp}@arabic.example`, password: 'صباح-جديد-في-المكتب', name: `رنا ${stamp}` };
const OWN = `ورشة الخط العربي تفتح للصغار ${stamp}`;
const OTHERS = `حديقة الحي تستقبل الزوار ليلاً ${stamp}`;
const TAG_A = `مهرجان ${stamp}`;
const TAG_B = `مهرجانات ${stamp}`;
const made: number[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  db = openServerDb(inject('dataDir'));
  const ids: Record<string, number> = {};
  for (const [u, role] of [
    [WRITER, 'writer'],
    [EDITOR, 'editor'],
    [ADMIN, 'admin'],
  ] as const) {
    ids[role] = await createUser(
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
  const sectionId = (await getSectionBySlug(db, 'local'))!.id;
  const tagsOf = (names: string[]) => names.map((name) => ({ name, slug: slugify(name) }));
  const own = (
    await createDraft(
      db,
      ids.writer!,
      articleFields({ title: OWN, sectionId, authorIds: [ids.writer!], tags: tagsOf([TAG_A]) }),
    )
  ).id;
  const others = (
    await createDraft(
      db,
      ids.editor!,
      articleFields({ title: OTHERS, sectionId, authorIds: [ids.editor!], tags: tagsOf([TAG_B]) }),
    )
  ).id;
  made.push(own, others);
  await transitionArticle(db, ids.editor!, own, 'publish');
  await transitionArticle(db, ids.editor!, others, 'publish');
});

afterAll(async () => {
  await db.delete(articles).where(inArray(articles.id, made));
  const people = (
    await db
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.email, [WRITER.email, EDITOR.email, ADMIN.email, INVITEE.email]))
  ).map((u) => u.id);
  await db.delete(auditLog).where(inArray(auditLog.userId, people));
  await db.delete(users).where(inArray(users.id, people));
  for (const name of [TAG_A, TAG_B]) await db.delete(tags).where(eq(tags.name, name));
  await closeDb(db);
  await browser?.close();
});

const login = (page: Page, who: { email: string; password: string; name: string }) =>
  loginAs(page, base, who);

describe('the newsroom speaks Arabic', () => {
  it('a writer’s dashboard tells what happened to their story, in a sentence linking to it', async () => {
    const { page, errors, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page, WRITER);
    const activity = page.getByRole('region', { name: 'آخر النشاطات' });
    expect(await activity.getByText(`نُشر الخبر «${OWN}» — ${EDITOR.name}`).count()).toBe(1);
    const link = activity.getByRole('link', { name: OWN }).first();
    expect(await link.getAttribute('href')).toBe(`/admin/articles/${made[0]}`);
    // Someone else's story is not the writer's business.
    expect(await activity.getByText(OTHERS).count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('the audit log reads as sentences and filters by person', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page, EDITOR);
    await page.goto(base + '/admin/audit');
    await page.getByLabel('من').selectOption({ label: EDITOR.name });
    await page.getByRole('button', { name: 'تصفية' }).click();
    await page.waitForURL(/who=\d+/);
    const log = page.getByRole('region', { name: 'سجل التدقيق' });
    expect(await log.getByText(`نُشر الخبر «${OTHERS}» — ${EDITOR.name}`).count()).toBe(1);
    expect(await log.getByText(WRITER.name).count()).toBe(0);
    await close();
  });

  it('bulk actions start on no action, and applying none changes nothing', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page, EDITOR);
    await page.goto(`${base}/admin/articles?q=${encodeURIComponent(OWN)}`);
    expect(await page.getByText('خبر واحد', { exact: true }).count()).toBe(1);
    const bulk = page.getByLabel('إجراء جماعي');
    expect(await bulk.locator('option:checked').innerText()).toBe('اختر إجراءً');
    await page.getByLabel(`تحديد: ${OWN}`).check();
    await page.getByRole('button', { name: 'تطبيق على المحدد' }).click();
    await page.getByRole('alert').filter({ hasText: 'اختر إجراءً من القائمة' }).waitFor();
    const row = (
      await db.select({ s: articles.status }).from(articles).where(eq(articles.id, made[0]!)).limit(1)
    )[0]!;
    expect(row.s).toBe('published');
    await close();
  });

  it('the articles list pages with Arabic names and marks the current page', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page, EDITOR);
    await page.goto(`${base}/admin/articles?page=2`);
    const nav = page.getByRole('navigation', { name: 'صفحات قائمة الأخبار' });
    expect(await nav.getByRole('link', { name: 'الصفحة السابقة' }).getAttribute('href')).toBe(
      '/admin/articles',
    );
    expect(await nav.getByRole('link', { name: 'الصفحة التالية' }).getAttribute('href')).toBe(
      '/admin/articles?page=3',
    );
    expect(await nav.getByRole('link', { name: 'الصفحة 2' }).getAttribute('aria-current')).toBe('page');
    await close();
  });

  it('keeps what an admin typed when a password is refused', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page, ADMIN);
    await page.goto(base + '/admin/users');
    const form = page.getByRole('region', { name: 'حساب بكلمة مرور تختارها' });
    await form.getByLabel('الاسم', { exact: true }).fill('ضيف التجربة');
    await form.getByLabel('البريد', { exact: true }).fill(`weak-${stamp}@arabic.example`);
    await form.getByLabel('كلمة المرور', { exact: true }).fill('12345');
    await form.getByRole('button', { name: 'إنشاء حساب' }).click();
    await form
      .getByText(/10 أحرف/)
      .first()
      .waitFor();
    expect(await form.getByLabel('الاسم', { exact: true }).inputValue()).toBe('ضيف التجربة');
    expect(await form.getByLabel('البريد', { exact: true }).inputValue()).toBe(
      `weak-${stamp}@arabic.example`,
    );
    expect(
      (
        await db
          .select()
          .from(users)
          .where(eq(users.email, `weak-${stamp}@arabic.example`))
          .limit(1)
      )[0],
    ).toBeUndefined();
    await close();
  });

  it('an invitation link lets the invitee choose a password once and log in', async () => {
    const admin = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(admin.page, ADMIN);
    await admin.page.goto(base + '/admin/users');
    const form = admin.page.getByRole('region', { name: 'دعوة زميل' });
    await form.getByLabel('الاسم', { exact: true }).fill(INVITEE.name);
    await form.getByLabel('البريد', { exact: true }).fill(INVITEE.email);
    await form.getByLabel('الدور').selectOption({ label: 'محرر' });
    await form.getByRole('button', { name: 'إنشاء رابط الدعوة' }).click();
    const linkBox = form.getByLabel(/رابط الدعوة/);
    await linkBox.waitFor();
    const link = await linkBox.inputValue();
    expect(link).toMatch(/\/admin\/password\?token=[\w-]{40,}$/);
    await admin.close();

    const invitee = await openPage(browser, { viewport: { width: 375, height: 800 } });
    const { page } = invitee;
    await page.goto(base + new URL(link).pathname + new URL(link).search);
    await page.getByRole('heading', { name: 'مرحباً بك في غرفة الأخبار' }).waitFor();
    await page.getByLabel('كلمة المرور الجديدة').fill(INVITEE.password);
    await page.getByLabel('أعد كتابة كلمة المرور').fill(INVITEE.password);
    await page.getByRole('button', { name: 'حفظ كلمة المرور' }).click();
    await page.getByText('حُفظت كلمة المرور. ادخل بها الآن.').waitFor();
    await page.getByLabel('البريد الإلكتروني').fill(INVITEE.email);
    await page.getByLabel('كلمة المرور').fill(INVITEE.password);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByRole('heading', { name: `أهلاً ${INVITEE.name}` }).waitFor();
    // The link worked once.
    await page.goto(base + new URL(link).pathname + new URL(link).search);
    await page.getByRole('heading', { name: 'الرابط لا يعمل' }).waitFor();
    expect(invitee.errors).toEqual([]);
    await invitee.close();
  });

  it('a reset link gives an existing account a new password and signs it out everywhere', async () => {
    const writer = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(writer.page, WRITER);
    const admin = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(admin.page, ADMIN);
    await admin.page.goto(base + '/admin/users');
    await admin.page.getByRole('button', { name: `رابط لإعادة تعيين كلمة المرور: ${WRITER.name}` }).click();
    const linkBox = admin.page.getByLabel(new RegExp(`رابط إعادة التعيين لـ${WRITER.name}`));
    await linkBox.waitFor();
    const link = new URL(await linkBox.inputValue());
    await admin.close();

    const holder = await openPage(browser, { viewport: { width: 375, height: 800 } });
    await holder.page.goto(base + link.pathname + link.search);
    await holder.page.getByRole('heading', { name: 'اختيار كلمة مرور جديدة' }).waitFor();
    const fresh = 'حبر-جديد-على-ورق-قديم';
    await holder.page.getByLabel('كلمة المرور الجديدة').fill(fresh);
    await holder.page.getByLabel('أعد كتابة كلمة المرور').fill('شيء آخر تماماً');
    await holder.page.getByRole('button', { name: 'حفظ كلمة المرور' }).click();
    await holder.page.getByText('الكلمتان غير متطابقتين.').waitFor();
    await holder.page.getByLabel('كلمة المرور الجديدة').fill(fresh);
    await holder.page.getByLabel('أعد كتابة كلمة المرور').fill(fresh);
    await holder.page.getByRole('button', { name: 'حفظ كلمة المرور' }).click();
    await holder.page.getByText('حُفظت كلمة المرور. ادخل بها الآن.').waitFor();
    await holder.close();

    // The session the writer had open is gone.
    await writer.page.goto(base + '/admin');
    await writer.page.waitForURL(/\/admin\/login$/);
    await login(writer.page, { ...WRITER, password: fresh });
    await writer.close();
  });

  it('merging tag A into B moves the story and answers /tag/A with a 301 to /tag/B', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 1000 } });
    await login(page, EDITOR);
    await page.goto(`${base}/admin/tags?q=${encodeURIComponent(TAG_A)}`);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: TAG_A }) });
    expect(await item.getByText('خبر واحد').count()).toBe(1);
    // The address part as readers see it, in Arabic letters.
    expect(await item.getByText(`/tag/${slugify(TAG_A)}`).count()).toBe(1);
    await item.getByText(`دمج أو حذف: ${TAG_A}`).click();
    await item.getByLabel('ادمج في الوسم').fill(TAG_B);
    await item.getByRole('button', { name: 'دمج' }).click();
    await page.getByRole('status').filter({ hasText: 'دُمج الوسم' }).waitFor();
    const res = await fetch(`${base}/tag/${encodeURIComponent(slugify(TAG_A))}`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toContain(`/tag/${encodeURIComponent(slugify(TAG_B))}`);
    expect(await getTagBySlug(db, slugify(TAG_A))).toBeNull();
    await close();
  });

  it('every newsroom screen fits a 375 px phone, and the menu opens from its button', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 375, height: 800 } });
    await login(page, ADMIN);
    const screens = [
      '/admin',
      '/admin/articles',
      '/admin/articles/new',
      `/admin/articles/${made[0]}`,
      '/admin/media',
      '/admin/sections',
      '/admin/tags',
      '/admin/users',
      '/admin/audit',
      '/admin/settings',
    ];
    const wide: string[] = [];
    for (const screen of screens) {
      await page.goto(base + screen);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 375) wide.push(`${screen}: ${width}px`);
    }
    expect(wide).toEqual([]);
    await page.goto(base + '/admin');
    expect(await page.getByRole('link', { name: 'سجل التدقيق' }).count()).toBe(0);
    await page.getByText('القائمة', { exact: true }).click();
    await page.getByRole('link', { name: 'سجل التدقيق' }).click();
    await page.waitForURL(/\/admin\/audit$/);
    await close();
  });
});
