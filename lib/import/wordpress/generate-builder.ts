/**
 * The state of one generated export while it is written: the output buffer, the time line and
 * the site's zone, the channel (authors, categories, tags, Polylang and menu terms), the item
 * writer, and the tallies that become the expectations. The items themselves are made in
 * generate-stories.ts.
 */
import { zoneOffsetMs } from '@/lib/time/site-zone';
import {
  cdata,
  esc,
  mysqlDate,
  phpSerialize,
  rssDate,
  wpSlug,
  ZERO_DATE,
  type PhpData,
  type Slug,
} from './generate-format';
import { Rng, seedOf } from './generate-rng';
import {
  ARABIC_WRITERS,
  AUTHORS,
  CATEGORIES,
  CATEGORY_TRANSLATIONS,
  TERM_IDS,
  type CategoryDef,
} from './generate-site';
import {
  CITIES,
  COMMENTS,
  personName,
  SITE_DESCRIPTION,
  SITE_NAME,
  templateTags,
  type SectionKey,
  type StoryText,
} from './generate-text';
import {
  describeGenerator,
  type AdminCounts,
  type ExportTotals,
  type FeaturedImageExpectation,
  type GenerateHooks,
  type GenerateOptions,
  type GeneratorInfo,
  type SummaryExpectation,
  type UploadFile,
} from './generate-types';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
const CHUNK = 64 * 1024;

/** Story numbers that have an English partner (Polylang). */
export const isPaired = (i: number) => i % 37 === 5;

interface Tag {
  id: number;
  name: string;
  slug: Slug;
}

export interface Term {
  domain: string;
  nicename: string;
  name: string;
}

export interface Attachment {
  id: number;
  inExport: boolean;
  onDisk: boolean;
  file: string;
  url: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
  sizes: UploadFile['sizes'];
}

/** A written post, as the next story may need it. */
export interface PrevStory {
  id: number;
  status: string;
  title: string;
  gmt: number;
  slug: Slug;
  link: string;
  attachment: Attachment | null;
}

export interface ItemFields {
  id: number;
  title: string;
  link: string;
  pubDate: string;
  creator: string;
  guid: string;
  content: string;
  excerpt: string;
  postDate: string;
  postDateGmt: string;
  modified: string;
  modifiedGmt: string;
  commentStatus: string;
  pingStatus: string;
  postName: string;
  status: string;
  parent: number;
  menuOrder: number;
  type: string;
  password: string;
  sticky: boolean;
  attachmentUrl?: string;
  terms: Term[];
  meta: [string, string][];
  comments: string;
  /** Local minus GMT in minutes when both dates are real. */
  offsetMinutes: number | null;
}

export const inc = (o: Record<string, number>, k: string, by = 1) => {
  o[k] = (o[k] ?? 0) + by;
};

export const LANGUAGE_TERMS: Record<'ar' | 'en', Term> = {
  ar: { domain: 'language', nicename: 'ar', name: 'العربية' },
  en: { domain: 'language', nicename: 'en', name: 'English' },
};

export class ExportBuilder {
  readonly info: GeneratorInfo;
  readonly seed: number;
  readonly site: string;
  readonly host: string;
  readonly end: number;
  readonly stories: number;
  readonly partnerOfLast: boolean;
  readonly start: number;
  readonly step: number;
  readonly tags: Tag[];
  readonly tagByName: Map<string, Tag>;
  readonly personTags: Tag[];
  readonly categorySlugs = new Map<number, Slug>();
  private readonly offsets = new Map<number, number>();
  private readonly categoryChoices = new Map<string, CategoryDef[]>();
  private buf: string[] = [];
  private bufLength = 0;
  commentId = 0;
  prev: PrevStory | null = null;
  stickyLeft = 5;

