import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from '../helpers/browser';

const base = inject('baseURL');
const serverLog = inject('serverLog');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function setupToken(): string {
  // The link is in a 0600 file in the data folder, never in the (shipped) log.
  const link = fs.readFileSync(path.join(path.dirname(serverLog), 'setup-link.txt'), 'utf8');
  const token = /\/admin\/setup\?token=([\w-]+)/.exec(link)?.[1];
  expect(token, 'the setup link is written to DATA_DIR/setup-link.txt').toBeTruthy();
  expect(fs.readFileSync(serverLog, 'utf8')).not.toContain(token);
  return token!;
}

const ADMIN = { name: 'سلمى الأحمد', email: 'salma@midad.example', password: 'حبر-الصباح-2026' };

describe('newsroom access', () => {
  it('keeps /admin private: login redirect, no-store, noindex', async () => {
    const res = await fetch(base + '/admin', { redirect: 'manual' });
    expect([303, 307, 308]).toContain(res.status);
    expect(res.headers.get('location')).toMatch(/\/admin\/login$/);
    const login = await fetch(base + '/admin/login');
    expect(login.headers.get('cache-control')).toBe('private, no-store');
    expect(login.headers.get('x-robots-tag')).toContain('noindex');
    expect(await login.text()).toContain('<meta name="robots" content="noindex, nofollow"/>');
  });

  it('first run: a wrong token is refused and keeps what was typed; the right one creates the admin', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(base + '/admin/login');
    await page.getByRole('link', { name: 'لا يوجد حساب بعد. أكمل الإعداد الأول أولاً.' }).click();
    await page.getByLabel('رمز الإعداد').fill('not-the-token');
    await page.getByLabel('الاسم').fill(ADMIN.name);
    await page.getByLabel('البريد الإلكتروني').fill(ADMIN.email);
    await page.getByLabel('كلمة المرور').fill(ADMIN.password);
    await page.getByRole('button', { name: 'إنشاء حساب المدير' }).click();
    await page.getByText('رمز الإعداد غير صحيح').waitFor();
    expect(await page.getByLabel('الاسم').inputValue()).toBe(ADMIN.name);
    expect(await page.getByLabel('البريد الإلكتروني').inputValue()).toBe(ADMIN.email);

    await page.getByLabel('كلمة المرور').fill('short');
    await page.getByLabel('رمز الإعداد').fill(setupToken());
    await page.getByRole('button', { name: 'إنشاء حساب المدير' }).click();
    await page.getByText('كلمة المرور قصيرة').waitFor();

    await page.getByLabel('كلمة المرور').fill(ADMIN.password);
    await page.getByRole('button', { name: 'إنشاء حساب المدير' }).click();
    await page.getByRole('heading', { name: `أهلاً ${ADMIN.name}` }).waitFor();
    const cookie = (await page.context().cookies()).find((c) => c.name === 'midad_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(errors).toEqual([]);

    // Setup cannot be claimed twice.
    await page.goto(base + '/admin/setup?token=' + setupToken());
    expect(new URL(page.url()).pathname).toBe('/admin');
    await close();
  });

  it('login: same Arabic message for unknown e-mail and wrong password; logout ends the session', async () => {
    const { page, close } = await openPage(browser);
    await page.goto(base + '/admin/login');
    for (const [email, password] of [
      ['nobody@midad.example', ADMIN.password],
      [ADMIN.email, 'wrong-password-1'],
    ]) {
      await page.getByLabel('البريد الإلكتروني').fill(email!);
      await page.getByLabel('كلمة المرور').fill(password!);
      // Wait for the action's answer itself: the alert text is the same for both attempts.
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'دخول' }).click(),
      ]);
      await page
        .getByRole('alert')
        .filter({ hasText: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.' })
        .waitFor();
      // React re-renders (and resets the form) when the action settles: the button is enabled again.
      await page.waitForFunction(
        () => !document.querySelector<HTMLButtonElement>('button[type=submit]')?.disabled,
      );
      expect(await page.getByLabel('البريد الإلكتروني').inputValue()).toBe(email);
    }
    await page.getByLabel('كلمة المرور').fill(ADMIN.password);
    await page.getByLabel('البريد الإلكتروني').fill(ADMIN.email);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByRole('heading', { name: `أهلاً ${ADMIN.name}` }).waitFor();
    // The dashboard shows the audit trail of the setup.
    expect(await page.getByText('أُعدّت غرفة الأخبار وأُنشئ أول حساب مدير').count()).toBeGreaterThan(0);

    // Reader pages never set cookies, even for a logged-in editor.
    const home = await page.goto(base + '/');
    expect(await home?.headerValue('set-cookie')).toBeNull();

    await page.goto(base + '/admin');
    await page.getByRole('button', { name: 'تسجيل الخروج', exact: true }).click();
    await page.getByRole('heading', { name: 'تسجيل الدخول إلى غرفة الأخبار' }).waitFor();
    await page.goto(base + '/admin');
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await close();
  });
});
