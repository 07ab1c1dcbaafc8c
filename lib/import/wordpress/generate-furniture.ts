/**
 * The fixed items of a generated export: the site's pages (one built with Elementor, one with
 * dynamic blocks, a draft), two attachments without a parent, a theme's own post type (Jannah's
 * sliders) and the main menu.
 */
import type { Attachment, ExportBuilder } from './generate-builder';
import { DAY, HOUR, inc, LANGUAGE_TERMS } from './generate-builder';
import { phpSerialize, uploadFolder, wpJson, wpSlug, ZERO_DATE, type Slug } from './generate-format';
import { SITE_DESCRIPTION, SITE_NAME } from './generate-text';
import type { PostExpectation } from './generate-types';

/** The site's pages, attachments without a parent, a theme's post type and the main menu. */
export function writeFurniture(b: ExportBuilder) {
  const gmt0 = b.start - 40 * DAY;
  const at = (k: number) => gmt0 + k * 3 * HOUR;
  const page = (
    id: number,
    title: string,
    content: string,
    opts: {
      parent?: number;
      parentSlug?: Slug;
      status?: string;
      meta?: [string, string][];
      body?: PostExpectation['body'];
      features?: string[];
      blocks?: number;
      dynamic?: string[];
    } = {},
  ) => {
    const status = opts.status ?? 'publish';
    const slug = status === 'draft' ? { raw: '', decoded: '', complete: true } : wpSlug(title);
    const d = b.dates(at(id));
    const draft = status === 'draft';
    const link = draft
      ? `${b.site}/?page_id=${id}`
      : `${b.site}/${opts.parentSlug ? `${opts.parentSlug.raw}/` : ''}${slug.raw}/`;
    b.summary.blockComments += opts.blocks ?? 0;
    for (const name of opts.dynamic ?? []) inc(b.summary.dynamicBlocks, name);
    b.admin.pages.all++;
    if (status === 'publish') b.admin.pages.publish++;
    else b.admin.pages.draft++;
    const meta = opts.meta ?? [];
    b.item({
      id,
      title,
      link,
      pubDate: draft ? '' : d.pubDate,
      creator: 'admin',
      guid: `${b.site}/?page_id=${id}`,
      content,
      excerpt: '',
      postDate: d.postDate,
      postDateGmt: draft ? ZERO_DATE : d.postDateGmt,
      modified: d.modified,
      modifiedGmt: draft ? ZERO_DATE : d.modifiedGmt,
      commentStatus: 'closed',
      pingStatus: 'closed',
      postName: slug.raw,
      status,
      parent: opts.parent ?? 0,
      menuOrder: 0,
      type: 'page',
      password: '',
      sticky: false,
      terms: [LANGUAGE_TERMS.ar],
      meta,
      comments: '',
      offsetMinutes: d.offsetMinutes,
    });
    b.hooks.onPost?.({
      id,
      type: 'page',
      status,
      language: 'ar',
      title,
      slug: slug.decoded,
      slugRaw: slug.raw,
      slugComplete: true,
      link,
      author: 'admin',
      postDate: d.postDate,
      postDateGmt: draft ? ZERO_DATE : d.postDateGmt,
      modifiedGmt: draft ? ZERO_DATE : d.modifiedGmt,
      sticky: false,
      passwordProtected: false,
      excerpt: '',
      featuredImage: null,
      views: null,
      translation: null,
      categoryPath: [],
      categorySlugs: [],
      tags: [],
      primaryCategory: null,
      seoTitle: null,
      seoDescription: null,
      subtitle: null,
      source: null,
      comments: 0,
      duplicateOf: null,
      body: opts.body ?? 'blocks',
      features: opts.features ?? [],
    });
    return slug;
  };

  const elementor = [
    {
      id: '3f2a1b7',
      elType: 'container',
      settings: { content_width: 'full' },
      elements: [
        {
          id: '8c41d02',
          elType: 'widget',
          widgetType: 'heading',
          settings: { title: 'آخر الأخبار', header_size: 'h2' },
          elements: [],
        },
        {
          id: '5e90a3c',
          elType: 'widget',
          widgetType: 'text-editor',
          settings: { editor: `<p>${SITE_DESCRIPTION}</p>` },
          elements: [],
        },
      ],
    },
  ];
  page(2, 'الرئيسية', `<h2>آخر الأخبار</h2>\n<p>${SITE_DESCRIPTION}</p>`, {
    body: 'elementor',
    features: ['elementor'],
    meta: [
      ['_elementor_edit_mode', 'builder'],
      ['_elementor_template_type', 'wp-page'],
      ['_elementor_version', '3.23.4'],
      ['_wp_page_template', 'elementor_header_footer'],
      ['_elementor_data', wpJson(elementor)],
    ],
  });
  const about = page(
    3,
    'من نحن',
    `<!-- wp:paragraph -->\n<p>${SITE_NAME} صحيفة إلكترونية مستقلة تأسست لتقدم أخباراً دقيقة وسريعة لقرائها في كل مكان.</p>\n<!-- /wp:paragraph -->`,
    { blocks: 2 },
  );
  page(
    4,
    'فريق التحرير',
    `<!-- wp:list -->\n<ul class="wp-block-list"><!-- wp:list-item -->\n<li>رئيسة التحرير: رنا حداد</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>مدير الأخبار: سامر خليل</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->`,
    { parent: 3, parentSlug: about, blocks: 6 },
  );
  page(
    5,
    'اتصل بنا',
    `يسعدنا تواصلكم معنا عبر النموذج التالي.\n\n[contact-form-7 id="45" title="نموذج الاتصال"]`,
    {
      body: 'classic',
      features: ['classic', 'contact-form-7'],
    },
  );
  inc(b.summary.unknownShortcodes, 'contact-form-7');
  page(
    6,
    'سياسة الخصوصية',
    `<!-- wp:paragraph -->\n<p>نحترم خصوصية قرائنا ولا نشارك بياناتهم مع أي طرف ثالث.</p>\n<!-- /wp:paragraph -->`,
    {
      blocks: 2,
    },
  );
  page(7, 'أعلن معنا', `<!-- wp:paragraph -->\n<p>صفحة قيد الإعداد.</p>\n<!-- /wp:paragraph -->`, {
    status: 'draft',
    blocks: 2,
  });
  page(
    8,
    'الأرشيف',
    `<!-- wp:latest-posts {"postsToShow":10,"displayPostDate":true} /-->\n\n<!-- wp:archives {"displayAsDropdown":true} /-->`,
    {
      blocks: 2,
      dynamic: ['core/latest-posts', 'core/archives'],
      features: ['dynamic-blocks'],
    },
  );

  // Attachments without a parent: the logo, and a photo uploaded to the library and never used.
  const logoFolder = uploadFolder(at(9) + b.offsetAt(at(9)));
  const logo: Attachment = {
    id: 9,
    inExport: true,
    onDisk: true,
    file: `${logoFolder}/madar-logo.png`,
    url: `${b.site}/wp-content/uploads/${logoFolder}/madar-logo.png`,
    alt: `شعار ${SITE_NAME}`,
    caption: '',
    credit: '',
    width: 400,
    height: 120,
    sizes: [
      { name: 'thumbnail', file: `${logoFolder}/madar-logo-150x120.png`, width: 150, height: 120 },
      { name: 'medium', file: `${logoFolder}/madar-logo-300x90.png`, width: 300, height: 90 },
    ],
  };
  b.attachmentItem(logo, { parent: 0, parentLink: null, gmt: at(9), creator: 'admin', language: 'ar' });
  const library = b.makeAttachment(
    10,
    uploadFolder(at(10) + b.offsetAt(at(10))),
    'archive-photo-10',
    { caption: 'صورة من أرشيف الصحيفة', alt: 'صورة أرشيفية', credit: `أرشيف ${SITE_NAME}` },
    false,
  );
  b.attachmentItem(library, {
    parent: 0,
    parentLink: null,
    gmt: at(10),
    creator: 'admin',
    language: 'ar',
  });

  // A theme's own post type (Jannah's sliders): counted and reported by an importer.
  for (const [id, title] of [
    [11, 'سلايدر الرئيسية'],
    [12, 'سلايدر الرياضة'],
  ] as const) {
    const d = b.dates(at(id));
    const slides = [0, 1, 2].map((k) => ({
      id: b.storyId(Math.max(0, b.stories - 1 - k)),
      title: '',
      link: '',
    }));
    b.item({
      id,
      title,
      link: `${b.site}/?tie_slider=${id}`,
      pubDate: d.pubDate,
      creator: 'admin',
      guid: `${b.site}/?post_type=tie_slider&p=${id}`,
      content: '',
      excerpt: '',
      postDate: d.postDate,
      postDateGmt: d.postDateGmt,
      modified: d.modified,
      modifiedGmt: d.modifiedGmt,
      commentStatus: 'closed',
      pingStatus: 'closed',
      postName: wpSlug(title).raw,
      status: 'publish',
      parent: 0,
      menuOrder: 0,
      type: 'tie_slider',
      password: '',
      sticky: false,
      terms: [],
      meta: [['custom_slider', phpSerialize(slides)]],
      comments: '',
      offsetMinutes: d.offsetMinutes,
    });
  }

  // The main menu: a home link, top-level sections, one nested section, a page, an outside link.
  const menu: {
    type: 'custom' | 'taxonomy' | 'post_type';
    title: string;
    object: string;
    objectId: number;
    url: string;
    parent: number;
  }[] = [
    { type: 'custom', title: 'الرئيسية', object: 'custom', objectId: 13, url: `${b.site}/`, parent: 0 },
    ...[2, 8, 14, 20, 24, 28].map((c) => ({
      type: 'taxonomy' as const,
      title: '',
      object: 'category',
      objectId: c,
      url: '',
      parent: 0,
    })),
    { type: 'taxonomy', title: '', object: 'category', objectId: 3, url: '', parent: 14 },
    { type: 'post_type', title: '', object: 'page', objectId: 3, url: '', parent: 0 },
    {
      type: 'custom',
      title: 'البث المباشر',
      object: 'custom',
      objectId: 22,
      url: 'https://live.old.example/',
      parent: 0,
    },
  ];
  menu.forEach((m, k) => {
    const id = 13 + k;
    const d = b.dates(at(13) + k * 60_000);
    b.admin.menuItems++;
    b.item({
      id,
      title: m.title,
      link: `${b.site}/?p=${id}`,
      pubDate: d.pubDate,
      creator: 'admin',
      guid: `${b.site}/?p=${id}`,
      content: '',
      excerpt: '',
      postDate: d.postDate,
      postDateGmt: d.postDateGmt,
      modified: d.modified,
      modifiedGmt: d.modifiedGmt,
      commentStatus: 'closed',
      pingStatus: 'closed',
      postName: String(id),
      status: 'publish',
      parent: 0,
      menuOrder: k + 1,
      type: 'nav_menu_item',
      password: '',
      sticky: false,
      terms: [{ domain: 'nav_menu', nicename: wpSlug('القائمة الرئيسية').raw, name: 'القائمة الرئيسية' }],
      meta: [
        ['_menu_item_type', m.type],
        ['_menu_item_menu_item_parent', String(m.parent)],
        ['_menu_item_object_id', String(m.objectId)],
        ['_menu_item_object', m.object],
        ['_menu_item_target', m.url.startsWith('https://live.') ? '_blank' : ''],
        ['_menu_item_classes', phpSerialize([''])],
        ['_menu_item_xfn', ''],
        ['_menu_item_url', m.url],
      ],
      comments: '',
      offsetMinutes: d.offsetMinutes,
    });
  });
}
