import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft, transitionArticle } from '@/db/mutations/articles';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles, users } from '@/db/schema';
import { articlePath } from '@/lib/article-url';
import { launchBrowser, openPage } from '../helpers/browser';
import { articleFields } from '../helpers/fixtures';
import { openServerDb } from '../helpers/server-db';

const base = inject('baseURL');
// Evaluated through the DevTools protocol, which a page's Content-Security-Policy does not govern.
const AXE = fs.readFileSync(path.join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** The first link on `from` whose path starts with `prefix`. */
async function firstLink(from: string, prefix: string): Promise<string> {
  const page = await (await fetch(base + from)).text();
  return new RegExp(`href="(${prefix}[^"]+)"`).exec(page)![1]!.replace(/&amp;/g, '&');
}

/** Controls with an aria-label that does not contain their visible text, as «text» ≠ «label». */
const NAME_CONTAINS_TEXT = `[...document.querySelectorAll(
  'a[aria-label], button[aria-label], summary[aria-label], [role="button"][aria-label], [role="link"][aria-label]'
)]
  .filter((el) => el.checkVisibility())
  .map((el) => [el.innerText.replace(/\\s+/g, ' ').trim(), el.getAttribute('aria-label').replace(/\\s+/g, ' ').trim()])
  .filter(([text, label]) => text && !label.toLowerCase().includes(text.toLowerCase()))
  .map(([text, label]) => '«' + text + '» ≠ «' + label + '»')`;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

let browser: Browser;
let db: Db;
let goneId: number;
let gonePath: string;
beforeAll(async () => {
  browser = await launchBrowser();
  // A story of this test's own, deleted, for the 410 page.
  db = openServerDb(inject('dataDir'));
  const editorId = (
    await db.select({ id: users.id }).from(users).where(eq(users.slug, 'rana-haddad')).limit(1)
  )[0]!.id;
  const { id, slug } = await createDraft(
    db,
    editorId,
    articleFields({
      title: `خبر محذوف لفحص الإتاحة ${Date.now()}`,
      sectionId: (await getSectionBySlug(db, 'local'))!.id,
      authorIds: [editorId],
    }),
  );
  await transitionArticle(db, editorId, id, 'publish');
  await transitionArticle(db, editorId, id, 'delete');
  goneId = id;
  gonePath = articlePath({ id, slug, locale: 'ar' });
});
afterAll(async () => {
  await browser?.close();
  await db.delete(articles).where(eq(articles.id, goneId));
  await closeDb(db);
});

describe('axe finds no serious or critical violation on any reader page type', () => {
  it('in both editions, on a phone and a desktop', { timeout: 240_000 }, async () => {
    const arArticle = await firstLink('/', '/news/');
    const enArticle = await firstLink('/en', '/en/news/');
    const pages: Record<string, string> = {
      home: '/',
      section: '/category/economy',
      article: arArticle,
      tag: await firstLink(arArticle, '/tag/'),
      author: await firstLink(arArticle, '/author/'),
      latest: '/latest',
      search: '/search?q=' + encodeURIComponent('المياه'),
      'search-empty': '/search?q=' + encodeURIComponent('كلمةلاتوجد'),
      'search-form': '/search',
      'not-found': '/no-such-page',
      gone: gonePath,
      about: '/about',
      'home-en': '/en',
      'section-en': '/en/category/economy',
      'article-en': enArticle,
      'tag-en': await firstLink(enArticle, '/en/tag/'),
      'author-en': await firstLink(enArticle, '/en/author/'),
      'latest-en': '/en/latest',
      'search-en': '/en/search?q=water',
      'search-empty-en': '/en/search?q=nowordlikethis',
      'not-found-en': '/en/no-such-page',
      'about-en': '/en/about',
    };
    const found: string[] = [];
    for (const width of [375, 1280]) {
      const { page, close } = await openPage(browser, { viewport: { width, height: 900 } });
      for (const [name, p] of Object.entries(pages)) {
        const response = await page.goto(base + p);
        expect([200, 404, 410], `${name} ${p}`).toContain(response?.status());
        await page.evaluate(AXE);
        const violations = (await page.evaluate(
          `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
        )) as AxeViolation[];
        for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
          for (const node of v.nodes)
            found.push(
              `${width}px ${name} ${p}: [${v.impact}] ${v.id} at ${JSON.stringify(node.target)} — ${v.help} (${v.helpUrl})`,
            );
        // axe skips label-content-name-mismatch when the visible words are Arabic: the same rule,
        // for every labelled control whose words show.
        const mismatched = await page.evaluate(NAME_CONTAINS_TEXT);
        for (const m of mismatched as string[])
          found.push(`${width}px ${name} ${p}: [serious] name does not contain the visible text: ${m}`);
      }
      await close();
    }
    expect(found, found.join('\n')).toEqual([]);
  });
});
