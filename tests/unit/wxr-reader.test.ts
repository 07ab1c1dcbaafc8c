import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeChunks, detectXmlEncoding } from '@/lib/import/wordpress/decode-stream';
import { WxrParseError, type WxrItem, type WxrRecord } from '@/lib/import/wordpress/types';
import { readWxr, type ReadWxrOptions } from '@/lib/import/wordpress/wxr-reader';

import { importerExport as importer, realExport as real, WP_FIXTURES } from '@/tests/helpers/wp-fixtures';

async function collect(source: string | AsyncIterable<Uint8Array>, options?: ReadWxrOptions) {
  const out: WxrRecord[] = [];
  for await (const r of readWxr(source, options)) out.push(r);
  return out;
}
const items = (records: WxrRecord[]) => records.filter((r): r is WxrItem => r.type === 'item');
const countBy = (values: string[]) =>
  values.reduce<Record<string, number>>((o, v) => ({ ...o, [v]: (o[v] ?? 0) + 1 }), {});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-wxr-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
function writeTmp(name: string, content: string | Uint8Array) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

async function* chunksOf(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe.skipIf(!WP_FIXTURES)('readWxr on the real exports (../shared/fixtures)', () => {
  // The item census of ../shared/fixtures/wordpress-real/SOURCES.md.
  it.each([
    [
      'parchlinux-fa-en-polylang.xml',
      {
        attachment: 104,
        post: 26,
        wp_global_styles: 6,
        nav_menu_item: 2,
        custom_css: 2,
        wp_block: 2,
        wp_navigation: 2,
        wp_template: 1,
        wp_template_part: 1,
      },
    ],
    ['sayid-fa-handwritten-demo.xml', { page: 3, post: 2, sayid_lab: 1, sayid_project: 1 }],
    ['pelican-wxr11-test-export.xml', { post: 11, attachment: 4, page: 2, custom1: 2, custom2: 1 }],
    ['hexo-opensourcecms-cjk-slug.xml', { post: 17, page: 2 }],
    ['jahanworld-subdir-rss2head-extras.xml', { attachment: 70, nav_menu_item: 10, page: 1, intergeo: 1 }],
    [
      'themeix-political-theme-demo.xml',
      {
        attachment: 76,
        nav_menu_item: 75,
        page: 29,
        product: 18,
        elementor_library: 14,
        'acf-field': 10,
        post: 9,
        product_variation: 7,
        campaign: 5,
        wpcf7_contact_form: 3,
        'acf-field-group': 2,
      },
    ],
  ])('%s has the items by post type WordPress shows', async (file, expected) => {
    const records = await collect(real(file));
    expect(records[0]!.type).toBe('site');
    expect(countBy(items(records).map((i) => i.postType))).toEqual(expected);
  });

  it('reads the site, authors, terms and Polylang taxonomies of the Persian/English blog', async () => {
    const records = await collect(real('parchlinux-fa-en-polylang.xml'));
    expect(records[0]).toEqual({
      type: 'site',
      title: 'Parch Linux Blog',
      link: 'https://blog.parchlinux.com',
      description: 'Parch Linux Blog',
      language: 'en-US',
      wxrVersion: '1.2',
      baseSiteUrl: 'https://blog.parchlinux.com',
      baseBlogUrl: 'https://blog.parchlinux.com',
      generator: 'WordPress/6.9.1',
    });
    expect(records.filter((r) => r.type === 'author')).toHaveLength(6);
    const terms = records.filter((r) => r.type === 'term');
    expect(countBy(terms.map((t) => t.taxonomy))).toMatchObject({
      language: 2,
      term_translations: 74,
      post_translations: 2,
    });
    const fa = terms.find((t) => t.taxonomy === 'language' && t.slug === 'fa');
    expect(fa?.description).toContain(`s:6:"locale";s:5:"fa_IR"`);
  });

  it('reads every field of a published post, its meta and its comments', async () => {
    const post = items(await collect(real('parchlinux-fa-en-polylang.xml'))).find((i) => i.postId === 99)!;
    expect(post).toMatchObject({
      postType: 'post',
      status: 'publish',
      postName: 'parch-gnome-beyond-gnome',
      creator: expect.any(String),
      postDate: '2025-01-08 11:27:55',
      postDateGmt: '2025-01-08 07:57:55',
      postModified: '2025-01-08 11:27:55',
      postModifiedGmt: '2025-01-08 07:57:55',
      commentStatus: 'open',
      postParent: 0,
      menuOrder: 0,
      isSticky: false,
      postPassword: '',
      guidIsPermaLink: false,
    });
    expect(post.content).toContain('<!-- wp:paragraph -->');
    expect(post.terms).toEqual([
      { domain: 'language', nicename: 'en', name: 'English' },
      { domain: 'category', nicename: 'uncategorized-en', name: 'Uncategorized' },
    ]);
    expect(post.meta).toContainEqual({ key: 'post_view_count', value: '274' });
    expect(post.comments.length).toBeGreaterThan(0);
    expect(post.comments.at(-1)).toMatchObject({ id: 40, approved: '0', commentType: 'comment', parent: 0 });
  });

  it('keeps drafts with a zero GMT date and an empty pubDate as they are', async () => {
    const draft = items(await collect(real('parchlinux-fa-en-polylang.xml'))).find((i) => i.postId === 23)!;
    expect(draft).toMatchObject({
      status: 'draft',
      pubDate: '',
      postDate: '2024-11-01 15:01:02',
      postDateGmt: '0000-00-00 00:00:00',
      link: 'https://blog.parchlinux.com/?p=23',
    });
  });

  it('reads WXR 1.1 without CDATA, with entity-escaped titles', async () => {
    const records = await collect(real('pelican-wxr11-test-export.xml'));
    expect(records[0]).toMatchObject({ wxrVersion: '1.1', generator: 'WordPress/3.3.1' });
    const all = items(records);
    const attachment = all.find((i) => i.postId === 24)!;
    expect(attachment).toMatchObject({
      postName: 'empty-post',
      status: 'inherit',
      postType: 'attachment',
      attachmentUrl: expect.stringMatching(/^https:\/\/upload\.wikimedia\.org\/.+\.jpg$/),
    });
    expect(all.some((i) => i.title.includes("l'é"))).toBe(true);
    expect(all.some((i) => i.content.includes('[caption'))).toBe(true);
  });

  it('reads WXR 1.0: category parents by nicename, bare <category> without a domain', async () => {
    const records = await collect(importer('valid-wxr-1.0.xml'));
    expect(records[0]).toMatchObject({ wxrVersion: '1.0', baseSiteUrl: 'http://localhost/' });
    expect(records.find((r) => r.type === 'category' && r.nicename === 'child')).toMatchObject({
      parent: 'parent',
    });
    expect(records.filter((r) => r.type === 'tag').map((t) => (t.type === 'tag' ? t.slug : ''))).toEqual([
      'chicken',
      'face',
      'news',
      'roar',
    ]);
    const hello = items(records).find((i) => i.postId === 1)!;
    expect(hello.terms).toContainEqual({ domain: null, nicename: '', name: 'Uncategorized' });
    expect(hello.terms).toContainEqual({
      domain: 'category',
      nicename: 'uncategorized',
      name: 'Uncategorized',
    });
  });

  it('survives rss2_head additions and the duplicated nav_menu term (jahanworld)', async () => {
    const records = await collect(real('jahanworld-subdir-rss2head-extras.xml'));
    expect(records[0]).toMatchObject({
      title: 'Jahan',
      link: 'http://jahanworld.com',
      generator: 'WordPress/4.9.4',
    });
    const menus = records.filter((r) => r.type === 'term' && r.taxonomy === 'nav_menu');
    expect(menus.map((m) => (m.type === 'term' ? m.termId : null))).toEqual([3, 3]);
    const menuItem = items(records).find((i) => i.postId === 93)!;
    expect(menuItem).toMatchObject({
      pubDate: 'Mon, 30 Nov -0001 00:00:00 +0000',
      postDateGmt: '0000-00-00 00:00:00',
    });
  });

  it('reads raw Unicode nicenames and undeclared terms of the hand-written export', async () => {
    const all = items(await collect(real('sayid-fa-handwritten-demo.xml')));
    expect(all.flatMap((i) => i.terms.map((t) => t.nicename))).toContain('طراحی-محصول');
    expect(all.flatMap((i) => i.meta)).toContainEqual({
      key: 'sayid_subtitle',
      value: 'این زیرعنوانه — یه جمله‌ی کوتاه که روی کارت صفحه‌ی اصلی دیده می‌شه.',
    });
  });

  it('matches namespaces by URI, the https wp namespace of theme-unit-test-data included', async () => {
    const records = await collect(importer('theme-unit-test-data.xml'));
    expect(records[0]).toMatchObject({ wxrVersion: '1.2' });
    expect(items(records)).toHaveLength(186);
    expect(items(records).every((i) => i.postType !== '' && i.postId !== null)).toBe(true);
  });
});

describe('readWxr across chunk boundaries', () => {
  it('decodes a two-byte Arabic letter split between chunks', async () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0"?><a>مرحبا</a>');
    let text = '';
    for await (const t of decodeChunks(chunksOf(bytes, 1))) text += t;
    expect(text).toBe('<?xml version="1.0"?><a>مرحبا</a>');
  });

  it.skipIf(!WP_FIXTURES).each([
    ['sayid-fa-handwritten-demo.xml', 1],
    ['parchlinux-fa-en-polylang.xml', 7],
  ])(
    'reads %s in %i-byte chunks exactly as in one piece',
    async (file, size) => {
      const whole = await collect(real(file));
      const bytes = fs.readFileSync(real(file));
      expect(await collect(chunksOf(bytes, size))).toEqual(whole);
      expect(await collect(real(file), { highWaterMark: size })).toEqual(whole);
    },
    60_000,
  );

  it.skipIf(!WP_FIXTURES)(
    'reads the UTF-8 challenges (emoji, bidi controls, Arabic) byte by byte',
    async () => {
      const whole = await collect(importer('wxr-utf-8-challenges.xml'));
      expect(await collect(importer('wxr-utf-8-challenges.xml'), { highWaterMark: 1 })).toEqual(whole);
      expect(whole[0]).toMatchObject({ title: 'My WordPress Website 🚀 \u202e\u202dمرحبا' });
      expect(items(whole)[0]!.content).toContain('السلام عليكم');
    },
  );
});

