/**
 * The stories of a generated export: each post with its attachments and, for some, its English
 * edition. Which story carries which rare case follows from its number (statusOf and the CASE
 * comments), so any export of 200 posts or more has every case at least once.
 */
import { storyBody } from './generate-body';
import type { Attachment, ExportBuilder, Term } from './generate-builder';
import { DAY, HOUR, inc, isPaired, LANGUAGE_TERMS } from './generate-builder';
import {
  asciiSlug,
  datePath,
  fullSlugLength,
  MINUS_ONE_PUB_DATE,
  phpSerialize,
  suffixedSlug,
  upperHex,
  uploadFolder,
  wpSlug,
  wpSlugCutMidLetter,
  ZERO_DATE,
  type Slug,
} from './generate-format';
import { Rng } from './generate-rng';
import {
  ARABIC_WRITERS,
  CATEGORIES,
  ENGLISH_CATEGORY,
  ENGLISH_WRITERS,
  SECTION_WEIGHTS,
  TERM_IDS,
  UNCATEGORIZED,
  VIDEO_CATEGORY,
} from './generate-site';
import {
  arabicIndicDigits,
  arabicStory,
  englishStory,
  TITLE_TAILS,
  SITE_NAME,
  type SectionKey,
  type StoryText,
} from './generate-text';

function statusOf(i: number): string {
  if (isPaired(i)) return 'publish';
  if (i % 29 === 11) return 'trash';
  if (i % 41 === 17) return 'future';
  if (i % 53 === 23) return 'private';
  if (i % 71 === 31) return 'pending';
  if (i % 19 === 7) return 'draft';
  return 'publish';
}

function pickSection(rng: Rng): SectionKey {
  let roll = rng.int(SECTION_WEIGHTS.reduce((n, [, w]) => n + w, 0));
  for (const [key, w] of SECTION_WEIGHTS) {
    if (roll < w) return key;
    roll -= w;
  }
  return 'news';
}

/**
 * A headline whose slug a column truncation cut at exactly 200 bytes inside a letter. Which
 * byte of the letter the cut falls on depends on the headline; of the candidates (the story's
 * own, a breaking-news label before it, a clause after a short one) the first that keeps
 * `inside` characters of the letter's stored form ("%d8" is 3, "%d8%a" 5) wins, else the first
 * that is cut inside a letter at all.
 */
function cutSlug(title: string, inside: number): { title: string; slug: Slug } {
  const labelled = ['', 'عاجل: ', 'بالفيديو: ', 'عاجل | بالفيديو: '].map((l) => l + title);
  const candidates = [...labelled, ...TITLE_TAILS.map((t) => `${title} ${t}`)].filter(
    (t) => fullSlugLength(t) > 206,
  );
  let any: { title: string; slug: Slug } | null = null;
  for (const t of candidates) {
    const slug = wpSlugCutMidLetter(t, inside, 200, 200);
    if (!slug) continue;
    // The cut letter's bytes are the decoded slug's only "%".
    if (slug.decoded.length - slug.decoded.indexOf('%') === inside) return { title: t, slug };
    any ??= { title: t, slug };
  }
  const last = candidates.at(-1)!;
  return any ?? { title: last, slug: wpSlugCutMidLetter(last, inside)! };
}