  readonly admin: AdminCounts = {
    posts: { all: 0, publish: 0, draft: 0, pending: 0, future: 0, private: 0, trash: 0 },
    postsByLanguage: { ar: 0, en: 0 },
    pages: { all: 0, publish: 0, draft: 0 },
    attachments: 0,
    categories: CATEGORIES.length,
    tags: 0,
    authors: AUTHORS.length,
    comments: { all: 0, approved: 0, pending: 0, spam: 0, trash: 0 },
    menuItems: 0,
    sticky: 0,
  };
  readonly summary: SummaryExpectation = {
    items: 0,
    byType: {},
    authors: AUTHORS.length,
    categories: CATEGORIES.length,
    tags: 0,
    terms: {},
    attachments: 0,
    comments: 0,
    missingThumbnails: { count: 0 },
    dangling: { undeclaredItemTerms: {}, parents: [], primaryCategories: [] },
    unknownShortcodes: {},
    captions: 0,
    blockComments: 0,
    dynamicBlocks: {},
    elementorItems: 0,
    metaKeys: {},
    dates: { withoutGmt: 0, undated: 0, offsets: {} },
    slugs: { percentEncoded: 0, incomplete: 0 },
    timeSpan: { first: null, last: null },
  };
  first = Infinity;
  last = -Infinity;

  constructor(
    options: GenerateOptions,
    readonly hooks: GenerateHooks,
  ) {
    this.info = describeGenerator(options);
    this.seed = seedOf(this.info.seed);
    this.site = this.info.siteUrl;
    this.host = new URL(this.site).hostname;
    this.end = new Date(this.info.exportedAt).getTime();

    let total = 0;
    let s = 0;
    let partner = false;
    while (total < options.posts) {
      total++;
      partner = isPaired(s) && total < options.posts;
      if (partner) total++;
      s++;
    }
    this.stories = s;
    this.partnerOfLast = partner;
    const spanDays = Math.min(3650, Math.max(400, Math.ceil(s / 35)));
    this.start = this.end - spanDays * DAY;
    this.step = (this.end - 2 * HOUR - this.start) / s;

    for (const c of CATEGORIES)
      this.categorySlugs.set(
        c.id,
        c.slug ? { raw: c.slug, decoded: c.slug, complete: true } : wpSlug(c.name),
      );

    const topics = templateTags();
    const cities = CITIES.map((c) => c.ar);
    const people = Array.from(
      { length: Math.min(1200, Math.max(20, Math.floor(options.posts / 40))) },
      (_, k) => personName(k),
    ).map((p) => p.name);
    const names = [...new Set([...topics, ...cities, ...people])];
    this.tags = names.map((name, k) => ({
      id: TERM_IDS.firstTag + k,
      name,
      slug: /^[A-Za-z0-9]+$/.test(name)
        ? { raw: name.toLowerCase(), decoded: name.toLowerCase(), complete: true }
        : wpSlug(name),
    }));
    this.tagByName = new Map(this.tags.map((t) => [t.name, t]));
    const peopleSet = new Set(people);
    this.personTags = this.tags.filter((t) => peopleSet.has(t.name));
    this.admin.tags = this.summary.tags = this.tags.length;
  }

  // ---- output -------------------------------------------------------------------------------

  private out(text: string) {
    this.buf.push(text);
    this.bufLength += text.length;
  }

  /** The text written since the last call, once there is enough of it (or `force`). */
  take(force = false): string | null {
    if (this.bufLength === 0 || (!force && this.bufLength < CHUNK)) return null;
    const text = this.buf.join('');
    this.buf = [];
    this.bufLength = 0;
    return text;
  }

  // ---- time ---------------------------------------------------------------------------------

  /**
   * Local minus UTC at `gmt`, in ms, in the site's zone. Zones change offset on the hour, so the
   * hour's offset is kept; stories come in time order, so a small cache suffices.
   */
  offsetAt(gmt: number): number {
    const hour = Math.floor(gmt / HOUR);
    let o = this.offsets.get(hour);
    if (o === undefined) {
      if (this.offsets.size >= 4096) this.offsets.clear();
      o = zoneOffsetMs(hour * HOUR, this.info.timeZone);
      this.offsets.set(hour, o);
    }
    return o;
  }

  dates(gmt: number, modifiedGmt = gmt, offsetOverride?: number) {
    const offset = offsetOverride ?? this.offsetAt(gmt);
    const modOffset = offsetOverride ?? this.offsetAt(modifiedGmt);
    return {
      local: gmt + offset,
      postDate: mysqlDate(gmt + offset),
      postDateGmt: mysqlDate(gmt),
      modified: mysqlDate(modifiedGmt + modOffset),
      modifiedGmt: mysqlDate(modifiedGmt),
      pubDate: rssDate(gmt),
      offsetMinutes: Math.round(offset / 60_000),
    };
  }

  // ---- the channel --------------------------------------------------------------------------

