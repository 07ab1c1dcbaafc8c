import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExport, generateWxr, type ExportExpectations } from '@/lib/import/wordpress/generate';
import { writeExportFiles } from '@/lib/import/wordpress/generate-files';
import { mapItemMeta } from '@/lib/import/wordpress/meta-presets';
import { unserializePhp } from '@/lib/import/wordpress/php-unserialize';
import { decodeWpSlug, wpPathKey } from '@/lib/import/wordpress/slugs';
import { summariseExport } from '@/lib/import/wordpress/summary';
import type { WxrCategory, WxrItem, WxrRecord, WxrTerm } from '@/lib/import/wordpress/types';
import { readWxr } from '@/lib/import/wordpress/wxr-reader';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-wp-generate-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function collect(file: string) {
  const out: WxrRecord[] = [];
  for await (const r of readWxr(file)) out.push(r);
  return out;
}
const countBy = (values: string[]) =>
  values.reduce<Record<string, number>>((o, v) => ({ ...o, [v]: (o[v] ?? 0) + 1 }), {});

describe('a generated Arabic export of 300 posts, read back with the streaming reader', () => {
  const file = path.join(tmp, 'arabic.xml');
  let expected: ExportExpectations;
  let records: WxrRecord[];
  let items: Map<number, WxrItem>;

  beforeAll(async () => {
    const r = await writeExportFiles(file, { posts: 300, seed: 7 });
    expected = JSON.parse(fs.readFileSync(r.expectPath, 'utf8')) as ExportExpectations;
    records = await collect(file);
    items = new Map(
      records.filter((x): x is WxrItem => x.type === 'item').map((i) => [i.postId!, i] as const),
    );
  });

  it('has the counts a WordPress admin would show', () => {
    const all = [...items.values()];
    const posts = all.filter((i) => i.postType === 'post');
    const byStatus = countBy(posts.map((p) => p.status));
    const pages = countBy(all.filter((i) => i.postType === 'page').map((p) => p.status));
    const comments = countBy(all.flatMap((i) => i.comments.map((c) => c.approved)));
    const admin = expected.admin;
    expect(posts).toHaveLength(300);
    expect(byStatus).toEqual({
      publish: admin.posts.publish,
      draft: admin.posts.draft,
      pending: admin.posts.pending,
      future: admin.posts.future,
      private: admin.posts.private,
      trash: admin.posts.trash,
    });
    expect(admin.posts.all).toBe(300 - admin.posts.trash);
    // Every status is there, and most posts are published.
    for (const n of Object.values(admin.posts)) expect(n).toBeGreaterThan(0);
    expect(admin.posts.publish / 300).toBeGreaterThan(0.8);
    expect(pages).toEqual({ publish: admin.pages.publish, draft: admin.pages.draft });
    expect(all.filter((i) => i.postType === 'attachment')).toHaveLength(admin.attachments);
    expect(all.filter((i) => i.postType === 'nav_menu_item')).toHaveLength(admin.menuItems);
    expect(posts.filter((p) => p.isSticky)).toHaveLength(admin.sticky);
    expect(admin.sticky).toBeGreaterThan(0);
    expect(records.filter((r) => r.type === 'author')).toHaveLength(admin.authors);
    expect(records.filter((r) => r.type === 'category')).toHaveLength(admin.categories);
    expect(records.filter((r) => r.type === 'tag')).toHaveLength(admin.tags);
    expect(comments).toEqual({
      '1': admin.comments.approved,
      '0': admin.comments.pending,
      spam: admin.comments.spam,
      trash: admin.comments.trash,
    });
    expect(
      countBy(posts.flatMap((p) => p.terms.filter((t) => t.domain === 'language').map((t) => t.nicename))),
    ).toEqual(admin.postsByLanguage);
  });

  it('gives exactly the summary summariseExport reports', async () => {
    const s = await summariseExport(file, { timeZone: expected.generator.timeZone });
    const e = expected.summary;
    expect(s.site).toMatchObject({ language: 'ar', wxrVersion: '1.2', baseSiteUrl: 'https://old.example' });
    expect(s.duplicatePostIds).toEqual([]);
    expect({
      items: s.items,
      byType: s.byType,
      authors: s.authors,
      categories: s.categories,
      tags: s.tags,
      terms: s.terms,
      attachments: s.attachments,
      comments: s.comments,
      missingThumbnails: s.missingThumbnails.count,
      dangling: s.dangling,
      unknownShortcodes: s.unknownShortcodes,
      captions: s.captions,
      blockComments: s.blockComments,
      dynamicBlocks: s.dynamicBlocks,
      elementorItems: s.elementorItems,
      metaKeys: s.metaKeys,
      dates: s.dates,
      slugs: s.slugs,
      timeSpan: s.timeSpan,
    }).toEqual({ ...e, missingThumbnails: e.missingThumbnails.count });
    // The cases the export is made for are all there.
    expect(e.missingThumbnails.count).toBeGreaterThan(0);
    expect(e.dangling.primaryCategories).toEqual([59]);
    expect(e.unknownShortcodes).toMatchObject({ tie_list: expect.any(Number), 'contact-form-7': 1 });
    expect(e.captions).toBeGreaterThan(0);
    expect(e.elementorItems).toBe(1);
    expect(e.terms).toMatchObject({ language: 2, post_translations: expect.any(Number), nav_menu: 1 });
    // Local minus GMT: +2 and +3 around DST, and 0 on a plugin's uploads.
    expect(Object.keys(e.dates.offsets).sort()).toEqual(['0', '120', '180']);
    expect(e.dates.withoutGmt).toBe(expected.admin.posts.draft + expected.admin.posts.pending + 1);
    expect(e.metaKeys).toMatchObject({
      _yoast_wpseo_title: expect.any(Number),
      _yoast_wpseo_metadesc: expect.any(Number),
      _yoast_wpseo_primary_category: expect.any(Number),
      rank_math_title: expect.any(Number),
      rank_math_description: expect.any(Number),
      rank_math_primary_category: expect.any(Number),
      tie_views: expect.any(Number),
      post_views_count: expect.any(Number),
      views: expect.any(Number),
      post_view_count: expect.any(Number),
      td_post_theme_settings: expect.any(Number),
      tie_post_sub_title: expect.any(Number),
      _wp_attachment_metadata: expect.any(Number),
      _wp_attachment_image_alt: expect.any(Number),
      _wp_attached_file: expect.any(Number),
      _elementor_data: 1,
    });
  });

  it('holds each post as its expectation says', () => {
    const channel = records.filter((r): r is WxrCategory => r.type === 'category');
    const byNicename = new Map(channel.map((c) => [c.nicename, c]));
    const pll = new Map(
      records
        .filter((r): r is WxrTerm => r.type === 'term' && r.taxonomy === 'post_translations')
        .map((t) => [t.slug, unserializePhp(t.description) as Map<string, number>]),
    );
    expect(expected.posts).toHaveLength(300 + 7);
    for (const p of expected.posts) {
      const item = items.get(p.id)!;
      expect(item, `post ${p.id}`).toBeDefined();
      expect({ status: item.status, title: item.title, link: item.link, postName: item.postName }).toEqual({
        status: p.status,
        title: p.title,
        link: p.link,
        postName: p.slugRaw,
      });
      expect(decodeWpSlug(item.postName)).toEqual({
        raw: p.slugRaw,
        decoded: p.slug,
        complete: p.slugComplete,
      });
      expect(item.isSticky).toBe(p.sticky);
      expect(item.postPassword !== '').toBe(p.passwordProtected);
      expect(item.excerpt).toBe(p.excerpt);

      const m = mapItemMeta(item.meta);
      expect(
        {
          views: m.views,
          primaryCategory: m.primaryCategory,
          seoTitle: m.seoTitle,
          seoDescription: m.seoDescription,
          subtitle: m.subtitle,
          source: m.source,
        },
        `meta of ${p.id}`,
      ).toEqual({
        views: p.views,
        primaryCategory: p.primaryCategory,
        seoTitle: p.seoTitle,
        seoDescription: p.seoDescription,
        subtitle: p.subtitle,
        source: p.source,
      });

      const thumb = item.meta.find((x) => x.key === '_thumbnail_id')?.value;
      expect(thumb === undefined ? null : Number(thumb)).toBe(p.featuredImage?.id ?? null);
      if (p.featuredImage) {
        const a = items.get(p.featuredImage.id);
        expect(a !== undefined).toBe(p.featuredImage.inExport);
        if (a) {
          expect(a.postType).toBe('attachment');
          expect(a.attachmentUrl).toBe(p.featuredImage.url);
          expect(a.attachmentUrl).toMatch(/\/wp-content\/uploads\/\d{4}\/\d{2}\/[^/]+\.jpg$/);
          expect(a.excerpt).toBe(p.featuredImage.caption);
          expect(a.meta.find((x) => x.key === '_wp_attachment_image_alt')?.value).toBe(p.featuredImage.alt);
          expect(a.meta.find((x) => x.key === '_wp_attached_file')?.value).toBe(p.featuredImage.file);
          const meta = unserializePhp(a.meta.find((x) => x.key === '_wp_attachment_metadata')!.value) as Map<
            string,
            unknown
          >;
          expect(meta.get('file')).toBe(p.featuredImage.file);
          expect((meta.get('image_meta') as Map<string, string>).get('credit')).toBe(p.featuredImage.credit);
          expect(
            [...(meta.get('sizes') as Map<string, Map<string, unknown>>).values()][0]!.get('file'),
          ).toMatch(/-\d+x\d+\.jpg$/);
        }
      }

      const partner = item.terms.find((t) => t.domain === 'post_translations');
      if (p.translation === null) expect(partner).toBeUndefined();
      else {
        const pair = pll.get(partner!.nicename)!;
        expect(pair.get(p.language)).toBe(p.id);
        expect(pair.get(p.language === 'ar' ? 'en' : 'ar')).toBe(p.translation);
      }
      expect(item.terms.find((t) => t.domain === 'language')?.nicename).toBe(p.language);

      // The category path from the channel's parents, for the deepest category the post has.
      const cats = item.terms.filter((t) => t.domain === 'category').map((t) => byNicename.get(t.nicename)!);
      const depth = (c: WxrCategory): WxrCategory[] =>
        c.parent ? [...depth(byNicename.get(c.parent)!), c] : [c];
      const deepest = cats.map(depth).find((d) => d.at(-1)!.name === p.categoryPath.at(-1));
      if (p.type === 'post') expect(deepest?.map((c) => c.name)).toEqual(p.categoryPath);
      expect(deepest?.map((c) => decodeWpSlug(c.nicename).decoded) ?? []).toEqual(p.categorySlugs);
      expect(
        item.terms
          .filter((t) => t.domain === 'post_tag')
          .map((t) => t.name)
          .sort(),
      ).toEqual([...p.tags].sort());
      expect(item.comments).toHaveLength(p.comments);
    }
  });

  it('has slugs cut at 200 bytes inside a letter, which decodeURIComponent refuses and decodeWpSlug keeps', () => {
    const cut = expected.posts.filter((p) => !p.slugComplete);
    expect(cut.length).toBeGreaterThanOrEqual(2);
    for (const p of cut) {
      expect(Buffer.byteLength(p.slugRaw)).toBe(200);
      expect(() => decodeURIComponent(p.slugRaw)).toThrow(URIError);
      expect(() => decodeURIComponent(items.get(p.id)!.link)).toThrow(URIError);
      const d = decodeWpSlug(items.get(p.id)!.postName);
      expect(d.complete).toBe(false);
      expect(d.raw).toBe(p.slugRaw);
      // The letters before the cut read as Arabic; the cut bytes stay as they were.
      expect(d.decoded).toMatch(/^[\u0600-\u06ff-]{20,}/);
      const fromTitle = p.title
        .replace(/\./g, ' ')
        .replace(/[^\p{L}\p{N}\s،؟-]/gu, '')
        .trim()
        .replace(/\s+/g, '-');
      expect(fromTitle.startsWith(d.decoded.replace(/%.*$/, ''))).toBe(true);
    }
    // Cut after a whole byte ("…%d8") and inside an escape ("…%d8%a", "…%d").
    const tails = new Set(cut.map((p) => /%[0-9a-f]?$/.test(p.slugRaw)));
    expect(tails).toEqual(new Set([true, false]));
    // Every other Arabic slug is within the cap and decodes.
    for (const p of expected.posts.filter((x) => x.slugComplete)) {
      expect(Buffer.byteLength(p.slugRaw)).toBeLessThanOrEqual(200);
      expect(decodeURIComponent(p.slugRaw)).toBe(p.slug);
    }
  });

  it('has slugs with Arabic punctuation, tatweel and Arabic-Indic digits, and comments with emoji', () => {
    const slugs = expected.posts.map((p) => p.slugRaw).join(' ');
    // ، ؟ ـ and ٠–٩ as WordPress stores them.
    for (const escape of ['%d8%8c', '%d8%9f', '%d9%80', '%d9%a']) expect(slugs).toContain(escape);
    expect(expected.posts.some((p) => /[\u0660-\u0669]/.test(p.slug))).toBe(true);
    const comments = [...items.values()].flatMap((i) => i.comments.map((c) => c.content));
    expect(comments.some((c) => c.includes('🌹') || c.includes('👏'))).toBe(true);
  });

  it('writes links in lowercase hex, some in uppercase, and drafts as ?p=', () => {
    const posts = expected.posts.filter((p) => p.type === 'post');
    const upper = posts.filter((p) => /%[0-9A-F]{2}/.test(p.link) && /%[A-F]/.test(p.link));
    const lower = posts.filter((p) => /%[0-9a-f]{2}/.test(p.link) && /%[a-f]/.test(p.link));
    expect(upper.length).toBeGreaterThan(0);
    expect(lower.length).toBeGreaterThan(upper.length);
    for (const p of upper) expect(wpPathKey(p.link)).toBe(wpPathKey(p.link.toLowerCase()));
    for (const p of posts.filter((x) => x.status === 'draft' || x.status === 'future'))
      expect(p.link).toBe(`https://old.example/?p=${p.id}`);
    for (const p of posts.filter((x) => x.status === 'trash')) expect(p.slugRaw).toMatch(/__trashed$/);
  });

  it('dates drafts with a zero GMT date and an empty or -0001 pubDate', () => {
    const drafts = expected.posts.filter((p) => p.type === 'post' && p.status === 'draft');
    const pubDates = drafts.map((p) => items.get(p.id)!.pubDate);
    expect(new Set(pubDates)).toEqual(new Set(['', 'Mon, 30 Nov -0001 00:00:00 +0000']));
    for (const p of drafts) expect(items.get(p.id)!.postDateGmt).toBe('0000-00-00 00:00:00');
    const future = expected.posts.filter((p) => p.status === 'future');
    for (const p of future)
      expect(new Date(`${p.postDateGmt}Z`) > new Date(expected.generator.exportedAt)).toBe(true);
  });

  it('has different posts with the same title and date, and English partners with English text', () => {
    const dups = expected.posts.filter((p) => p.duplicateOf !== null);
    expect(dups.length).toBeGreaterThan(0);
    for (const p of dups) {
      const first = expected.posts.find((x) => x.id === p.duplicateOf)!;
      expect([p.title, p.postDate]).toEqual([first.title, first.postDate]);
      expect(p.id).not.toBe(first.id);
      expect(items.get(p.id)!.content).not.toBe(items.get(first.id)!.content);
      expect(p.slugRaw).toMatch(/-2$/);
      expect(first.slug.startsWith(p.slug.slice(0, -2))).toBe(true);
    }
    const english = expected.posts.filter((p) => p.language === 'en');
    expect(english.length).toBeGreaterThan(0);
    for (const p of english) {
      expect(p.title).toMatch(/^[\x20-\x7e]+$/);
      expect(items.get(p.id)!.content).toMatch(/<p>[A-Z]/);
      expect(expected.posts.find((x) => x.id === p.translation)?.translation).toBe(p.id);
    }
  });

  it('puts every case an importer must handle into the bodies', () => {
    const features = new Set(expected.posts.flatMap((p) => p.features));
    for (const f of [
      'classic',
      'caption',
      'image',
      'iframe',
      'script',
      'tie_list',
      'list',
      'quote',
      'internal-link',
    ])
      expect(features, f).toContain(f);
    const withScript = expected.posts.find((p) => p.features.includes('script'))!;
    // The pasted script's own "]]>" survives WordPress's split of the CDATA section.
    expect(items.get(withScript.id)!.content).toContain('//<![CDATA[\nwindow.adSlots');
    expect(items.get(withScript.id)!.content).toContain('//]]></script>');
    expect(fs.readFileSync(file, 'utf8')).toContain('//]]]]><![CDATA[></script>');
    const classic = expected.posts.find((p) => p.body === 'classic' && p.type === 'post')!;
    expect(items.get(classic.id)!.content).not.toContain('<!-- wp:');
    const blocks = expected.posts.find((p) => p.body === 'blocks' && p.type === 'post')!;
    expect(items.get(blocks.id)!.content).toContain('<!-- wp:paragraph -->');
    // Pages, menus, an unknown post type and attachments without a parent are in the file too.
    const types = countBy([...items.values()].map((i) => i.postType));
    expect(types).toMatchObject({ page: 7, nav_menu_item: 10, tie_slider: 2 });
    expect([...items.values()].filter((i) => i.postType === 'attachment' && i.postParent === 0)).toHaveLength(
      2,
    );
  });

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(fs.readFileSync(file, 'utf8'))).toBe(true);
  });
});