/** Story `i`: its post, its attachments and, when it has one, its English partner. */
export function writeStory(b: ExportBuilder, i: number) {
  const rng = new Rng(b.seed, i + 1);
  const id = b.storyId(i);
  const S = b.stories;
  const status = statusOf(i);
  const unpublished = status === 'draft' || status === 'pending';
  const hasLink = status === 'publish' || status === 'private' || status === 'trash';
  const section = pickSection(rng);
  const text = arabicStory(rng, section);

  // Dates: stories run in order from the start of the span to just before the export.
  let gmt = Math.round((b.start + (i + 0.5 + (rng.next() - 0.5) * 0.8) * b.step) / 1000) * 1000;
  const prev = b.prev;
  // CASE: a different post with the same title and date (WordPress's importer skips it).
  const duplicate =
    i % 97 === 60 && status === 'publish' && prev !== null && prev.status === 'publish' && prev.slug.complete;
  // Headlines in Arabic-Indic digits on some stories: slugs with %d9%a0–%d9%a9.
  let title = i % 10 === 3 ? arabicIndicDigits(text.title) : text.title;
  if (duplicate) {
    title = prev.title;
    gmt = prev.gmt;
  }
  // CASE: a slug cut at 200 bytes inside a letter, which decodeURIComponent refuses.
  const cutMidLetter = i % 97 === 41 && !duplicate && !unpublished;
  let modifiedGmt = rng.chance(0.35)
    ? Math.min(b.end - HOUR, gmt + rng.range(10, 3 * 24 * 60) * 60_000)
    : gmt;
  if (status === 'future') {
    gmt = b.end + (400 + rng.int(400)) * DAY + rng.int(DAY / 1000) * 1000;
    modifiedGmt = b.end - rng.range(1, 20) * DAY;
  }
  const d = b.dates(gmt, modifiedGmt);

  // Slug and link. Drafts never published often have no slug yet.
  let slug: Slug;
  if (unpublished && rng.chance(0.5)) slug = { raw: '', decoded: '', complete: true };
  else if (cutMidLetter) ({ title, slug } = cutSlug(title, [3, 5, 2, 4, 1][Math.floor(i / 97) % 5]!));
  else if (duplicate) slug = suffixedSlug(title, '-2');
  else slug = wpSlug(title);
  const desired = slug;
  if (status === 'trash') slug = suffixedSlug(title, '__trashed');
  if (!slug.complete) b.summary.slugs.incomplete++;
  const pretty = `${b.site}/${datePath(d.local)}/${slug.raw}/`;
  // CASE: some links as a browser copies them, in uppercase hex.
  const link = hasLink ? (i % 9 === 4 ? upperHex(pretty) : pretty) : `${b.site}/?p=${id}`;
  const attachedTo = status === 'publish' || status === 'private' ? pretty : null;

  // Categories: the main one, sometimes its parent ticked too, and video for embeds.
  const main =
    status === 'draft' && rng.chance(0.3)
      ? UNCATEGORIZED
      : rng.pick(b.categoriesFor(section, text.category)).id;
  const path = b.categoryPath(main);
  const categoryIds = [main];
  if (path.length > 1 && rng.chance(0.3)) categoryIds.push(path.at(-2)!.id);
  const iframe = i % 12 === 5;
  if (iframe) categoryIds.push(VIDEO_CATEGORY);

  const tagNames = [...text.tags];
  if (rng.chance(0.3)) tagNames.push(rng.pick(b.personTags).name);
  const tags = [...new Set(tagNames)].map((n) => b.tagByName.get(n)!);

  // Featured image: the post's own upload, the previous story's, or one missing from the file.
  const author = rng.pick(ARABIC_WRITERS);
  const uploadGmt = gmt - rng.range(5, 90) * 60_000;
  // CASE: attachments saved by an import plugin, local time = GMT.
  const uploadOffset = i % 17 === 8 ? 0 : undefined;
  let featured: Attachment | null = null;
  let own: Attachment | null = null;
  let thumbnailId: number | null = null;
  if (unpublished ? rng.chance(0.4) : rng.chance(0.85)) {
    if (i % 23 === 9 && prev?.attachment) {
      featured = prev.attachment;
      thumbnailId = featured.id;
    } else if (i % 31 === 19) {
      thumbnailId = id + 1;
      b.summary.missingThumbnails.count++;
    } else {
      const folder = uploadFolder(uploadGmt + (uploadOffset ?? b.offsetAt(uploadGmt)));
      const kind = i % 20;
      const fileBase =
        kind === 0
          ? `صورة-${text.place?.ar ?? 'المدار'}-${id + 1}`
          : kind <= 6
            ? `IMG_${4000 + id + 1}`
            : `${text.fileWords}-${id + 1}`;
      // CASE: an attachment in the file whose files are not in the uploads folder.
      own = b.makeAttachment(id + 1, folder, fileBase, text.photo, i % 6 === 0, i % 37 !== 30);
      featured = own;
      thumbnailId = own.id;
    }
  }

  const classic = i < S * 0.15;
  // A second photo, uploaded with the first, shown in the body instead of it.
  const second =
    featured && rng.chance(0.3)
      ? b.makeAttachment(id + 2, featured.file.slice(0, 7), `${text.fileWords}-${id + 2}`, text.photo, false)
      : null;
  const shown = second ?? featured;
  const readAlso =
    i % 6 === 1 && prev && prev.status === 'publish' && prev.slug.raw.includes('%')
      ? { link: upperHex(prev.link), title: prev.title }
      : null;
  const body = storyBody(rng, {
    i,
    id,
    text,
    classic,
    image: shown && {
      id: shown.id,
      alt: shown.alt,
      caption: shown.caption,
      medium: b.sizeUrl(shown, 'medium'),
      large: b.sizeUrl(shown, 'medium_large'),
    },
    iframe,
    readAlso,
  });
  const { content, features } = body;
  b.summary.blockComments += body.blockComments;
  b.summary.captions += body.captions;
  for (const [name, n] of Object.entries(body.shortcodes)) inc(b.summary.unknownShortcodes, name, n);

  // Meta, as the SEO plugins and themes of each period of the site's life left it.
  const meta: [string, string][] = [];
  if (thumbnailId !== null) meta.push(['_thumbnail_id', String(thumbnailId)]);
  const mapped = {
    seoTitle: null as string | null,
    seoDescription: null as string | null,
    primary: '',
    views: null as number | null,
    subtitle: null as string | null,
    source: null as string | null,
  };
  if (!unpublished) storyMeta(b, rng, i, title, text, main, meta, mapped);
  if (status === 'trash') {
    meta.push(['_wp_trash_meta_status', 'publish']);
    meta.push(['_wp_trash_meta_time', String(Math.floor(modifiedGmt / 1000))]);
    meta.push(['_wp_desired_post_slug', desired.raw]);
  }
  meta.push(['_edit_last', String(author.id)]);

  const sticky = status === 'publish' && S - i <= 60 && i % 13 === 0 && b.stickyLeft > 0;
  if (sticky) {
    b.stickyLeft--;
    b.admin.sticky++;
  }
  const password = status === 'publish' && i % 101 === 61 ? 'madar2024' : '';
  const partnerId = b.hasPartner(i) ? id + 3 : null;
  const terms: Term[] = [...b.categoryTerms(categoryIds), LANGUAGE_TERMS.ar];
  for (const t of tags) terms.push({ domain: 'post_tag', nicename: t.slug.raw, name: t.name });
  if (partnerId !== null)
    terms.push({ domain: 'post_translations', nicename: b.pllSlug(i), name: b.pllSlug(i) });
  const comments = status === 'publish' ? b.comments(rng, gmt, classic) : { xml: '', n: 0 };
  const excerpt = rng.chance(0.4) ? text.lead : rng.chance(0.33) ? text.dek : '';

  b.countPost(status, 'ar', gmt);
  b.item({
    id,
    title,
    link,
    // CASE: drafts have an empty pubDate, or WordPress 4.9's year -0001.
    pubDate: unpublished
      ? status === 'draft' && Math.floor(i / 19) % 2 === 1
        ? MINUS_ONE_PUB_DATE
        : ''
      : d.pubDate,
    creator: author.login,
    guid: `${b.site}/?p=${id}`,
    content,
    excerpt,
    postDate: d.postDate,
    postDateGmt: unpublished ? ZERO_DATE : d.postDateGmt,
    modified: unpublished ? d.postDate : d.modified,
    modifiedGmt: unpublished ? ZERO_DATE : d.modifiedGmt,
    commentStatus: 'open',
    pingStatus: 'open',
    postName: slug.raw,
    status,
    parent: 0,
    menuOrder: 0,
    type: 'post',
    password,
    sticky,
    terms,
    meta,
    comments: comments.xml,
    offsetMinutes: d.offsetMinutes,
  });
  // Export order is by id: the post's own uploads (later ids) follow it.
  const attach = { parent: id, parentLink: attachedTo, creator: author.login, language: 'ar' as const };
  if (own) b.attachmentItem(own, { ...attach, gmt: uploadGmt, offsetOverride: uploadOffset });
  if (second) b.attachmentItem(second, { ...attach, gmt: uploadGmt + 60_000, offsetOverride: uploadOffset });

  const primary = /^\d+$/.test(mapped.primary) && Number(mapped.primary) > 0 ? Number(mapped.primary) : null;
  b.hooks.onPost?.({
    id,
    type: 'post',
    status,
    language: 'ar',
    title,
    slug: slug.decoded,
    slugRaw: slug.raw,
    slugComplete: slug.complete,
    link,
    author: author.login,
    postDate: d.postDate,
    postDateGmt: unpublished ? ZERO_DATE : d.postDateGmt,
    modifiedGmt: unpublished ? ZERO_DATE : d.modifiedGmt,
    sticky,
    passwordProtected: password !== '',
    excerpt,
    featuredImage: thumbnailId === null ? null : b.imageExpectation(thumbnailId, featured),
    views: mapped.views,
    translation: partnerId,
    categoryPath: path.map((c) => c.name),
    categorySlugs: path.map((c) => b.categorySlugs.get(c.id)!.decoded),
    tags: tags.map((t) => t.name),
    primaryCategory: primary,
    seoTitle: mapped.seoTitle,
    seoDescription: mapped.seoDescription,
    subtitle: mapped.subtitle,
    source: mapped.source,
    comments: comments.n,
    duplicateOf: duplicate ? prev.id : null,
    body: classic ? 'classic' : 'blocks',
    features,
  });

  b.prev = { id, status, title, gmt, slug, link, attachment: featured };
  if (partnerId !== null) writeEnglish(b, rng, i, partnerId, id, text, gmt, featured, section);
}