  header() {
    const created = mysqlDate(this.end).slice(0, 16);
    this.out(`<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<!-- It contains information about your site's posts, pages, comments, categories, and other content. -->
<!-- generator="WordPress/6.7.1" created="${created}" -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>

<channel>
	<title>${esc(SITE_NAME)}</title>
	<link>${esc(this.site)}</link>
	<description>${esc(SITE_DESCRIPTION)}</description>
	<pubDate>${rssDate(this.end)}</pubDate>
	<language>ar</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${esc(this.site)}</wp:base_site_url>
	<wp:base_blog_url>${esc(this.site)}</wp:base_blog_url>

`);
    for (const a of AUTHORS)
      this.out(
        `	<wp:author><wp:author_id>${a.id}</wp:author_id><wp:author_login>${cdata(a.login)}</wp:author_login><wp:author_email>${cdata(`${a.login}@${this.host}`)}</wp:author_email><wp:author_display_name>${cdata(a.displayName)}</wp:author_display_name><wp:author_first_name>${cdata(a.firstName)}</wp:author_first_name><wp:author_last_name>${cdata(a.lastName)}</wp:author_last_name></wp:author>\n`,
      );
    for (const c of CATEGORIES) {
      const parent = c.parent ? this.categorySlugs.get(c.parent)!.raw : '';
      this.out(`	<wp:category>
		<wp:term_id>${c.id}</wp:term_id>
		<wp:category_nicename>${cdata(this.categorySlugs.get(c.id)!.raw)}</wp:category_nicename>
		<wp:category_parent>${cdata(parent)}</wp:category_parent>
		<wp:cat_name>${cdata(c.name)}</wp:cat_name>
	</wp:category>
`);
    }
    for (const t of this.tags)
      this.out(`	<wp:tag>
		<wp:term_id>${t.id}</wp:term_id>
		<wp:tag_slug>${cdata(t.slug.raw)}</wp:tag_slug>
		<wp:tag_name>${cdata(t.name)}</wp:tag_name>
	</wp:tag>
`);
    const term = (id: number, taxonomy: string, slug: string, name: string, description?: string) => {
      inc(this.summary.terms, taxonomy);
      this.out(`	<wp:term>
		<wp:term_id>${id}</wp:term_id>
		<wp:term_taxonomy>${cdata(taxonomy)}</wp:term_taxonomy>
		<wp:term_slug>${cdata(slug)}</wp:term_slug>
		<wp:term_parent>${cdata('')}</wp:term_parent>
		<wp:term_name>${cdata(name)}</wp:term_name>
${description === undefined ? '' : `		<wp:term_description>${cdata(description)}</wp:term_description>\n`}	</wp:term>
`);
    };
    term(
      TERM_IDS.languageAr,
      'language',
      'ar',
      'العربية',
      phpSerialize({ locale: 'ar', rtl: 1, flag_code: 'arab' }),
    );
    term(
      TERM_IDS.languageEn,
      'language',
      'en',
      'English',
      phpSerialize({ locale: 'en_US', rtl: 0, flag_code: 'us' }),
    );
    term(TERM_IDS.termLanguageAr, 'term_language', 'pll_ar', 'العربية');
    term(TERM_IDS.termLanguageEn, 'term_language', 'pll_en', 'English');
    CATEGORY_TRANSLATIONS.forEach(([arId, enId], k) => {
      const slug = `pll_${new Rng(this.seed, 2_000_000_000 + k).hex(13)}`;
      term(
        TERM_IDS.termTranslations + k,
        'term_translations',
        slug,
        slug,
        phpSerialize({ ar: arId, en: enId }),
      );
    });
    let k = 0;
    for (let i = 0; i < this.stories; i++) {
      if (!this.hasPartner(i)) continue;
      const slug = this.pllSlug(i);
      const [arId, enId] = [this.storyId(i), this.storyId(i) + 3];
      term(this.firstPllTerm + k++, 'post_translations', slug, slug, phpSerialize({ ar: arId, en: enId }));
    }
    term(TERM_IDS.navMenu, 'nav_menu', wpSlug('القائمة الرئيسية').raw, 'القائمة الرئيسية');
    this.out('\n');
  }

  get firstPllTerm() {
    return TERM_IDS.firstTag + this.tags.length + 10;
  }
  pllSlug(i: number) {
    return `pll_${new Rng(this.seed, 1_000_000_000 + i).hex(13)}`;
  }
  hasPartner(i: number) {
    return isPaired(i) && (i !== this.stories - 1 || this.partnerOfLast);
  }
  storyId(i: number) {
    return 100 + 5 * i;
  }

