import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summariseExport } from '@/lib/import/wordpress/summary';
import { WxrParseError } from '@/lib/import/wordpress/types';
import { buildWxr, cutMidLetter, wpSlug } from '@/tests/helpers/wp-export';
import { importerExport, realExport, WP_FIXTURES } from '@/tests/helpers/wp-fixtures';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-wp-summary-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('summariseExport on an Arabic export made for the test', () => {
  const news = wpSlug('أخبار');
  const syria = wpSlug('سوريا');
  const cut = cutMidLetter(
    'وزارة الزراعة تعلن خطة وطنية شاملة لدعم المزارعين في المحافظات الشمالية والشرقية',
  );
  const file = path.join(tmp, 'arabic.xml');
  fs.writeFileSync(
    file,
    buildWxr({
      authors: [{ id: 1, login: 'sara', displayName: 'سارة' }],
      categories: [
        { id: 3, nicename: news, name: 'أخبار' },
        { id: 4, nicename: syria, name: 'سوريا', parent: news },
        { id: 5, nicename: 'orphan', name: 'يتيم', parent: 'gone' },
      ],
      tags: [{ id: 6, slug: wpSlug('الزراعة'), name: 'الزراعة' }],
      terms: [
        {
          id: 7,
          taxonomy: 'language',
          slug: 'ar',
          name: 'العربية',
          description: 'a:2:{s:6:"locale";s:2:"ar";s:3:"rtl";i:1;}',
        },
        {
          id: 8,
          taxonomy: 'language',
          slug: 'en',
          name: 'English',
          description: 'a:2:{s:6:"locale";s:5:"en_US";s:3:"rtl";i:0;}',
        },
        {
          id: 9,
          taxonomy: 'post_translations',
          slug: 'pll_1',
          name: 'pll_1',
          description: 'a:2:{s:2:"ar";i:10;s:2:"en";i:11;}',
        },
      ],
      items: [
        {
          id: 10,
          title: 'خطة لدعم المزارعين',
          slug: wpSlug('خطة لدعم المزارعين'),
          date: '2025-03-13 22:27:55',
          dateGmt: '2025-03-13 19:27:55',
          pubDate: 'Thu, 13 Mar 2025 19:27:55 +0000',
          content:
            '<!-- wp:paragraph --><p>نص</p><!-- /wp:paragraph -->[caption width="300"]<img src="/a.jpg" alt="" /> حقل قمح[/caption][gallery ids="1,2"]<!-- wp:latest-posts /-->',
          terms: [
            { domain: 'category', nicename: syria, name: 'سوريا' },
            { domain: 'post_tag', nicename: wpSlug('الزراعة'), name: 'الزراعة' },
            { domain: 'language', nicename: 'ar', name: 'العربية' },
            { domain: 'post_translations', nicename: 'pll_1', name: 'pll_1' },
          ],
          meta: { _thumbnail_id: '100', _yoast_wpseo_primary_category: '4', tie_views: '1520' },
        },
        {
          id: 11,
          title: 'A plan for farmers',
          slug: 'a-plan-for-farmers',
          date: '2025-03-14 09:00:00',
          dateGmt: '2025-03-14 06:00:00',
          terms: [
            { domain: 'language', nicename: 'en', name: 'English' },
            { domain: 'post_translations', nicename: 'pll_1', name: 'pll_1' },
          ],
          meta: { _thumbnail_id: '999' },
        },
        {
          id: 12,
          title: 'مسودة بعنوان طويل',
          slug: cut,
          status: 'draft',
          date: '2025-04-01 10:00:00',
          dateGmt: '0000-00-00 00:00:00',
          modifiedGmt: '0000-00-00 00:00:00',
          pubDate: '',
          terms: [{ domain: 'category', nicename: wpSlug('منوعات'), name: 'منوعات' }],
        },
        {
          id: 13,
          title: '',
          slug: '13',
          type: 'nav_menu_item',
          status: 'draft',
          date: '2016-05-31 21:30:51',
          dateGmt: '0000-00-00 00:00:00',
          pubDate: 'Mon, 30 Nov -0001 00:00:00 +0000',
        },
        {
          id: 14,
          title: 'سعر الخبز',
          slug: wpSlug('سعر الخبز').toUpperCase(),
          date: '2024-12-31 23:30:00',
          dateGmt: '2024-12-31 20:30:00',
          meta: { _yoast_wpseo_primary_category: '77', views: '12', post_views_count: '340' },
          content: '[td_block_big_grid_1 category_id="3"]',
        },
        {
          id: 100,
          title: 'قمح',
          slug: wpSlug('قمح'),
          type: 'attachment',
          status: 'inherit',
          parent: 10,
          attachmentUrl: 'https://old.example/wp-content/uploads/2025/03/wheat.jpg',
        },
      ],
    }),
  );

  it('counts what a WordPress dashboard would show', async () => {
    const s = await summariseExport(file, { timeZone: 'Asia/Damascus' });
    expect(s.site).toMatchObject({ title: 'موقع قديم', wxrVersion: '1.2', generator: 'WordPress/6.7' });
    expect(s.items).toBe(6);
    expect(s.byType).toEqual({
      post: { publish: 3, draft: 1 },
      nav_menu_item: { draft: 1 },
      attachment: { inherit: 1 },
    });
    expect([s.authors, s.categories, s.tags, s.attachments]).toEqual([1, 3, 1, 1]);
    expect(s.terms).toEqual({ language: 2, post_translations: 1 });
    expect(s.duplicatePostIds).toEqual([]);
  });

  it('reports missing images, dangling terms and what the body conversion will meet', async () => {
    const s = await summariseExport(file);
    expect(s.missingThumbnails).toEqual({ count: 1, examples: [{ postId: 11, thumbnailId: 999 }] });
    expect(s.dangling).toEqual({
      undeclaredItemTerms: { category: 1 },
      parents: ['category:orphan → gone'],
      primaryCategories: [77],
    });
    expect(s.captions).toBe(1);
    expect(s.unknownShortcodes).toEqual({ gallery: 1, td_block_big_grid_1: 1 });
    expect(s.dynamicBlocks).toEqual({ 'core/latest-posts': 1 });
    expect(s.blockComments).toBe(3);
    expect(s.metaKeys).toMatchObject({ _thumbnail_id: 2, _yoast_wpseo_primary_category: 2, tie_views: 1 });
  });

  it('reports dates and slugs of every broken kind', async () => {
    const s = await summariseExport(file, { timeZone: 'Asia/Damascus' });
    expect(s.dates).toEqual({ withoutGmt: 2, undated: 0, offsets: { '180': 3, '0': 1 } });
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(200);
    expect(() => decodeURIComponent(cut)).toThrow(URIError);
    expect(s.slugs).toEqual({ percentEncoded: 4, incomplete: 1 });
    expect(s.timeSpan).toEqual({ first: '2024-12-31T20:30:00.000Z', last: '2025-03-14T06:00:00.000Z' });
  });
});

