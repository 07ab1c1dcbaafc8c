/**
 * What a WordPress export (WXR 1.0–1.2) holds, record by record, as the reader yields it.
 * Values are the file's text, untouched but for trimming of scalar fields: dates, slugs and
 * serialised meta are read by the helpers beside this file, so the reader never guesses.
 */

/** The channel's own fields; yielded once, before any other record. */
export interface WxrSite {
  type: 'site';
  title: string;
  link: string;
  description: string;
  language: string;
  /** `<wp:wxr_version>`, or the version in the wp namespace URI when the element is missing. */
  wxrVersion: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  /** "WordPress/6.9.1" from the generator comment or `<generator>`; '' when neither. */
  generator: string;
}

export interface WxrMeta {
  key: string;
  value: string;
}

export interface WxrAuthor {
  type: 'author';
  line: number;
  id: number | null;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export interface WxrCategory {
  type: 'category';
  line: number;
  termId: number | null;
  nicename: string;
  /** The parent's nicename ('' for a top-level category). */
  parent: string;
  name: string;
  description: string;
  meta: WxrMeta[];
}

export interface WxrTag {
  type: 'tag';
  line: number;
  termId: number | null;
  slug: string;
  name: string;
  description: string;
  meta: WxrMeta[];
}

/** A term of any other taxonomy (nav_menu, post_format, language, post_translations…). */
export interface WxrTerm {
  type: 'term';
  line: number;
  termId: number | null;
  taxonomy: string;
  slug: string;
  /** The parent's slug ('' for none). */
  parent: string;
  name: string;
  description: string;
  meta: WxrMeta[];
}

/** `<category domain="…" nicename="…">name</category>` on an item. */
export interface WxrItemTerm {
  /** "category", "post_tag", "language"…; null on WXR 1.0's bare `<category>`. */
  domain: string | null;
  nicename: string;
  name: string;
}

export interface WxrComment {
  id: number | null;
  author: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  date: string;
  dateGmt: string;
  content: string;
  /** "1", "0", "spam", "trash" as written. */
  approved: string;
  /** '' (a plain comment in old exports), "comment", "pingback", "trackback", "like"… */
  commentType: string;
  parent: number | null;
  userId: number | null;
  meta: WxrMeta[];
}

export interface WxrItem {
  type: 'item';
  /** The line of the `<item>` start tag, for reports. */
  line: number;
  title: string;
  link: string;
  guid: string;
  guidIsPermaLink: boolean;
  /** RFC 822 as written; '' on drafts, "-0001" years on WordPress 4.9 menu items. */
  pubDate: string;
  creator: string;
  content: string;
  excerpt: string;
  postId: number | null;
  /** "YYYY-MM-DD HH:MM:SS" local time, or zeros. */
  postDate: string;
  postDateGmt: string;
  postModified: string;
  postModifiedGmt: string;
  commentStatus: string;
  pingStatus: string;
  /** The slug as stored: usually percent-encoded UTF-8, at most 200 bytes. */
  postName: string;
  status: string;
  postParent: number | null;
  menuOrder: number | null;
  postType: string;
  postPassword: string;
  isSticky: boolean;
  attachmentUrl: string;
  terms: WxrItemTerm[];
  meta: WxrMeta[];
  comments: WxrComment[];
}

export type WxrRecord = WxrSite | WxrAuthor | WxrCategory | WxrTag | WxrTerm | WxrItem;

/** A file that is not well-formed XML or not a WordPress export; line and column are 1-based. */
export class WxrParseError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.name = 'WxrParseError';
  }
}