  footer() {
    this.out('</channel>\n</rss>\n');
    const d = this.summary.dangling.primaryCategories;
    d.sort((a, b) => a - b);
    if (this.first <= this.last)
      this.summary.timeSpan = {
        first: new Date(this.first).toISOString(),
        last: new Date(this.last).toISOString(),
      };
  }

  // ---- items --------------------------------------------------------------------------------

  item(f: ItemFields) {
    const s = this.summary;
    s.items++;
    s.byType[f.type] ??= {};
    inc(s.byType[f.type]!, f.status);
    if (f.type === 'attachment') s.attachments++;
    if (f.postName.includes('%')) s.slugs.percentEncoded++;
    if (f.postDateGmt === ZERO_DATE) s.dates.withoutGmt++;
    else if (f.offsetMinutes !== null) inc(s.dates.offsets, String(f.offsetMinutes));
    for (const [key] of f.meta) inc(s.metaKeys, key);
    if (f.meta.some(([key]) => key === '_elementor_data')) s.elementorItems++;

    let xml = `	<item>
		<title>${cdata(f.title)}</title>
		<link>${esc(f.link)}</link>
		<pubDate>${f.pubDate}</pubDate>
		<dc:creator>${cdata(f.creator)}</dc:creator>
		<guid isPermaLink="false">${esc(f.guid)}</guid>
		<description></description>
		<content:encoded>${cdata(f.content)}</content:encoded>
		<excerpt:encoded>${cdata(f.excerpt)}</excerpt:encoded>
		<wp:post_id>${f.id}</wp:post_id>
		<wp:post_date>${cdata(f.postDate)}</wp:post_date>
		<wp:post_date_gmt>${cdata(f.postDateGmt)}</wp:post_date_gmt>
		<wp:post_modified>${cdata(f.modified)}</wp:post_modified>
		<wp:post_modified_gmt>${cdata(f.modifiedGmt)}</wp:post_modified_gmt>
		<wp:comment_status>${cdata(f.commentStatus)}</wp:comment_status>
		<wp:ping_status>${cdata(f.pingStatus)}</wp:ping_status>
		<wp:post_name>${cdata(f.postName)}</wp:post_name>
		<wp:status>${cdata(f.status)}</wp:status>
		<wp:post_parent>${f.parent}</wp:post_parent>
		<wp:menu_order>${f.menuOrder}</wp:menu_order>
		<wp:post_type>${cdata(f.type)}</wp:post_type>
		<wp:post_password>${cdata(f.password)}</wp:post_password>
		<wp:is_sticky>${f.sticky ? 1 : 0}</wp:is_sticky>
`;
    if (f.attachmentUrl !== undefined)
      xml += `		<wp:attachment_url>${cdata(f.attachmentUrl)}</wp:attachment_url>\n`;
    // wp_get_object_terms() orders an item's terms by name.
    const terms = [...f.terms].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const t of terms)
      xml += `		<category domain="${esc(t.domain)}" nicename="${esc(t.nicename)}">${cdata(t.name)}</category>\n`;
    for (const [key, value] of f.meta)
      xml += `		<wp:postmeta>
			<wp:meta_key>${cdata(key)}</wp:meta_key>
			<wp:meta_value>${cdata(value)}</wp:meta_value>
		</wp:postmeta>
`;
    xml += f.comments;
    xml += '	</item>\n';
    this.out(xml);
  }

  categoryTerms(ids: number[]): Term[] {
    return ids.map((id) => {
      const c = CATEGORIES.find((x) => x.id === id)!;
      return { domain: 'category', nicename: this.categorySlugs.get(id)!.raw, name: c.name };
    });
  }

  categoryPath(id: number): CategoryDef[] {
    const path: CategoryDef[] = [];
    for (let c = CATEGORIES.find((x) => x.id === id); c; c = CATEGORIES.find((x) => x.id === c!.parent))
      path.unshift(c);
    return path;
  }

  /** Comments on a published post: threads, pending ones, spam, a pingback. */
  comments(rng: Rng, postGmt: number, classic: boolean, offsetOverride?: number): { xml: string; n: number } {
    if (!rng.chance(0.18)) return { xml: '', n: 0 };
    const n = rng.range(1, 4);
    let xml = '';
    let previous = 0;
    for (let k = 0; k < n; k++) {
      const id = ++this.commentId;
      const gmt = Math.min(this.end - HOUR, postGmt + rng.range(5, 72 * 60) * 60_000 + k * 600_000);
      const d = this.dates(gmt, gmt, offsetOverride);
      const roll = rng.next();
      const approved = roll < 0.8 ? '1' : roll < 0.92 ? '0' : roll < 0.98 ? 'spam' : 'trash';
      const c = this.admin.comments;
      if (approved === '1') c.approved++;
      else if (approved === '0') c.pending++;
      else if (approved === 'spam') c.spam++;
      else c.trash++;
      if (approved === '1' || approved === '0') c.all++;
      this.summary.comments++;
      const pingback = !classic && rng.chance(0.04);
      const reply = k > 0 && !pingback && rng.chance(0.3);
      const staff = reply && rng.chance(0.3) ? rng.pick(ARABIC_WRITERS) : null;
      const author = pingback ? 'مدونة الحي' : staff ? staff.displayName : personName(rng.int(1200)).name;
      const email = pingback ? '' : staff ? `${staff.login}@${this.host}` : `reader${id}@mail.example`;
      const url = pingback ? `https://blog.example/${id}/` : rng.chance(0.1) ? 'https://reader.example/' : '';
      const content = pingback ? '[…] كما نشرت صحيفة المدار اليوم […]' : rng.pick(COMMENTS);
      xml += `		<wp:comment>
			<wp:comment_id>${id}</wp:comment_id>
			<wp:comment_author>${cdata(author)}</wp:comment_author>
			<wp:comment_author_email>${cdata(email)}</wp:comment_author_email>
			<wp:comment_author_url>${esc(url)}</wp:comment_author_url>
			<wp:comment_author_IP>${cdata(`192.0.2.${1 + (id % 250)}`)}</wp:comment_author_IP>
			<wp:comment_date>${cdata(d.postDate)}</wp:comment_date>
			<wp:comment_date_gmt>${cdata(d.postDateGmt)}</wp:comment_date_gmt>
			<wp:comment_content>${cdata(content)}</wp:comment_content>
			<wp:comment_approved>${cdata(approved)}</wp:comment_approved>
			<wp:comment_type>${cdata(pingback ? 'pingback' : classic ? '' : 'comment')}</wp:comment_type>
			<wp:comment_parent>${reply ? previous : 0}</wp:comment_parent>
			<wp:comment_user_id>${staff ? staff.id : 0}</wp:comment_user_id>
		</wp:comment>
`;
      previous = id;
    }
    return { xml, n };
  }

  /** An attachment's own item; `null` parent link for an unattached one. */
  attachmentItem(
    a: Attachment,
    opts: {
      parent: number;
      parentLink: string | null;
      gmt: number;
      offsetOverride?: number;
      creator: string;
      language: 'ar' | 'en';
    },
  ) {
    this.admin.attachments++;
    const d = this.dates(opts.gmt, opts.gmt, opts.offsetOverride);
    const base = a.file.slice(8).replace(/\.[a-z]+$/, '');
    const slug = wpSlug(base);
    const link = opts.parentLink
      ? `${opts.parentLink}${slug.raw}/`
      : opts.parent
        ? `${this.site}/?attachment_id=${a.id}`
        : `${this.site}/${slug.raw}/`;
    const sizes: Record<string, PhpData> = {};
    for (const s of a.sizes)
      sizes[s.name] = {
        file: s.file.slice(8),
        width: s.width,
        height: s.height,
        'mime-type': a.file.endsWith('.png') ? 'image/png' : 'image/jpeg',
      };
    const metadata = phpSerialize({
      width: a.width,
      height: a.height,
      file: a.file,
      sizes,
      image_meta: {
        aperture: '0',
        credit: a.credit,
        camera: '',
        caption: '',
        created_timestamp: '0',
        copyright: '',
        focal_length: '0',
        iso: '0',
        shutter_speed: '0',
        title: '',
        orientation: '0',
        keywords: [],
      },
    });
    const meta: [string, string][] = [
      ['_wp_attached_file', a.file],
      ['_wp_attachment_metadata', metadata],
    ];
    if (a.alt) meta.push(['_wp_attachment_image_alt', a.alt]);
    this.item({
      id: a.id,
      title: base,
      link,
      pubDate: d.pubDate,
      creator: opts.creator,
      guid: a.url,
      content: '',
      excerpt: a.caption,
      postDate: d.postDate,
      postDateGmt: d.postDateGmt,
      modified: d.modified,
      modifiedGmt: d.modifiedGmt,
      commentStatus: 'open',
      pingStatus: 'closed',
      postName: slug.raw,
      status: 'inherit',
      parent: opts.parent,
      menuOrder: 0,
      type: 'attachment',
      password: '',
      sticky: false,
      attachmentUrl: a.url,
      terms: [LANGUAGE_TERMS[opts.language]],
      meta,
      comments: '',
      offsetMinutes: d.offsetMinutes,
    });
    if (a.onDisk)
      this.hooks.onUpload?.({
        attachmentId: a.id,
        file: a.file,
        width: a.width,
        height: a.height,
        mime: a.file.endsWith('.png') ? 'image/png' : 'image/jpeg',
        sizes: a.sizes,
      });
  }

  /** An image attachment in `folder` ("2025/05") with WordPress's resized copies. */
  makeAttachment(
    id: number,
    folder: string,
    fileBase: string,
    text: StoryText['photo'],
    square: boolean,
    onDisk = true,
  ): Attachment {
    const name = `${fileBase}.jpg`;
    const [width, height] = square ? [600, 600] : [900, 600];
    const sized = (label: string, w: number, h: number) => ({
      name: label,
      file: `${folder}/${fileBase}-${w}x${h}.jpg`,
      width: w,
      height: h,
    });
    const sizes = square
      ? [sized('thumbnail', 150, 150), sized('medium', 300, 300)]
      : [sized('thumbnail', 150, 150), sized('medium', 300, 200), sized('medium_large', 768, 512)];
    return {
      id,
      inExport: true,
      onDisk,
      file: `${folder}/${name}`,
      url: `${this.site}/wp-content/uploads/${folder}/${name}`,
      alt: text.alt,
      caption: text.caption,
      credit: text.credit,
      width,
      height,
      sizes,
    };
  }

  sizeUrl(a: Attachment, name: string): { url: string; width: number; height: number } {
    const s = a.sizes.find((x) => x.name === name) ?? a.sizes.at(-1)!;
    return { url: `${this.site}/wp-content/uploads/${s.file}`, width: s.width, height: s.height };
  }

  // ---- stories ------------------------------------------------------------------------------

  /**
   * Where a story may be filed: the named category and those under it when the story says,
   * else any category of its section.
   */
  categoriesFor(section: SectionKey, name: string | null): CategoryDef[] {
    const key = `${section}:${name ?? ''}`;
    let list = this.categoryChoices.get(key);
    if (!list) {
      list = name
        ? CATEGORIES.filter(
            (c) => c.language === 'ar' && this.categoryPath(c.id).some((p) => p.name === name),
          )
        : CATEGORIES.filter((c) => c.section === section);
      if (list.length === 0) throw new Error(`no category named ${name}`);
      this.categoryChoices.set(key, list);
    }
    return list;
  }

  noteDangling() {
    const d = this.summary.dangling.primaryCategories;
    if (!d.includes(TERM_IDS.dangling)) d.push(TERM_IDS.dangling);
  }

  countPost(status: string, language: 'ar' | 'en', gmt: number) {
    const p = this.admin.posts;
    p[status as keyof typeof p]++;
    if (status !== 'trash') p.all++;
    this.admin.postsByLanguage[language]++;
    if (status === 'publish') {
      this.first = Math.min(this.first, gmt);
      this.last = Math.max(this.last, gmt);
    }
  }

  imageExpectation(id: number, a: Attachment | null): FeaturedImageExpectation {
    if (!a)
      return {
        id,
        inExport: false,
        onDisk: false,
        file: null,
        url: null,
        alt: null,
        caption: null,
        credit: null,
        width: null,
        height: null,
      };
    return {
      id,
      inExport: true,
      onDisk: a.onDisk,
      file: a.file,
      url: a.url,
      alt: a.alt,
      caption: a.caption,
      credit: a.credit,
      width: a.width,
      height: a.height,
    };
  }

  totals(): ExportTotals {
    return { generator: this.info, admin: this.admin, summary: this.summary };
  }
}
