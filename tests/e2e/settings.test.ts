import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { saveSettings } from '@/db/mutations/settings';
import { insertSession } from '@/db/mutations/sessions';
import { createUser } from '@/db/mutations/users';
import { users } from '@/db/schema';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { launchBrowser, openPage } from '../helpers/browser';
import { openServerDb } from '../helpers/server-db';

const base = inject('baseURL');
let db: Db;
let browser: Browser;
let token = '';
const email = `settings-${Date.now()}@midad.example`;

beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  const id = await createUser(
    db,
    { email, name: 'مدير الإعدادات', slug: `settings-${Date.now()}`, role: 'admin', passwordHash: 'x' },
    null,
  );
  token = newToken();
  await insertSession(db, { idHash: hashToken(token), userId: id, now: new Date(), userAgent: 'settings' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await saveSettings(db, null, {
    'dates.months': 'levantine',
    'dates.digits': 'latn',
    'dates.hijri': 'false',
  });
  await db.delete(users).where(eq(users.email, email));
  await closeDb(db);
  await browser?.close();
});

describe('date settings', () => {
  it('an admin switches to Egyptian months, Arabic-Indic digits and the Hijri date, and readers see it', async () => {
    const { page, close } = await openPage(browser);
    await page.context().addCookies([{ name: 'midad_session', value: token, url: base }]);
    await page.goto(base + '/admin/settings');
    await page.getByLabel(/مصرية وخليجية/).check();
    await page.getByLabel(/هندية/).check();
    await page.getByLabel(/إظهار التاريخ الهجري/).check();
    await Promise.all([page.waitForURL(/status=saved/), page.getByRole('button', { name: 'حفظ' }).click()]);
    const home = await (await fetch(base + '/')).text();
    const dateLine =
      /<p>([^<]*(?:يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)[^<]*)<\/p>/.exec(
        home,
      )?.[1];
    expect(dateLine).toBeTruthy();
    expect(dateLine).toMatch(/[٠-٩]/);
    expect(dateLine).not.toMatch(/[0-9]/);
    expect(dateLine).toContain('هـ');
    await close();
  });
});
