import { describe, expect, it } from 'vitest';
import { stripBlockComments } from '@/lib/import/wordpress/blocks';
import { convertShortcodes, parseShortcodeAttributes } from '@/lib/import/wordpress/shortcodes';
import type { WxrItem } from '@/lib/import/wordpress/types';
import { readWxr } from '@/lib/import/wordpress/wxr-reader';
import { importerExport, realExport, WP_FIXTURES } from '@/tests/helpers/wp-fixtures';

async function itemsOf(file: string) {
  const out: WxrItem[] = [];
  for await (const r of readWxr(file)) if (r.type === 'item') out.push(r);
  return out;
}

describe('convertShortcodes: [caption]', () => {
  it('makes a figure with a figcaption, keeping the image (theme unit test data)', () => {
    const html =
      '[caption id="attachment_904" align="alignleft" width="150"]<img class="size-full wp-image-904" alt="Image Alignment 150x150" src="https://wpthemetestdata.files.wordpress.com/2013/03/image-alignment-150x150.jpg" width="150" height="150" /> Bigger caption than the image usually is.[/caption]';
    expect(convertShortcodes(html)).toEqual({
      html: '<figure class="alignleft"><img class="size-full wp-image-904" alt="Image Alignment 150x150" src="https://wpthemetestdata.files.wordpress.com/2013/03/image-alignment-150x150.jpg" width="150" height="150" /><figcaption>Bigger caption than the image usually is.</figcaption></figure>',
      unknown: new Map(),
      captions: 1,
    });
  });

  it('reads the caption attribute of old exports (pelican)', () => {
    const html =
      '[caption attachment_id="42" align="aligncenter" width="300" caption="This is a pelican"]<img src="/theme/img/xpelican.png.pagespeed.ic.Rjep0025-y.png"/>[/caption]';
    expect(convertShortcodes(html).html).toBe(
      '<figure class="aligncenter"><img src="/theme/img/xpelican.png.pagespeed.ic.Rjep0025-y.png"/><figcaption>This is a pelican</figcaption></figure>',
    );
  });

  it('closes the link pelican left open around the image', () => {
    const html =
      '[caption attachment_id="44" align="aligncenter" width="300"]<a href="https://getpelican.com/"><img src="/x.png" alt=""/> Yet another pelican[/caption]';
    expect(convertShortcodes(html).html).toBe(
      '<figure class="aligncenter"><a href="https://getpelican.com/"><img src="/x.png" alt=""/></a><figcaption>Yet another pelican</figcaption></figure>',
    );
  });

  it('keeps Arabic captions and the text around the shortcode', () => {
    const html =
      '<p>قبل</p>[caption width="600"]<a href="/a.jpg"><img src="/a.jpg" alt="" /></a> المتظاهرون في ساحة المرجة[/caption]<p>بعد</p>';
    expect(convertShortcodes(html).html).toBe(
      '<p>قبل</p><figure><a href="/a.jpg"><img src="/a.jpg" alt="" /></a><figcaption>المتظاهرون في ساحة المرجة</figcaption></figure><p>بعد</p>',
    );
  });

  it('wraps a caption without an image in a figure as it is', () => {
    expect(convertShortcodes('[caption]just text[/caption]').html).toBe('<figure>just text</figure>');
  });
});