describe('readWxr on unusual and broken files', () => {
  const minimal = (body: string, head = 'xmlns:wp="http://wordpress.org/export/1.2/"') =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" ${head}>\n<channel>\n<title>عنوان</title>\n${body}\n</channel>\n</rss>\n`;

  it.skipIf(!WP_FIXTURES)(
    'stops at the line and column of the fault, after yielding what came before',
    async () => {
      const seen: string[] = [];
      const error = await (async () => {
        try {
          for await (const r of readWxr(importer('malformed-simple.xml'))) seen.push(r.type);
        } catch (err) {
          return err;
        }
      })();
      expect(error).toBeInstanceOf(WxrParseError);
      expect(error).toMatchObject({ line: 14, reason: expect.stringMatching(/unclosed tag/) });
      expect(seen).toEqual(['site']);
    },
  );

  it('reports a mismatched tag with its position', async () => {
    const file = writeTmp('mismatch.xml', minimal('<item>\n<wp:post_id>1</wp:post_idx>\n</item>'));
    await expect(collect(file)).rejects.toMatchObject({ name: 'WxrParseError', line: 6 });
  });

  it('refuses a document that is not an RSS export', async () => {
    const file = writeTmp('html.xml', '<html><body>no</body></html>');
    await expect(collect(file)).rejects.toThrow(/not a WordPress export/);
    await expect(collect(writeTmp('empty.xml', ''))).rejects.toBeInstanceOf(WxrParseError);
  });

  it('reads undeclared wp:, content: and dc: prefixes as WordPress means them', async () => {
    const file = writeTmp(
      'undeclared.xml',
      minimal(
        '<wp:base_site_url>https://old.example</wp:base_site_url><item><title>خبر</title><dc:creator>سارة</dc:creator><wp:post_id>7</wp:post_id><content:encoded>نص</content:encoded></item>',
        '',
      ),
    );
    const [site, item] = await collect(file);
    // No version is made up from a namespace the file never declared.
    expect(site).toMatchObject({ title: 'عنوان', baseSiteUrl: 'https://old.example', wxrVersion: '' });
    expect(item).toMatchObject({ title: 'خبر', creator: 'سارة', postId: 7, content: 'نص' });
  });

  it('does not take the channel image or a feed addition for the site', async () => {
    const file = writeTmp(
      'image.xml',
      minimal(
        '<image><title>شعار</title><link>http://cdn.example/</link></image>\n<site xmlns="com-wordpress:feed-additions:1">1</site>\n<link>https://old.example</link>',
      ),
    );
    expect((await collect(file))[0]).toMatchObject({ title: 'عنوان', link: 'https://old.example' });
  });

  it('decodes a file declared windows-1256', async () => {
    const head =
      '<?xml version="1.0" encoding="windows-1256"?><rss xmlns:wp="http://wordpress.org/export/1.1/"><channel><title>';
    const tail = '</title><wp:wxr_version>1.1</wp:wxr_version></channel></rss>';
    // مرحبا in windows-1256.
    const bytes = Buffer.concat([
      Buffer.from(head),
      Buffer.from([0xe3, 0xd1, 0xcd, 0xc8, 0xc7]),
      Buffer.from(tail),
    ]);
    expect(detectXmlEncoding(bytes)).toBe('windows-1256');
    expect((await collect(writeTmp('cp1256.xml', bytes)))[0]).toMatchObject({
      title: 'مرحبا',
      wxrVersion: '1.1',
    });
  });

  it('expands no DTD entities (no billion laughs, no external files)', async () => {
    const file = writeTmp(
      'laughs.xml',
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]>' +
        '<rss><channel><title>&b;&x;</title></channel></rss>',
    );
    await expect(collect(file)).rejects.toThrow(/undefined entity/);
  });

  it.skipIf(!fs.existsSync('/proc/self/fd'))('closes the file when the caller stops early', async () => {
    const file = writeTmp(
      'two.xml',
      minimal('<item><wp:post_id>1</wp:post_id></item><item><wp:post_id>2</wp:post_id></item>'),
    );
    const openFiles = () => fs.readdirSync('/proc/self/fd').length;
    const before = openFiles();
    for await (const r of readWxr(file, { highWaterMark: 16 })) if (r.type === 'item') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openFiles()).toBeLessThanOrEqual(before);
  });

  it('refuses an encoding it cannot decode, with a clear message', async () => {
    const file = writeTmp('klingon.xml', '<?xml version="1.0" encoding="x-klingon"?><rss><channel/></rss>');
    await expect(collect(file)).rejects.toThrow(/encoding "x-klingon"/);
  });
});
