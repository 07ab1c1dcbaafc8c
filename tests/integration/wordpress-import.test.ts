import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { updateArticle } from '@/db/mutations/articles';
import { importPosts, type ImportedPost } from '@/db/mutations/import';
import { getArticleForEdit } from '@/db/queries/newsroom';
import {
  articles,
  articleTags,
  articleViews,
  importItems,
  importMedia,
  importRuns,
  redirects,
  sections,
  tags,
  users,
} from '@/db/schema';
import { importWordPress, oldUrlKey } from '@/lib/import/wordpress/import';
import { summariseExport } from '@/lib/import/wordpress/summary';
import { WxrParseError } from '@/lib/import/wordpress/types';
import { wpPathKey } from '@/lib/import/wordpress/slugs';
import { readWxr } from '@/lib/import/wordpress/wxr-reader';
import { buildWxr, wpSlug } from '../helpers/wp-export';
import { importerExport, realExport, WP_FIXTURES } from '../helpers/wp-fixtures';
import { createSeededDb, createTestDb } from '../helpers/test-db';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-wp-import-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** How many rows each table readers see has: an import that adds nothing leaves these alone. */
async function tableCounts(db: Db) {
  const n = async (table: Parameters<ReturnType<Db['select']>['from']>[0]) =>
    (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    articles: await n(articles),
    sections: await n(sections),
    tags: await n(tags),
    users: await n(users),
    articleTags: await n(articleTags),
    redirects: await n(redirects),
    views: await n(articleViews),
    importItems: await n(importItems),
    importMedia: await n(importMedia),
    importRuns: await n(importRuns),
  };
}

