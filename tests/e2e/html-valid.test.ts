import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft, transitionArticle } from '@/db/mutations/articles';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles, users } from '@/db/schema';
import { articlePath } from '@/lib/article-url';
import { articleFields } from '../helpers/fixtures';
import { openServerDb } from '../helpers/server-db';

const base = inject('baseURL');
const VNU = path.join(process.cwd(), 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

async function get(p: string): Promise<{ status: number; body: string }> {
  const res = await fetch(base + p);
  return { status: res.status, body: await res.text() };
}

/** The first link on `from` whose path starts with `prefix`. */
async function firstLink(from: string, prefix: string): Promise<string> {
  const page = (await get(from)).body;
  return new RegExp(`href="(${prefix}[^"]+)"`).exec(page)![1]!.replace(/&amp;/g, '&');
}

// A story of this test's own, deleted, for the 410 page.
let db: Db;
let goneId: number;
let gonePath: string;
beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  const editorId = (
    await db.select({ id: users.id }).from(users).where(eq(users.slug, 'rana-haddad')).limit(1)
  )[0]!.id;
  const { id, slug } = await createDraft(
    db,
    editorId,
    articleFields({
      title: `خبر محذوف لفحص الصفحة ${Date.now()}`,
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
  await db.delete(articles).where(eq(articles.id, goneId));
  await closeDb(db);
});

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

describe('every reader page type is valid HTML (Nu HTML Checker)', () => {
  it('reports zero errors', { timeout: 120_000 }, async () => {
    const article = await firstLink('/', '/news/');
    const pages: Record<string, string> = {
      home: '/',
      'home-en': '/en',
      section: '/category/economy',
      'section-page-2': '/category/economy?page=2',
      article,
      tag: await firstLink(article, '/tag/'),
      author: await firstLink(article, '/author/'),
      latest: '/latest',
      search: '/search?q=' + encodeURIComponent('المياه'),
      'search-empty': '/search?q=' + encodeURIComponent('كلمةلاتوجد'),
      'not-found': '/no-such-page',
      about: '/about',
      'privacy-en': '/en/privacy',
      gone: gonePath,
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-vnu-'));
    try {
      for (const [name, p] of Object.entries(pages)) {
        const { status, body } = await get(p);
        expect([200, 404, 410], `${name} ${p}`).toContain(status);
        fs.writeFileSync(path.join(dir, `${name}.html`), body);
      }
      const files = Object.keys(pages).map((n) => path.join(dir, `${n}.html`));
      // vnu writes its JSON report to stderr and exits 1 when it found errors.
      const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], {
        encoding: 'utf8',
      });
      const output = run.stderr.trim();
      const messages = output ? (JSON.parse(output) as { messages: VnuMessage[] }).messages : [];
      const errors = messages
        .filter((m) => m.type === 'error')
        .map((m) => `${path.basename(m.url)}:${m.lastLine ?? '?'} ${m.message} «${m.extract ?? ''}»`);
      expect(errors).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