describe('convertShortcodes: other shortcodes', () => {
  const html =
    '<p>a</p>[gallery columns="1" ids="1,2"]<p>b</p>[su_note note_color="#eee"]ملاحظة[/su_note][audio https://x.example/a.mp3][contact-form-7 id="5" /]';

  it('lists them and keeps their text by default', () => {
    const r = convertShortcodes(html);
    expect(r.html).toBe(html);
    expect(r.unknown).toEqual(
      new Map([
        ['gallery', 1],
        ['su_note', 1],
        ['audio', 1],
        ['contact-form-7', 1],
      ]),
    );
  });

  it('strips them to their enclosed content when asked', () => {
    expect(convertShortcodes(html, { unknown: 'strip' }).html).toBe('<p>a</p><p>b</p>ملاحظة');
  });

  it.each([
    ['[sic]'],
    ['[1]'],
    ['[تحديث] خبر عاجل'],
    ['coracles [simple boat]. We too'],
    ['array[0] and x[i]'],
  ])('leaves %j alone', (text) => {
    expect(convertShortcodes(text, { unknown: 'strip' })).toEqual({
      html: text,
      unknown: new Map(),
      captions: 0,
    });
  });

  it('writes an escaped [[gallery]] as the literal text', () => {
    expect(convertShortcodes('use [[gallery]] here').html).toBe('use [gallery] here');
  });

  it('parses attributes in every quoting style', () => {
    expect(
      parseShortcodeAttributes(' id="attachment_5" align=\'alignright\' width=300 https://x.example/a.mp3'),
    ).toEqual({
      id: 'attachment_5',
      align: 'alignright',
      width: '300',
      0: 'https://x.example/a.mp3',
    });
  });
});

describe('stripBlockComments', () => {
  it('removes block comments and keeps their HTML', () => {
    const html =
      '<!-- wp:paragraph -->\n<p>مرحبا</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:image {"id":5,"sizeSlug":"large"} -->\n<figure class="wp-block-image"><img src="/a.jpg" alt=""/></figure>\n<!-- /wp:image -->';
    const r = stripBlockComments(html);
    expect(r.html).toBe('<p>مرحبا</p>\n\n<figure class="wp-block-image"><img src="/a.jpg" alt=""/></figure>');
    expect(r.comments).toBe(4);
    expect(r.dynamic).toEqual(new Map());
  });

  it('counts self-closing blocks, which saved no HTML, under their full name', () => {
    const r = stripBlockComments(
      '<!-- wp:latest-posts /--><!-- wp:jetpack/contact-form {"to":"a@b"} /--><p>x</p>',
    );
    expect(r.html).toBe('<p>x</p>');
    expect(r.dynamic).toEqual(
      new Map([
        ['core/latest-posts', 1],
        ['jetpack/contact-form', 1],
      ]),
    );
  });

  it('leaves other comments and untouched HTML alone', () => {
    const html = '<p>a</p><!--more--><p>b</p><!-- a note -->';
    expect(stripBlockComments(html)).toEqual({ html, dynamic: new Map(), comments: 0 });
  });
});

describe.skipIf(!WP_FIXTURES)('bodies of the real exports', () => {
  it('leaves no block comment in any parchlinux body (586 block pairs and more)', async () => {
    let removed = 0;
    for (const item of await itemsOf(realExport('parchlinux-fa-en-polylang.xml'))) {
      const r = stripBlockComments(item.content);
      removed += r.comments;
      expect(r.html).not.toMatch(/<!--\s*\/?wp:/);
    }
    expect(removed).toBeGreaterThan(586);
  });

  it('turns pelican’s three [caption]s into figures', async () => {
    const post = (await itemsOf(realExport('pelican-wxr11-test-export.xml'))).find(
      (i) => i.postName === 'caption-on-image',
    )!;
    const r = convertShortcodes(post.content);
    expect(r.captions).toBe(3);
    expect(r.html).not.toContain('[caption');
    expect(r.html.match(/<figcaption>/g)).toHaveLength(3);
  });

  it('reports the theme unit test’s galleries and audio, converts its captions', async () => {
    const unknown = new Map<string, number>();
    let captions = 0;
    for (const item of await itemsOf(importerExport('theme-unit-test-data.xml'))) {
      const r = convertShortcodes(stripBlockComments(item.content).html);
      captions += r.captions;
      for (const [k, n] of r.unknown) unknown.set(k, (unknown.get(k) ?? 0) + n);
    }
    expect(captions).toBe(12);
    expect(Object.fromEntries(unknown)).toEqual({ gallery: 12, audio: 1 });
  });
});