/**
 * SEO, theme and counter meta. The site ran tagDiv's Newspaper first (td_post_theme_settings,
 * post_views_count), then Jannah (tie_views, tie_post_sub_title); Yoast first, then Rank Math,
 * with both on the posts of the changeover; WP-PostViews and another counter on some posts.
 * `mapped` receives what the meta presets should read from it.
 */
function storyMeta(
  b: ExportBuilder,
  rng: Rng,
  i: number,
  title: string,
  text: StoryText,
  main: number,
  meta: [string, string][],
  mapped: {
    seoTitle: string | null;
    seoDescription: string | null;
    primary: string;
    views: number | null;
    subtitle: string | null;
    source: string | null;
  },
) {
  const S = b.stories;
  const views = Math.floor(Math.pow(rng.next(), 3) * 40_000) + rng.range(0, 50);
  const yoast = i < S * 0.55;
  const rankMath = i >= S * 0.45;
  // CASE: a primary category that names a deleted term.
  const primaryValue = i % 43 === 13 ? String(TERM_IDS.dangling) : rng.chance(0.15) ? '' : String(main);
  const primaries: string[] = [];
  if (yoast) {
    const t = rng.next();
    const seoTitle = t < 0.5 ? '%%title%% %%sep%% %%sitename%%' : t < 0.8 ? `${title} | ${SITE_NAME}` : '';
    if (seoTitle) meta.push(['_yoast_wpseo_title', seoTitle]);
    if (rng.chance(0.7)) meta.push(['_yoast_wpseo_metadesc', text.lead.slice(0, 150).trim()]);
    meta.push(['_yoast_wpseo_primary_category', primaryValue]);
    primaries.push(primaryValue);
    if (rng.chance(0.4)) meta.push(['_yoast_wpseo_focuskw', text.tags[0]!]);
  }
  if (rankMath) {
    meta.push(['rank_math_title', rng.chance(0.5) ? '%title% %sep% %sitename%' : title]);
    meta.push(['rank_math_description', text.dek]);
    const rmPrimary = yoast ? String(main) : primaryValue;
    meta.push(['rank_math_primary_category', rmPrimary]);
    primaries.push(rmPrimary);
    meta.push(['rank_math_focus_keyword', text.tags[0]!]);
  }
  const counters = [views];
  if (i < S * 0.4) {
    const subtitle = rng.chance(0.8) ? text.subtitle : '';
    const tdPrimary = rng.chance(0.5) ? String(main) : '';
    meta.push([
      'td_post_theme_settings',
      phpSerialize({
        td_post_template: 'single_template_3',
        td_subtitle: subtitle,
        td_quote_on_blocks: '',
        td_source: text.source,
        td_source_url: text.source === 'وكالات' ? '' : `${b.site}/`,
        td_via: '',
        td_via_url: '',
        td_primary_cat: tdPrimary,
      }),
    ]);
    meta.push(['post_views_count', String(views)]);
    mapped.source = text.source;
    mapped.subtitle = subtitle || null;
    primaries.push(tdPrimary);
  } else {
    meta.push(['tie_views', String(views)]);
    if (rng.chance(0.7)) {
      meta.push(['tie_post_sub_title', text.subtitle]);
      mapped.subtitle = text.subtitle;
    }
    const tiePrimary = rng.chance(0.3) ? String(main) : '';
    if (tiePrimary) meta.push(['tie_primary_category', tiePrimary]);
    primaries.push(tiePrimary);
    // Jannah's source is a list of {text, url}, not a line of text: no preset reads it.
    if (rng.chance(0.3)) meta.push(['tie_source', phpSerialize([{ text: text.source, url: '' }])]);
  }
  if (i % 7 === 3) {
    const old = Math.floor(views * rng.next() * 1.5);
    meta.push(['views', String(old)]);
    counters.push(old);
  }
  if (i % 11 === 5) {
    const other = rng.range(0, 900);
    meta.push(['post_view_count', String(other)]);
    counters.push(other);
  }
  mapped.views = Math.max(...counters);
  mapped.seoTitle =
    meta.find(([k]) => k === '_yoast_wpseo_title')?.[1] ??
    meta.find(([k]) => k === 'rank_math_title')?.[1] ??
    null;
  mapped.seoDescription =
    meta.find(([k]) => k === '_yoast_wpseo_metadesc')?.[1] ??
    meta.find(([k]) => k === 'rank_math_description')?.[1] ??
    null;
  // The presets' order: Yoast, Rank Math, Jannah, tagDiv; the first value that is not empty.
  mapped.primary = primaries.find((p) => p !== '') ?? '';
  if (mapped.primary === String(TERM_IDS.dangling)) b.noteDangling();
}

