import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { scriptUrls } from '../helpers/scripts';

const base = inject('baseURL');
const ROOT = path.resolve(__dirname, '../..');
const KB = 1024;

/**
 * Compressed JavaScript a reader downloads per page type, in KB (gzip of each file, summed).
 * Set from the figures this test prints, plus about 10%: nearly all of it is React and the Next
 * router, so a jump means a client component or a library slipped onto reader pages.
 */
const BUDGET_KB = {
  home: 146, // 132.5 KB at the time of writing (Next 16.4, React 19.3, Turbopack)
  section: 146,
  article: 147, // 132.9 KB: the copy-link island is the only component of ours that ships
  tag: 146,
  author: 146,
  latest: 146,
  notFound: 146,
} as const;
type PageType = keyof typeof BUDGET_KB;

/** Client components reader routes may use: the interactive islands, nothing else of ours. */
const READER_ISLANDS = ['components/site/copy-link-button.tsx', 'components/site/ticker-pause.tsx'];

const paths = {} as Record<PageType, string>;
const bodies = new Map<string, Buffer>();

beforeAll(async () => {
  const home = await page('/', 200);
  const article = /href="(\/news\/\d+\/[^"]+)"/.exec(home)?.[1];
  expect(article, 'an article link on the home page').toBeTruthy();
  const story = await page(article!, 200);
  const tag = /href="(\/tag\/[^"]+)"/.exec(story)?.[1];
  const author = /href="(\/author\/[^"]+)"/.exec(story)?.[1];
  expect(tag && author, 'tag and author links on the article page').toBeTruthy();
  Object.assign(paths, {
    home: '/',
    section: '/category/politics',
    article: article!,
    tag: tag!,
    author: author!,
    latest: '/latest',
    notFound: '/no-such-page-for-the-budget',
  });
});

async function page(p: string, status: number): Promise<string> {
  const res = await fetch(base + p);
  expect(res.status, p).toBe(status);
  return res.text();
}

/** The raw body of a static file (fetched once per run: the names are content hashes). */
async function body(url: string): Promise<Buffer> {
  const known = bodies.get(url);
  if (known) return known;
  const res = await fetch(base + url, { headers: { 'accept-encoding': 'identity' } });
  expect(res.status, url).toBe(200);
  const raw = Buffer.from(await res.arrayBuffer());
  bodies.set(url, raw);
  return raw;
}

/** The admin editor's code: ProseMirror (under tiptap) names its editable surface this way. */
const EDITOR_MARKERS = ['ProseMirror', '@tiptap'];

describe('JavaScript budget of reader pages (production build)', () => {
  it('stays under the budget per page type', async () => {
    const rows: Record<string, { files: number; gzipKb: number; budgetKb: number }> = {};
    for (const type of Object.keys(BUDGET_KB) as PageType[]) {
      const html = await page(paths[type], type === 'notFound' ? 404 : 200);
      const urls = scriptUrls(html);
      expect(urls.length, `${type}: scripts found`).toBeGreaterThan(0);
      let total = 0;
      for (const url of urls) total += gzipSync(await body(url)).length;
      rows[type] = { files: urls.length, gzipKb: Number((total / KB).toFixed(1)), budgetKb: BUDGET_KB[type] };
    }
    console.log('JavaScript per reader page type (gzip):');
    console.table(rows);
    for (const [type, row] of Object.entries(rows)) {
      expect(row.gzipKb, `${type}: ${row.gzipKb} KB of JavaScript`).toBeLessThanOrEqual(row.budgetKb);
    }
  });

  it('never sends the newsroom editor (tiptap, ProseMirror) to a reader', async () => {
    // The marker must exist in the build, or this check could never fail.
    const chunksDir = path.join(ROOT, '.next/static/chunks');
    const editorChunks = fs
      .readdirSync(chunksDir)
      .filter((f) => f.endsWith('.js'))
      .filter((f) => fs.readFileSync(path.join(chunksDir, f), 'utf8').includes(EDITOR_MARKERS[0]!));
    expect(editorChunks.length, 'the editor is in the build').toBeGreaterThan(0);

    for (const type of Object.keys(BUDGET_KB) as PageType[]) {
      const html = await page(paths[type], type === 'notFound' ? 404 : 200);
      for (const url of scriptUrls(html)) {
        expect(editorChunks, `${type} loads ${url}`).not.toContain(path.basename(url));
        const code = (await body(url)).toString('utf8');
        expect(
          EDITOR_MARKERS.filter((m) => code.includes(m)),
          `${type} loads editor code in ${url}`,
        ).toEqual([]);
      }
    }
  });

  it('uses no client components of ours on reader routes but the interactive islands', () => {
    // Next writes, per route, the client modules its server tree references.
    const siteDir = path.join(ROOT, '.next/server/app/[locale]/(site)');
    const manifests = (fs.readdirSync(siteDir, { recursive: true }) as string[]).filter((f) =>
      f.endsWith('page_client-reference-manifest.js'),
    );
    expect(manifests.length).toBeGreaterThanOrEqual(7);
    for (const file of manifests) {
      // The manifest is a script that fills globalThis.__RSC_MANIFEST: run it in a bare context.
      const sandbox: { __RSC_MANIFEST?: Record<string, { clientModules: Record<string, unknown> }> } = {};
      vm.runInNewContext(fs.readFileSync(path.join(siteDir, file), 'utf8'), sandbox);
      const modules = Object.values(sandbox.__RSC_MANIFEST ?? {}).flatMap((m) =>
        Object.keys(m.clientModules).map((key) => key.replace(/^\[project\]\//, '').replace(/#.*$/, '')),
      );
      expect(modules.length, file).toBeGreaterThan(0);
      const ours = [...new Set(modules.filter((m) => !m.startsWith('node_modules/next/')))];
      expect(
        ours.filter((m) => !READER_ISLANDS.includes(m)),
        file,
      ).toEqual([]);
    }
  });
});
