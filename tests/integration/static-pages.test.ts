import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveStaticPage } from '@/db/mutations/pages';
import { getStaticPage, listStaticPages } from '@/db/queries/pages';
import { auditLog, users } from '@/db/schema';
import { createSeededDb } from '../helpers/test-db';

let t: Awaited<ReturnType<typeof createSeededDb>>;
let adminId: number;
beforeAll(async () => {
  t = await createSeededDb({ articles: 4 });
  adminId = (await t.db.select({ id: users.id }).from(users).orderBy(users.id).limit(1))[0]!.id;
});
afterAll(() => t.cleanup());

describe('the site pages (about, contact, privacy)', () => {
  it('exist in both editions in every migrated database', async () => {
    const pages = await listStaticPages(t.db);
    expect(pages.map((p) => `${p.slug}/${p.locale}`).sort()).toEqual([
      'about/ar',
      'about/en',
      'contact/ar',
      'contact/en',
      'privacy/ar',
      'privacy/en',
    ]);
    expect((await getStaticPage(t.db, { slug: 'about', locale: 'ar' }))!.title).toBe('من نحن');
    expect((await getStaticPage(t.db, { slug: 'privacy', locale: 'en' }))!.body).toContain('<p>');
  });

  it('saves one edition, sanitised, with an audit row, and leaves the other alone', async () => {
    const english = (await getStaticPage(t.db, { slug: 'contact', locale: 'en' }))!;
    await saveStaticPage(t.db, adminId, {
      slug: 'contact',
      locale: 'ar',
      title: 'تواصل معنا',
      body: '<p onclick="x()">اكتب إلينا <a href="javascript:alert(1)">هنا</a></p><script>alert(1)</script><h2>العنوان</h2>',
    });
    const saved = (await getStaticPage(t.db, { slug: 'contact', locale: 'ar' }))!;
    expect(saved.title).toBe('تواصل معنا');
    expect(saved.body).toContain('<h2>العنوان</h2>');
    expect(saved.body).not.toMatch(/script|onclick|javascript:/);
    expect(await getStaticPage(t.db, { slug: 'contact', locale: 'en' })).toEqual(english);
    const audit = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'page.update'), eq(auditLog.userId, adminId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ slug: 'contact', locale: 'ar', title: 'تواصل معنا' });
  });
});
