import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readWxr } from '@/lib/import/wordpress/wxr-reader';
import { notedDatabaseUrl } from '../helpers/pg-database';
import { startServer, type RunningServer } from '../helpers/server';
import { buildWxr, cutMidLetter, wpSlug } from '../helpers/wp-export';
import { realExport, WP_FIXTURES } from '../helpers/wp-fixtures';

/**
 * A WordPress site moved into a running Midad with `npm run import:wordpress`, as an operator
 * would: while it serves, then every old address of its published posts answers one 301 to a
 * page that answers 200, and the site's own pages (cached before the import) show the archive.
 */
let server: RunningServer;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-wp-e2e-'));
const uploads = path.join(tmp, 'uploads');
const arabicFile = path.join(tmp, 'arabic.xml');
const SITE = 'https://old-news.example';

/** A local time as WordPress writes it, `minutesAgo` before now, in UTC (GMT = local here). */
function wpTime(minutesAgo: number): string {
  return new Date(Date.now() - minutesAgo * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

const headlineNew = 'مهرجان الزيتون يفتتح أبوابه';
const headlineOld = 'جسر حجري قديم يعود إلى الحياة بعد ترميمه';
const headlineCut =
  'وزارة الزراعة تعلن خطة وطنية شاملة لدعم المزارعين في المحافظات الشمالية والشرقية والجنوبية';
const culture = wpSlug('ثقافة');
const villages = wpSlug('قرى');
const slugNew = wpSlug(headlineNew);
const slugCut = cutMidLetter(headlineCut);

function importCommand(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: server.dataDir };
  const url = notedDatabaseUrl(server.dataDir);
  if (url) env.DATABASE_URL = url;
  else delete env.DATABASE_URL;
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-wordpress.ts', ...args], {
    env,
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

beforeAll(async () => {
  server = await startServer({}, { seeded: inject('seededData') });
  fs.mkdirSync(path.join(uploads, '2024', '05'), { recursive: true });
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a7a4a' } })
    .jpeg()
    .toFile(path.join(uploads, '2024', '05', 'olive.jpg'));
  fs.writeFileSync(
    arabicFile,
    buildWxr({
      siteUrl: SITE,
      authors: [{ id: 2, login: 'salma', displayName: 'سلمى الراوي' }],
      categories: [
        { id: 3, nicename: culture, name: 'ثقافة' },
        { id: 4, nicename: villages, name: 'قرى', parent: culture },
      ],
      tags: [{ id: 6, slug: wpSlug('زيتون'), name: 'زيتون' }],
      items: [
        {
          id: 501,
          title: headlineNew,
          slug: slugNew,
          // As copied from a browser's address bar: uppercase hex.
          link: `${SITE}/${slugNew.toUpperCase()}/`,
          date: wpTime(30),
          dateGmt: wpTime(30),
          content: 'افتتح المهرجان أبوابه صباح اليوم.\n\nيعرض المزارعون زيتهم الجديد.',
          creator: 'salma',
          terms: [
            { domain: 'category', nicename: villages, name: 'قرى' },
            { domain: 'post_tag', nicename: wpSlug('زيتون'), name: 'زيتون' },
          ],
          meta: { _thumbnail_id: '601' },
        },
        {
          id: 502,
          title: headlineOld,
          slug: wpSlug(headlineOld),
          link: `${SITE}/2019/04/${wpSlug(headlineOld)}/`,
          date: '2019-04-02 10:00:00',
          dateGmt: '2019-04-02 07:00:00',
          content: '<!-- wp:paragraph --><p>عاد الجسر إلى الحياة.</p><!-- /wp:paragraph -->',
          creator: 'salma',
          terms: [{ domain: 'category', nicename: culture, name: 'ثقافة' }],
        },
        {
          id: 503,
          title: headlineCut,
          slug: slugCut,
          link: `${SITE}/2019/05/${slugCut}/`,
          date: '2019-05-02 10:00:00',
          dateGmt: '2019-05-02 07:00:00',
          content: '<p>خطة لدعم المزارعين.</p>',
          creator: 'salma',
          terms: [{ domain: 'category', nicename: culture, name: 'ثقافة' }],
        },
        {
          id: 601,
          title: 'olive',
          slug: 'olive',
          type: 'attachment',
          status: 'inherit',
          parent: 501,
          link: `${SITE}/${slugNew}/olive/`,
          attachmentUrl: `${SITE}/wp-content/uploads/2024/05/olive.jpg`,
          excerpt: 'موسم الزيتون',
          meta: { _wp_attachment_image_alt: 'أغصان زيتون' },
        },
      ],
    }),
  );
}, 150_000);
afterAll(async () => {
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const base = () => server.baseURL;

/** One 301 whose Location answers 200 on the first request; returns that page's HTML. */
async function oneHop(oldPath: string): Promise<string> {
  const res = await fetch(base() + oldPath, { redirect: 'manual' });
  expect(res.status, oldPath).toBe(301);
  const location = res.headers.get('location')!;
  const next = await fetch(new URL(location, base()), { redirect: 'manual' });
  expect(next.status, `${oldPath} → ${location}`).toBe(200);
  return next.text();
}

describe('moving a WordPress site in with npm run import:wordpress', () => {
  it('imports while the site serves, with images from the uploads folder, and says what it did', async () => {
    // The pages readers see before: cached, so the import must invalidate them.
    expect(await (await fetch(`${base()}/latest`)).text()).not.toContain(headlineNew);
    const run = importCommand([arabicFile, '--site-url', SITE, '--media-dir', uploads]);
    expect(run.output).toContain('posts          3 imported');
    expect(run.output).toMatch(/images: 1 stored, 0 failed/);
    expect(run.status).toBe(0);
  });

  it('every old address of a post answers one 301 to its page, whatever the hex case or slash', async () => {
    const page = await oneHop(`/${slugNew}/`);
    expect(page).toContain(headlineNew);
    expect(await oneHop(`/${slugNew.toUpperCase()}`)).toContain(headlineNew);
    expect(await oneHop('/?p=501')).toContain(headlineNew);
    expect(await oneHop(`/2019/04/${wpSlug(headlineOld)}/`)).toContain(headlineOld);
    // The slug WordPress cut inside a letter: it does not even decode.
    expect(await oneHop(`/2019/05/${slugCut}/`)).toContain('خطة لدعم المزارعين');
    expect(await oneHop(`/2019/05/${slugCut.toUpperCase()}`)).toContain('خطة لدعم المزارعين');
    // The image's page, its file and a resized copy, and ?attachment_id=.
    for (const p of [
      `/${slugNew}/olive/`,
      '/wp-content/uploads/2024/05/olive.jpg',
      '/wp-content/uploads/2024/05/olive-300x200.jpg',
      '/?attachment_id=601',
    ])
      expect(await oneHop(p), p).toContain(headlineNew);
    // Archives and their feeds.
    expect(await oneHop(`/category/${culture}/${villages}/`)).toContain(headlineNew);
    expect(await oneHop(`/category/${culture}/`)).toContain(headlineOld);
    const feed = await fetch(base() + `/category/${culture}/${villages}/feed/`, { redirect: 'manual' });
    expect(feed.status).toBe(301);
    expect(await (await fetch(new URL(feed.headers.get('location')!, base()))).text()).toContain(headlineNew);
    expect(await oneHop(`/tag/${wpSlug('زيتون')}/`)).toContain(headlineNew);
    expect(await oneHop('/author/salma/')).toContain('سلمى الراوي');
  });

  it('the story has its featured image, and the cached listings and search show the archive', async () => {
    const page = await oneHop('/?p=501');
    expect(page).toMatch(
      /<img[^>]+alt="أغصان زيتون"[^>]+src="\/media\/|<img[^>]+src="\/media\/[^"]+"[^>]+alt="أغصان زيتون"/,
    );
    expect(await (await fetch(`${base()}/latest`)).text()).toContain(headlineNew);
    const search = await (await fetch(`${base()}/search?q=${encodeURIComponent('جسر حجري')}`)).text();
    // The words searched for are marked in the result; the rest of the headline is as it was.
    expect(search).toContain('يعود إلى الحياة بعد ترميمه');
    const feed = await (await fetch(`${base()}/feed.xml`)).text();
    expect(feed).toContain(headlineNew);
  });

  it('running it again creates nothing twice', () => {
    const run = importCommand([arabicFile, '--site-url', SITE, '--media-dir', uploads]);
    expect(run.output).toContain('posts          3 unchanged');
    expect(run.status).toBe(0);
  });

  it('a malformed file is refused with its line and column, and nothing is imported', () => {
    const bad = path.join(tmp, 'bad.xml');
    fs.writeFileSync(bad, fs.readFileSync(arabicFile, 'utf8').replace('</channel>', ''));
    const run = importCommand([bad]);
    expect(run.status).toBe(2);
    expect(run.output).toMatch(
      /not a well-formed WordPress export \(line \d+, column \d+: .+\); nothing was imported/,
    );
  });

  it.skipIf(!WP_FIXTURES)(
    'a real export (Persian and English, Polylang): every published post answers from its old link',
    async () => {
      const file = realExport('parchlinux-fa-en-polylang.xml');
      const run = importCommand([file]);
      expect(run.status, run.output).toBe(0);
      let checked = 0;
      for await (const r of readWxr(file)) {
        if (r.type !== 'item' || r.postType !== 'post' || r.status !== 'publish') continue;
        const old = new URL(r.link);
        await oneHop(old.pathname + old.search);
        checked++;
      }
      expect(checked).toBeGreaterThan(10);
    },
  );
});