/** The English edition of story `i`, paired with its Arabic post through Polylang. */
function writeEnglish(
  b: ExportBuilder,
  rng: Rng,
  i: number,
  id: number,
  arabicId: number,
  text: StoryText,
  arabicGmt: number,
  featured: Attachment | null,
  section: SectionKey,
) {
  const gmt = Math.min(b.end - HOUR, arabicGmt + rng.range(30, 360) * 60_000);
  const d = b.dates(gmt);
  const en = englishStory(rng, text.titleEn, text.place);
  const slug = asciiSlug(text.titleEn);
  const link = `${b.site}/en/${datePath(d.local)}/${slug}/`;
  const category = ENGLISH_CATEGORY[section] ?? 40;
  const author = rng.pick(ENGLISH_WRITERS);
  const parts = [
    `<!-- wp:paragraph -->\n<p>${en.lead}</p>\n<!-- /wp:paragraph -->`,
    `<!-- wp:heading -->\n<h2 class="wp-block-heading">${en.heading}</h2>\n<!-- /wp:heading -->`,
    ...en.paragraphs.map((p) => `<!-- wp:paragraph -->\n<p>${p}</p>\n<!-- /wp:paragraph -->`),
  ];
  b.summary.blockComments += parts.length * 2;
  const views = rng.range(0, 3000);
  const image = featured?.inExport && rng.chance(0.6) ? featured : null;
  const meta: [string, string][] = [];
  if (image) meta.push(['_thumbnail_id', String(image.id)]);
  meta.push(['tie_views', String(views)]);
  meta.push(['_edit_last', String(author.id)]);
  b.countPost('publish', 'en', gmt);
  const pll = b.pllSlug(i);
  b.item({
    id,
    title: text.titleEn,
    link,
    pubDate: d.pubDate,
    creator: author.login,
    guid: `${b.site}/?p=${id}`,
    content: parts.join('\n\n'),
    excerpt: en.dek,
    postDate: d.postDate,
    postDateGmt: d.postDateGmt,
    modified: d.modified,
    modifiedGmt: d.modifiedGmt,
    commentStatus: 'open',
    pingStatus: 'open',
    postName: slug,
    status: 'publish',
    parent: 0,
    menuOrder: 0,
    type: 'post',
    password: '',
    sticky: false,
    terms: [
      ...b.categoryTerms([category]),
      LANGUAGE_TERMS.en,
      { domain: 'post_translations', nicename: pll, name: pll },
    ],
    meta,
    comments: '',
    offsetMinutes: d.offsetMinutes,
  });
  const c = CATEGORIES.find((x) => x.id === category)!;
  b.hooks.onPost?.({
    id,
    type: 'post',
    status: 'publish',
    language: 'en',
    title: text.titleEn,
    slug,
    slugRaw: slug,
    slugComplete: true,
    link,
    author: author.login,
    postDate: d.postDate,
    postDateGmt: d.postDateGmt,
    modifiedGmt: d.modifiedGmt,
    sticky: false,
    passwordProtected: false,
    excerpt: en.dek,
    featuredImage: image ? b.imageExpectation(image.id, image) : null,
    views,
    translation: arabicId,
    categoryPath: [c.name],
    categorySlugs: [c.slug!],
    tags: [],
    primaryCategory: null,
    seoTitle: null,
    seoDescription: null,
    subtitle: null,
    source: null,
    comments: 0,
    duplicateOf: null,
    body: 'blocks',
    features: [],
  });
}