/** The stories an import made from one source, by status. */
async function importedByStatus(db: Db, source: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: articles.status, n: count() })
    .from(articles)
    .innerJoin(importItems, and(eq(importItems.newId, articles.id), eq(importItems.kind, 'post')))
    .where(eq(importItems.source, source))
    .groupBy(articles.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

async function countsAndTwice(db: Db, file: string): Promise<void> {
  const summary = await summariseExport(file);
  const posts = summary.byType.post ?? {};
  const first = await importWordPress(db, file);
  const byStatus = await importedByStatus(db, first.source);
  // WordPress's Posts screen: Published, Scheduled, Drafts (private ones are drafts here),
  // Pending; trash and auto-drafts are not stories.
  expect(byStatus.published ?? 0).toBe(
    (posts.publish ?? 0) + (posts.future ?? 0) - (byStatus.scheduled ?? 0),
  );
  expect(byStatus.draft ?? 0).toBe((posts.draft ?? 0) + (posts.private ?? 0));
  expect(byStatus.review ?? 0).toBe(posts.pending ?? 0);
  const skipped = (posts.trash ?? 0) + (posts['auto-draft'] ?? 0) + (posts.inherit ?? 0);
  expect(first.report.counts.posts?.skipped ?? 0).toBe(skipped);
  // Every category and tag the file declares has its section or tag.
  expect(first.report.counts.categories?.imported ?? 0).toBe(summary.categories);
  expect(first.report.counts.tags?.imported ?? 0).toBeGreaterThanOrEqual(summary.tags);
  // Pages, menus and other types are counted, never silently dropped.
  const reported = Object.entries(first.report.counts)
    .filter(([kind]) => kind === 'pages' || kind.startsWith('other:'))
    .reduce((sum, [, c]) => sum + c.skipped, 0);
  const others = Object.entries(summary.byType)
    .filter(([type]) => type !== 'post' && type !== 'attachment')
    .reduce((sum, [, statuses]) => sum + Object.values(statuses).reduce((a, b) => a + b, 0), 0);
  expect(reported).toBe(others);

  const before = await tableCounts(db);
  const second = await importWordPress(db, file);
  const after = await tableCounts(db);
  expect({ ...after, importRuns: 0 }).toEqual({ ...before, importRuns: 0 });
  for (const [kind, c] of Object.entries(second.report.counts)) {
    expect(c.imported, kind).toBe(kind === 'attachments' || kind === 'translations' ? c.imported : 0);
    expect(c.updated, kind).toBe(0);
  }
}

const FIXTURES = [
  realExport('hexo-opensourcecms-cjk-slug.xml'),
  realExport('jahanworld-subdir-rss2head-extras.xml'),
  realExport('parchlinux-fa-en-polylang.xml'),
  realExport('pelican-wxr11-test-export.xml'),
  realExport('sayid-fa-handwritten-demo.xml'),
  realExport('themeix-political-theme-demo.xml'),
  importerExport('valid-wxr-1.0.xml'),
  importerExport('valid-wxr-1.1.xml'),
  importerExport('wxr-comprehensive.xml'),
  importerExport('wxr-utf-8-challenges.xml'),
  importerExport('theme-unit-test-data.xml'),
  importerExport('slashes.xml'),
  importerExport('term-formats.xml'),
  importerExport('wxr-flat-attachment-same-site.xml'),
];

describe.skipIf(!WP_FIXTURES)('importing real WordPress exports', () => {
  let t: Awaited<ReturnType<typeof createSeededDb>>;
  beforeAll(async () => {
    t = await createSeededDb({ articles: 8 });
  });
  afterAll(() => t.cleanup());

  for (const file of FIXTURES) {
    // Each into a site of its own: several of WordPress's test files are the same "localhost".
    it(`${path.basename(file)}: the counts WordPress shows, and twice without duplicates`, async () => {
      const own = await createTestDb();
      try {
        await countsAndTwice(own.db, file);
      } finally {
        await own.cleanup();
      }
    });
  }

  it('every published post of an export answers from its old link, as written and in the other hex case', async () => {
    const file = realExport('parchlinux-fa-en-polylang.xml');
    const { source } = await importWordPress(t.db, file);
    let checked = 0;
    for await (const r of readWxr(file)) {
      if (r.type !== 'item' || r.postType !== 'post' || r.status !== 'publish') continue;
      const key = oldUrlKey(r.link)!;
      expect(wpPathKey(r.link.toUpperCase().replace(/^HTTPS?:\/\/[^/]+/, ''))).not.toBe('');
      const row = (await t.db.select().from(redirects).where(eq(redirects.fromPath, key)))[0];
      expect(row?.source, r.link).toBe(source);
      const [, id] = /^\/(?:en\/)?news\/(\d+)\//.exec(row!.toPath)!;
      const story = (
        await t.db
          .select()
          .from(articles)
          .where(eq(articles.id, Number(id)))
      )[0]!;
      expect(story.title.length).toBeGreaterThan(0);
      expect(story.status).toBe('published');
      const p = (
        await t.db
          .select()
          .from(redirects)
          .where(eq(redirects.fromPath, `/?p=${r.postId}`))
      )[0];
      expect(p?.toPath).toBe(row!.toPath);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("Polylang's pairs become translation links between the two editions", async () => {
    const file = realExport('parchlinux-fa-en-polylang.xml');
    const result = await importWordPress(t.db, file);
    const linked = await t.db
      .select({ id: articles.id, locale: articles.locale, key: articles.translationKey })
      .from(articles)
      .innerJoin(importItems, and(eq(importItems.newId, articles.id), eq(importItems.kind, 'post')))
      .where(and(eq(importItems.source, result.source), isNotNull(articles.translationKey)));
    expect(linked.length).toBeGreaterThanOrEqual(4);
    const byKey = new Map<number | null, string[]>();
    for (const r of linked) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r.locale]);
    for (const pair of byKey.values()) expect(pair.sort()).toEqual(['ar', 'en']);
  });

  it('the malformed file stops with its line and column and leaves the database as it was', async () => {
    const before = await tableCounts(t.db);
    const error = await importWordPress(t.db, importerExport('malformed-simple.xml')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WxrParseError);
    expect((error as WxrParseError).line).toBeGreaterThan(0);
    expect(await tableCounts(t.db)).toEqual(before);
  });
});

describe('importing an Arabic export made for the test', () => {
  let t: Awaited<ReturnType<typeof createSeededDb>>;
  const news = wpSlug('أخبار');
  const local = wpSlug('محليات');
  const slugA = wpSlug('افتتاح مكتبة عامة جديدة في وسط المدينة');
  const slugB = wpSlug('الأمطار تعود إلى الساحل بعد صيف طويل');
  const file = path.join(tmp, 'arabic.xml');
  const spec = (titleB: string) =>
    buildWxr({
      siteUrl: 'https://old.example',
      authors: [{ id: 2, login: 'huda', displayName: 'هدى الكاتبة' }],
      categories: [
        { id: 3, nicename: news, name: 'أخبار' },
        { id: 4, nicename: local, name: 'محليات', parent: news },
      ],
      tags: [{ id: 6, slug: wpSlug('ثقافة'), name: 'ثقافة' }],
      items: [
        {
          id: 101,
          title: 'افتتاح مكتبة عامة جديدة في وسط المدينة',
          slug: slugA,
          // Copied from a browser: the same address in uppercase hex.
          link: `https://old.example/2024/05/${slugA.toUpperCase()}/`,
          date: '2024-05-02 10:00:00',
          dateGmt: '2024-05-02 07:00:00',
          content: 'افتتحت البلدية مكتبة عامة.\n\nتضم المكتبة آلاف الكتب.<script>alert(1)</script>',
          excerpt: 'مكتبة جديدة للقراء',
          creator: 'huda',
          sticky: true,
          terms: [
            { domain: 'category', nicename: local, name: 'محليات' },
            { domain: 'post_tag', nicename: wpSlug('ثقافة'), name: 'ثقافة' },
          ],
          meta: { _yoast_wpseo_title: 'مكتبة المدينة الجديدة', post_views_count: '1234' },
        },
        {
          id: 102,
          title: titleB,
          slug: slugB,
          date: '2024-05-03 09:00:00',
          dateGmt: '2024-05-03 06:00:00',
          content: '<!-- wp:paragraph --><p>عادت الأمطار.</p><!-- /wp:paragraph -->[tie_list]بند[/tie_list]',
          creator: 'huda',
          terms: [{ domain: 'category', nicename: news, name: 'أخبار' }],
        },
        {
          id: 103,
          title: 'مسودة',
          slug: '',
          status: 'draft',
          date: '2024-05-04 09:00:00',
          dateGmt: '0000-00-00 00:00:00',
          pubDate: '',
          creator: 'huda',
        },
      ],
    });

  beforeAll(async () => {
    t = await createSeededDb({ articles: 4 });
    fs.writeFileSync(file, spec('الأمطار تعود إلى الساحل بعد صيف طويل'));
  });
  afterAll(() => t.cleanup());

  it('a dry run reads everything, says what would happen and writes nothing', async () => {
    const before = await tableCounts(t.db);
    const dry = await importWordPress(t.db, file, { dryRun: true });
    expect(dry.runId).toBeNull();
    expect(dry.report.counts.posts).toMatchObject({ imported: 3 });
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('maps stories, sections with their hierarchy, bylines, SEO, views and old URLs', async () => {
    const { source, report } = await importWordPress(t.db, file, { timeZone: 'Asia/Damascus' });
    expect(report.counts.posts).toMatchObject({ imported: 3 });
    const rows = await t.db
      .select()
      .from(articles)
      .innerJoin(importItems, and(eq(importItems.newId, articles.id), eq(importItems.kind, 'post')))
      .where(eq(importItems.source, source))
      .orderBy(importItems.oldId);
    const [a, b, draft] = rows.map((r) => r.articles);
    expect(a!.title).toBe('افتتاح مكتبة عامة جديدة في وسط المدينة');
    expect(a!.slug).toBe('افتتاح-مكتبة-عامة-جديدة-في-وسط-المدينة');
    expect(a!.publishedAt!.toISOString()).toBe('2024-05-02T07:00:00.000Z');
    expect(a!.featured).toBe(true);
    expect(a!.seoTitle).toBe('مكتبة المدينة الجديدة');
    expect(a!.dek).toBe('مكتبة جديدة للقراء');
    expect(a!.body).toBe('<p>افتتحت البلدية مكتبة عامة.</p>\n<p>تضم المكتبة آلاف الكتب.</p>');
    expect(b!.body).toBe('<p>عادت الأمطار.</p>بند');
    expect(draft!.status).toBe('draft');
    expect(draft!.publishedAt).toBeNull();
    const section = (await t.db.select().from(sections).where(eq(sections.id, a!.sectionId)))[0]!;
    expect(section.nameAr).toBe('محليات');
    const parent = (await t.db.select().from(sections).where(eq(sections.id, section.parentId!)))[0]!;
    expect(parent.nameAr).toBe('أخبار');
    const views = await t.db.select().from(articleViews).where(eq(articleViews.articleId, a!.id));
    expect(views).toEqual([{ articleId: a!.id, day: '2024-05-02', count: 1234 }]);
    const author = (await t.db.select().from(users).where(eq(users.name, 'هدى الكاتبة')))[0]!;
    expect(author.passwordHash).toBeNull();
    const keys = await t.db
      .select({ from: redirects.fromPath, to: redirects.toPath })
      .from(redirects)
      .where(
        inArray(redirects.fromPath, [
          wpPathKey(`/2024/05/${slugA}/`),
          '/?p=101',
          wpPathKey(`/category/${news}/${local}/`),
        ]),
      );
    expect(new Map(keys.map((k) => [k.from, k.to]))).toEqual(
      new Map([
        [wpPathKey(`/2024/05/${slugA}/`), `/news/${a!.id}/${encodeURIComponent(a!.slug)}`],
        ['/?p=101', `/news/${a!.id}/${encodeURIComponent(a!.slug)}`],
        ['/category/أخبار/محليات', `/category/${section.slug}`],
      ]),
    );
    expect(report.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['shortcode:tie_list', 'removed:script']),
    );
  });

  it('a re-import updates the story that changed, and leaves one an editor has changed here', async () => {
    fs.writeFileSync(file, spec('الأمطار تعود إلى الساحل بعد صيف طويل وجاف'));
    const again = await importWordPress(t.db, file, { timeZone: 'Asia/Damascus' });
    expect(again.report.counts.posts).toEqual({ imported: 0, updated: 1, unchanged: 2, skipped: 0 });
    const id = (
      await t.db
        .select({ id: importItems.newId })
        .from(importItems)
        .where(and(eq(importItems.source, again.source), eq(importItems.oldId, '102')))
    )[0]!.id;
    expect((await t.db.select().from(articles).where(eq(articles.id, id)))[0]!.title).toBe(
      'الأمطار تعود إلى الساحل بعد صيف طويل وجاف',
    );
    // An editor changes the story; the old site changes it too: the editor's text stays.
    const s = (await getArticleForEdit(t.db, id))!;
    await updateArticle(t.db, 1, id, {
      locale: s.locale,
      title: 'عنوان المحرر',
      slug: s.slug,
      dek: s.dek,
      body: s.body,
      wordCount: 3,
      sectionId: s.sectionId,
      tags: [],
      authorIds: [],
      sourceOutlet: s.sourceOutlet,
      sourceAgency: s.sourceAgency,
      heroMediaId: s.heroMediaId,
      breaking: s.breaking,
      breakingUntil: s.breakingUntil,
      featured: s.featured,
      seoTitle: s.seoTitle,
      seoDescription: s.seoDescription,
    });
    fs.writeFileSync(file, spec('عنوان من الموقع القديم'));
    const third = await importWordPress(t.db, file, { timeZone: 'Asia/Damascus' });
    expect(third.report.counts.posts).toMatchObject({ skipped: 1, updated: 0 });
    expect((await t.db.select().from(articles).where(eq(articles.id, id)))[0]!.title).toBe('عنوان المحرر');
  });
});

describe('a story that cannot be written', () => {
  let t: Awaited<ReturnType<typeof createSeededDb>>;
  beforeAll(async () => {
    t = await createSeededDb({ articles: 2 });
  });
  afterAll(() => t.cleanup());

  it('is undone alone and reported; the rest of its batch goes in', async () => {
    const section = (await t.db.select({ id: sections.id, slug: sections.slug }).from(sections).limit(1))[0]!;
    const story = (oldId: string, sectionId = section.id): ImportedPost => ({
      oldId,
      digest: `d${oldId}`,
      locale: 'ar',
      title: `قصة ${oldId}`,
      slug: `qissa-${oldId}`,
      dek: '',
      body: '<p>نص</p>',
      wordCount: 1,
      status: 'published',
      publishedAt: new Date('2024-01-01T00:00:00Z'),
      updatedAt: new Date('2024-01-01T00:00:00Z'),
      section: { id: sectionId, slug: section.slug },
      tags: [],
      authors: [],
      featured: false,
      seoTitle: null,
      seoDescription: null,
      sourceOutlet: '',
      views: 5,
      redirects: [`/old/${oldId}`],
      images: [],
    });
    const results = await importPosts(t.db, 'batch.example', [
      { post: story('1'), known: undefined },
      // No such section: the foreign key refuses it.
      { post: story('2', 999_999), known: undefined },
      { post: story('3'), known: undefined },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['imported', 'skipped', 'imported']);
    expect(results[1]).toMatchObject({ id: null, error: expect.any(String) });
    const items = await t.db
      .select({ oldId: importItems.oldId })
      .from(importItems)
      .where(eq(importItems.source, 'batch.example'));
    expect(items.map((i) => i.oldId).sort()).toEqual(['1', '3']);
    const left = await t.db
      .select({ from: redirects.fromPath })
      .from(redirects)
      .where(eq(redirects.source, 'batch.example'));
    expect(left.map((r) => r.from).sort()).toEqual(['/old/1', '/old/3']);
  });
});