describe('scripts/wp-summary.ts', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/wp-summary.ts', ...args], { encoding: 'utf8' });
  const file = path.join(tmp, 'cli.xml');
  fs.writeFileSync(
    file,
    buildWxr({
      authors: [{ id: 1, login: 'sara', displayName: 'سارة' }],
      items: [{ id: 1, title: 'خبر', slug: wpSlug('خبر'), meta: { tie_views: '5' } }],
    }),
  );

  it('prints the summary and never an author’s e-mail', () => {
    const text = run(file, '--time-zone', 'Asia/Damascus');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('items: 1\n  post: publish 1');
    expect(text.stdout).toContain('meta keys (1): tie_views 1');
    const json = run(file, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ items: 1, authors: 1 });
    expect(text.stdout + json.stdout).not.toContain('sara@old.example');
  });

  it('exits 1 with the line of the fault, 2 on bad arguments', () => {
    const broken = path.join(tmp, 'broken.xml');
    fs.writeFileSync(broken, '<rss><channel><item><title>x</item></channel></rss>');
    const r = run(broken);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/line 1, column \d+: /);
    expect(run(file, '--time-zone', 'Mars/Olympus').status).toBe(2);
    expect(run().status).toBe(2);
  });
});

describe.skipIf(!WP_FIXTURES)('summariseExport on the real exports', () => {
  it('parchlinux: drafts without GMT, per-item offsets, the dangling primary category 45', async () => {
    const s = await summariseExport(realExport('parchlinux-fa-en-polylang.xml'), { timeZone: 'Asia/Tehran' });
    expect(s.items).toBe(146);
    expect(s.byType.post).toEqual({ publish: 22, draft: 4 });
    expect(s.attachments).toBe(104);
    expect(s.terms).toMatchObject({ language: 2, term_translations: 74, post_translations: 2 });
    expect(s.dates).toEqual({ withoutGmt: 4, undated: 0, offsets: { '210': 109, '0': 32, '1079': 1 } });
    expect(s.dangling.primaryCategories).toEqual([45]);
    expect(s.missingThumbnails.count).toBe(0);
    expect(s.metaKeys).toMatchObject({ post_view_count: expect.any(Number), _elementor_data: 7 });
    expect(s.elementorItems).toBe(7);
    expect(s.slugs.incomplete).toBe(0);
  });

  it('pelican: three thumbnails pointing at attachments not in the file, reused post ids', async () => {
    const s = await summariseExport(realExport('pelican-wxr11-test-export.xml'));
    expect(s.site?.wxrVersion).toBe('1.1');
    expect(s.missingThumbnails.count).toBe(3);
    expect(s.missingThumbnails.examples.map((t) => t.thumbnailId).sort((a, b) => a - b)).toEqual([
      29, 32, 423,
    ]);
    expect(s.dates.withoutGmt).toBe(11);
    expect(s.captions).toBe(3);
    expect(s.duplicatePostIds).toEqual([25, 175, 176, 334]);
  });

  it('jahanworld: menu items with -0001 dates are dated from their local time', async () => {
    const s = await summariseExport(realExport('jahanworld-subdir-rss2head-extras.xml'));
    expect(s.byType.nav_menu_item).toEqual({ draft: 10 });
    expect(s.dates.withoutGmt).toBe(10);
    expect(s.dates.undated).toBe(0);
  });

  it('themeix: every thumbnail resolves; WooCommerce and Elementor are counted, not dropped', async () => {
    const s = await summariseExport(realExport('themeix-political-theme-demo.xml'));
    expect(s.items).toBe(248);
    expect(s.missingThumbnails.count).toBe(0);
    expect(s.metaKeys._thumbnail_id).toBe(52);
    expect(s.byType.product).toEqual({ publish: 18 });
    expect(s.byType.campaign).toEqual({ publish: 4, trash: 1 });
    expect(s.unknownShortcodes).toMatchObject({ 'contact-form-7': 10, woocommerce_cart: 1 });
  });

  it('hexo: trashed spam counted by status', async () => {
    const s = await summariseExport(realExport('hexo-opensourcecms-cjk-slug.xml'));
    expect(s.byType.post).toEqual({ publish: 4, trash: 13 });
    expect(s.slugs.percentEncoded).toBe(1);
  });

  it('refuses the malformed file with its line', async () => {
    await expect(summariseExport(importerExport('malformed-simple.xml'))).rejects.toBeInstanceOf(
      WxrParseError,
    );
  });
});