describe('generateWxr', () => {
  it('is deterministic for a seed, and another seed gives another site', () => {
    const a = generateExport({ posts: 120, seed: 'madar' });
    const b = generateExport({ posts: 120, seed: 'madar' });
    const c = generateExport({ posts: 120, seed: 'other' });
    expect(a.xml).toBe(b.xml);
    expect(a.expectations).toEqual(b.expectations);
    expect(c.xml).not.toBe(a.xml);
    expect(c.expectations.posts.map((p) => p.title)).not.toEqual(a.expectations.posts.map((p) => p.title));
  });

  it('tells the same story at the same place whatever the export’s size', () => {
    const small = generateExport({ posts: 50, seed: 3 }).expectations.posts.filter((p) => p.type === 'post');
    const large = generateExport({ posts: 400, seed: 3 }).expectations.posts;
    for (const p of small.slice(0, 20))
      expect(large.find((x) => x.id === p.id)?.title, `post ${p.id}`).toBe(p.title);
  });

  it('streams: chunks of about 64 KB, never the whole file', () => {
    const gen = generateWxr({ posts: 2000 });
    let chunks = 0;
    let largest = 0;
    let total = 0;
    for (let r = gen.next(); !r.done; r = gen.next()) {
      chunks++;
      largest = Math.max(largest, r.value.length);
      total += r.value.length;
    }
    expect(chunks).toBeGreaterThan(100);
    expect(largest).toBeLessThan(total / 50);
  });

  it('uses the site address given, and refuses bad options', () => {
    const { xml, expectations } = generateExport({ posts: 10, siteUrl: 'https://news.example/ar/' });
    expect(xml).toContain('<wp:base_site_url>https://news.example/ar</wp:base_site_url>');
    expect(expectations.posts.every((p) => p.link.startsWith('https://news.example/ar/'))).toBe(true);
    expect(() => generateExport({ posts: 0 })).toThrow(RangeError);
    expect(() => generateExport({ posts: 5, siteUrl: 'old.example' })).toThrow(RangeError);
  });
});

