import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readerCsp } from '@/lib/security/csp';
import { launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // A second server on the same (already seeded) data, with the page cache off.
  server = await startServer({ MIDAD_PAGE_CACHE: '0' }, { dataDir: inject('dataDir') });
  browser = await launchBrowser();
}, 150_000);
afterAll(async () => {
  await browser.close();
  await server.stop();
});

describe('CSP with the page cache off', () => {
  it('each rendered page gets the policy of its own bytes, and Chromium reports no violation', async () => {
    const home = await (await fetch(server.baseURL + '/')).text();
    const article = new URL(/href="(\/news\/\d+\/[^"]+)"/.exec(home)![1]!, server.baseURL).pathname;
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(e.violatedDirective));
    });
    const page = await context.newPage();
    for (const p of ['/', article, '/category/economy', '/no-such-page']) {
      const res = await fetch(server.baseURL + p);
      const body = await res.text();
      expect(res.headers.get('x-midad-cache'), p).toBeNull();
      expect(res.headers.get('content-security-policy'), p).toBe(readerCsp(body));
      expect(res.headers.get('content-security-policy'), p).toMatch(/script-src 'self' 'sha256-/);
      await page.goto(server.baseURL + p);
      await page.waitForFunction(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f));
      expect(
        await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
        p,
      ).toEqual([]);
    }
    await context.close();
  });
});
