import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { saveStaticPage } from '@/db/mutations/pages';
import { getStaticPage } from '@/db/queries/pages';
import { auditLog } from '@/db/schema';
import { launchBrowser } from '../helpers/browser';
import { openServerDb } from '../helpers/server-db';
import { signedInUser } from '../helpers/session';

/** «من نحن», «اتصل بنا», «سياسة الخصوصية»: reader pages the admin edits, linked from every footer. */
const base = inject('baseURL');
let browser: Browser;
let db: Db;
let admin: Awaited<ReturnType<typeof signedInUser>>;
let editor: Awaited<ReturnType<typeof signedInUser>>;
let original: { title: string; body: string };

beforeAll(async () => {
  browser = await launchBrowser();
  db = openServerDb(inject('dataDir'));
  admin = await signedInUser(db, 'pages-admin', 'admin', 'مديرة الصفحات');
  editor = await signedInUser(db, 'pages-editor', 'editor', 'محرر الصفحات');
  const about = (await getStaticPage(db, { slug: 'about', locale: 'ar' }))!;
  original = { title: about.title, body: about.body };
});

afterAll(async () => {
  await browser?.close();
  await saveStaticPage(db, admin.id, { slug: 'about', locale: 'ar', ...original });
  await db.delete(auditLog).where(eq(auditLog.userId, admin.id));
  await admin.remove();
  await editor.remove();
  await closeDb(db);
});

async function contextWith(cookie?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (cookie) {
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
  }
  return context;
}

describe('site pages', () => {
  it.each([
    ['/about', 'من نحن | مداد'],
    ['/contact', 'اتصل بنا | مداد'],
    ['/privacy', 'سياسة الخصوصية | مداد'],
    ['/en/about', 'About us | Midad'],
    ['/en/contact', 'Contact us | Midad'],
    ['/en/privacy', 'Privacy policy | Midad'],
  ])('%s is a reader page with its own title, cached like the others', async (p, title) => {
    const res = await fetch(base + p);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<title>${title}</title>`);
    expect(html).toContain(`<h1`);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await fetch(base + p)).headers.get('x-midad-cache')).toBe('hit');
  });

  it.each(['ar', 'en'] as const)('the footer links the pages and every section feed (%s)', async (locale) => {
    const context = await contextWith();
    const page = await context.newPage();
    await page.goto(base + (locale === 'ar' ? '/' : '/en'));
    const footer = page.getByRole('contentinfo');
    const names =
      locale === 'ar'
        ? ['من نحن', 'اتصل بنا', 'سياسة الخصوصية']
        : ['About us', 'Contact us', 'Privacy policy'];
    for (const name of names)
      expect(await footer.getByRole('link', { name, exact: true }).count(), name).toBe(1);
    const sections = await page
      .getByRole('navigation', { name: locale === 'ar' ? 'الأقسام الرئيسية' : 'Main sections' })
      .getByRole('link')
      .count();
    const feeds = await footer.locator('a[href$="/feed.xml"][href*="/category/"]').count();
    expect(feeds).toBe(sections - 1); // every section but «الرئيسية»
    await footer.getByRole('link', { name: names[1], exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/contact'));
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(names[1]);
    await context.close();
  });

  it('an admin edits «من نحن» and readers see it at once; the text is sanitised and audited', async () => {
    // A reader's copy is in the page cache first.
    expect(await (await fetch(base + '/about')).text()).toContain(original.title);
    const context = await contextWith(admin.cookie);
    const page = await context.newPage();
    await page.goto(base + '/admin/pages');
    const form = page.getByRole('form', { name: 'من نحن — النسخة العربية' });
    await form.getByLabel('العنوان').fill('');
    await form.getByRole('button', { name: 'حفظ' }).click();
    await form.getByText('اكتب عنواناً للصفحة.').waitFor();
    // Refused, and what was typed in the body is still there.
    expect(await form.getByLabel('النص (HTML)').inputValue()).toBe(original.body);
    await form.getByLabel('العنوان').fill('من نحن في مداد');
    await form
      .getByLabel('النص (HTML)')
      .fill('<p>نحن فريق صغير يكتب الأخبار بعناية.</p><script>alert(1)</script>');
    await form.getByRole('button', { name: 'حفظ' }).click();
    await form.getByRole('status').waitFor();
    expect(await form.getByLabel('النص (HTML)').inputValue()).toBe(
      '<p>نحن فريق صغير يكتب الأخبار بعناية.</p>',
    );
    await context.close();

    const reader = await (await fetch(base + '/about')).text();
    expect(reader).toContain('<title>من نحن في مداد | مداد</title>');
    expect(reader).toContain('نحن فريق صغير يكتب الأخبار بعناية.');
    expect(reader).not.toContain('alert(1)');
    const audit = await db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'page.update'), eq(auditLog.userId, admin.id)));
    expect(audit).toHaveLength(1);
  });

  it('is for admins only: an editor gets the 404 page', async () => {
    const res = await fetch(base + '/admin/pages', {
      headers: { cookie: editor.cookie },
      redirect: 'manual',
    });
    expect(res.status).toBe(404);
    const anonymous = await fetch(base + '/admin/pages', { redirect: 'manual' });
    expect([302, 303, 307]).toContain(anonymous.status);
  });
});