describe('the reader on a generated export cut into 7-byte chunks', () => {
  it('reads the same records as in large chunks (letters, emoji and CDATA split across chunks)', async () => {
    const file = path.join(tmp, 'small.xml');
    fs.writeFileSync(file, generateExport({ posts: 30, seed: 2 }).xml);
    const whole: WxrRecord[] = [];
    for await (const r of readWxr(file)) whole.push(r);
    const split: WxrRecord[] = [];
    for await (const r of readWxr(file, { highWaterMark: 7 })) split.push(r);
    expect(split).toEqual(whole);
    expect(whole.filter((r) => r.type === 'item').length).toBeGreaterThan(60);
  });
});

describe('uploads', () => {
  it('writes real images at the attachment paths, with the resized copies, except the missing ones', async () => {
    const dir = path.join(tmp, 'uploads');
    const file = path.join(tmp, 'with-uploads.xml');
    const r = await writeExportFiles(file, { posts: 80, seed: 11, uploadsDir: dir });
    const e = JSON.parse(fs.readFileSync(r.expectPath, 'utf8')) as ExportExpectations;
    const images = e.posts.flatMap((p) => (p.featuredImage ? [p.featuredImage] : []));
    const onDisk = images.filter((i) => i.onDisk);
    expect(onDisk.length).toBeGreaterThan(10);
    expect(images.some((i) => i.inExport && !i.onDisk)).toBe(true);
    for (const img of onDisk) {
      const meta = await sharp(path.join(dir, img.file!)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', img.width, img.height]);
      const base = img.file!.replace(/\.jpg$/, '');
      expect(fs.existsSync(`${path.join(dir, base)}-150x150.jpg`)).toBe(true);
      expect(fs.existsSync(`${path.join(dir, base)}-300x${img.height === img.width ? 300 : 200}.jpg`)).toBe(
        true,
      );
    }
    for (const img of images.filter((i) => !i.onDisk && i.file))
      expect(fs.existsSync(path.join(dir, img.file!))).toBe(false);
    // An Arabic file name, kept as it is on disk.
    expect(onDisk.some((i) => /[\u0600-\u06ff]/.test(i.file!))).toBe(true);
    // No two files are the same bytes (an importer may key media on a digest).
    const sample = onDisk.slice(0, 5).map((i) => fs.readFileSync(path.join(dir, i.file!)).toString('base64'));
    expect(new Set(sample).size).toBe(sample.length);
    expect(r.uploads.files).toBeGreaterThan(onDisk.length * 3);
  });
});

describe('scripts/wp-generate.ts', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/wp-generate.ts', ...args], { encoding: 'utf8' });

  it('writes the export and its expectations, and says what it wrote', () => {
    const out = path.join(tmp, 'cli.xml');
    const r = run('--posts', '25', '--seed', '5', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/wp-generate: .*cli\.xml: [\d.]+ MB, \d+ items in [\d.]+ s, peak RSS \d+ MB/);
    const e = JSON.parse(fs.readFileSync(`${out}.expect.json`, 'utf8')) as ExportExpectations;
    expect(e.generator).toMatchObject({ seed: 5, posts: 25 });
    expect(e.posts.filter((p) => p.type === 'post')).toHaveLength(25);
    expect(e.admin.posts.publish).toBeGreaterThan(0);
  });

  it('exits 2 on bad arguments', () => {
    expect(run().status).toBe(2);
    expect(run('--posts', 'many', path.join(tmp, 'x.xml')).status).toBe(2);
    expect(run('--posts', '5').status).toBe(2);
    expect(run('--posts', '5', '--site-url', 'ftp://x', path.join(tmp, 'x.xml')).status).toBe(2);
    expect(run('--posts', '5', '--colour', 'red', path.join(tmp, 'x.xml')).status).toBe(2);
  });
});
