import fs from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Debian's Chromium, with the flags this sandbox needs (no background network). */
export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Opens a page that records console errors and failed requests, for "no console errors" checks. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return { page, errors, close: () => context.close() };
}

/** Logs in through the newsroom's login form and waits for the dashboard's greeting. */
export async function loginAs(
  page: Page,
  base: string,
  who: { email: string; password: string; name: string },
) {
  await page.goto(base + '/admin/login');
  await page.getByLabel('البريد الإلكتروني').fill(who.email);
  await page.getByLabel('كلمة المرور').fill(who.password);
  await page.getByRole('button', { name: 'دخول' }).click();
  await page.getByRole('heading', { name: `أهلاً ${who.name}` }).waitFor();
}

/**
 * Waits until React has hydrated the element (it holds React's props), so that a click runs its
 * handler instead of the no-JavaScript default — e.g. a confirming button that, clicked before
 * hydration, submits its form straight away.
 */
export async function whenHydrated(locator: Locator): Promise<Locator> {
  await locator.waitFor();
  await locator.evaluate(async (el) => {
    for (let waited = 0; !Object.keys(el).some((k) => k.startsWith('__reactProps$')); waited += 20) {
      if (waited > 15_000) throw new Error('not hydrated after 15 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  return locator;
}
