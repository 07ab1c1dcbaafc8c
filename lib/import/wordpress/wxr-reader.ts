/**
 * A WordPress export read as a stream: bytes → text (decode-stream.ts) → saxes events → one typed
 * record at a time. Only the record being read is held (an item with its meta and comments), so
 * memory stays flat however large the file; WordPress's own importer and Ghost's migrator parse
 * the whole document first, which a 600 MB export does not survive.
 */
import fs from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { decodeChunks, UnsupportedEncodingError } from './decode-stream';
import {
  WxrParseError,
  type WxrAuthor,
  type WxrCategory,
  type WxrComment,
  type WxrItem,
  type WxrMeta,
  type WxrRecord,
  type WxrSite,
  type WxrTag,
  type WxrTerm,
} from './types';

export interface ReadWxrOptions {
  /** Read-stream buffer size in bytes (tests use 1 and 7 to split multi-byte characters). */
  highWaterMark?: number;
}

/**
 * Hand-written exports use the usual prefixes without declaring them; they are read as meant,
 * through URIs of their own so that no WXR version is inferred from them.
 */
const UNDECLARED = 'urn:midad:undeclared-prefix:';
const CONVENTIONAL_PREFIXES = new Set(['wp', 'excerpt', 'content', 'dc']);

/**
 * Namespaces by URI. The wp and excerpt URIs carry the WXR version (…/export/1.0/ to 1.2/, and
 * https on some generators), so they are matched by pattern; elements are then known by
 * "<namespace>:<local name>", whatever prefix the file chose.
 */
function namespaceOf(uri: string): string {
  if (uri === '') return 'rss';
  if (uri.startsWith(UNDECLARED)) {
    const prefix = uri.slice(UNDECLARED.length);
    return CONVENTIONAL_PREFIXES.has(prefix) ? prefix : uri;
  }
  if (/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/?$/.test(uri)) return 'excerpt';
  if (/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/?$/.test(uri)) return 'wp';
  if (/^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/?$/.test(uri)) return 'content';
  if (/^https?:\/\/purl\.org\/dc\/elements\/1\.1\/?$/.test(uri)) return 'dc';
  return uri;
}

const RECORDS = new Set(['wp:author', 'wp:category', 'wp:tag', 'wp:term', 'rss:item']);

/** An element inside a record, kept until the record closes. */
interface Node {
  key: string;
  attrs: Record<string, string>;
  text: string[];
  children: Node[];
  line: number;
}

const textOf = (node: Node | undefined): string => (node ? node.text.join('') : '');
const child = (node: Node, key: string): Node | undefined => node.children.find((c) => c.key === key);
const raw = (node: Node, key: string): string => textOf(child(node, key));
const str = (node: Node, key: string): string => raw(node, key).trim();
function int(node: Node, key: string): number | null {
  const s = str(node, key);
  return /^-?\d+$/.test(s) ? Number(s) : null;
}

function metaOf(node: Node, key: string): WxrMeta[] {
  return node.children
    .filter((c) => c.key === key)
    .map((m) => ({ key: str(m, 'wp:meta_key'), value: raw(m, 'wp:meta_value') }));
}

function toAuthor(n: Node): WxrAuthor {
  return {
    type: 'author',
    line: n.line,
    id: int(n, 'wp:author_id'),
    login: str(n, 'wp:author_login'),
    email: str(n, 'wp:author_email'),
    displayName: str(n, 'wp:author_display_name'),
    firstName: str(n, 'wp:author_first_name'),
    lastName: str(n, 'wp:author_last_name'),
  };
}

function toCategory(n: Node): WxrCategory {
  return {
    type: 'category',
    line: n.line,
    termId: int(n, 'wp:term_id'),
    nicename: str(n, 'wp:category_nicename'),
    parent: str(n, 'wp:category_parent'),
    name: str(n, 'wp:cat_name'),
    description: raw(n, 'wp:category_description'),
    meta: metaOf(n, 'wp:termmeta'),
  };
}

function toTag(n: Node): WxrTag {
  return {
    type: 'tag',
    line: n.line,
    termId: int(n, 'wp:term_id'),
    slug: str(n, 'wp:tag_slug'),
    name: str(n, 'wp:tag_name'),
    description: raw(n, 'wp:tag_description'),
    meta: metaOf(n, 'wp:termmeta'),
  };
}

function toTerm(n: Node): WxrTerm {
  return {
    type: 'term',
    line: n.line,
    termId: int(n, 'wp:term_id'),
    taxonomy: str(n, 'wp:term_taxonomy'),
    slug: str(n, 'wp:term_slug'),
    parent: str(n, 'wp:term_parent'),
    name: str(n, 'wp:term_name'),
    description: raw(n, 'wp:term_description'),
    meta: metaOf(n, 'wp:termmeta'),
  };
}

function toComment(n: Node): WxrComment {
  return {
    id: int(n, 'wp:comment_id'),
    author: str(n, 'wp:comment_author'),
    authorEmail: str(n, 'wp:comment_author_email'),
    authorUrl: str(n, 'wp:comment_author_url'),
    authorIp: str(n, 'wp:comment_author_IP'),
    date: str(n, 'wp:comment_date'),
    dateGmt: str(n, 'wp:comment_date_gmt'),
    content: raw(n, 'wp:comment_content'),
    approved: str(n, 'wp:comment_approved'),
    commentType: str(n, 'wp:comment_type'),
    parent: int(n, 'wp:comment_parent'),
    userId: int(n, 'wp:comment_user_id'),
    meta: metaOf(n, 'wp:commentmeta'),
  };
}

function toItem(n: Node): WxrItem {
  const guid = child(n, 'rss:guid');
  return {
    type: 'item',
    line: n.line,
    title: str(n, 'rss:title'),
    link: str(n, 'rss:link'),
    guid: textOf(guid).trim(),
    // RSS's default is true; WordPress always writes isPermaLink="false".
    guidIsPermaLink: guid?.attrs.isPermaLink?.trim() !== 'false',
    pubDate: str(n, 'rss:pubDate'),
    creator: str(n, 'dc:creator'),
    content: raw(n, 'content:encoded'),
    excerpt: raw(n, 'excerpt:encoded'),
    postId: int(n, 'wp:post_id'),
    postDate: str(n, 'wp:post_date'),
    postDateGmt: str(n, 'wp:post_date_gmt'),
    postModified: str(n, 'wp:post_modified'),
    postModifiedGmt: str(n, 'wp:post_modified_gmt'),
    commentStatus: str(n, 'wp:comment_status'),
    pingStatus: str(n, 'wp:ping_status'),
    postName: str(n, 'wp:post_name'),
    status: str(n, 'wp:status'),
    postParent: int(n, 'wp:post_parent'),
    menuOrder: int(n, 'wp:menu_order'),
    postType: str(n, 'wp:post_type'),
    postPassword: raw(n, 'wp:post_password'),
    isSticky: str(n, 'wp:is_sticky') === '1',
    attachmentUrl: str(n, 'wp:attachment_url'),
    terms: n.children
      .filter((c) => c.key === 'rss:category')
      .map((c) => ({
        domain: c.attrs.domain?.trim() ?? null,
        nicename: c.attrs.nicename?.trim() ?? '',
        name: textOf(c).trim(),
      })),
    meta: metaOf(n, 'wp:postmeta'),
    comments: n.children.filter((c) => c.key === 'wp:comment').map(toComment),
  };
}

const CONVERT: Record<string, (n: Node) => WxrRecord> = {
  'wp:author': toAuthor,
  'wp:category': toCategory,
  'wp:tag': toTag,
  'wp:term': toTerm,
  'rss:item': toItem,
};

/** The channel fields that make up the site record. */
const SITE_FIELDS: Record<string, keyof Omit<WxrSite, 'type'>> = {
  'rss:title': 'title',
  'rss:link': 'link',
  'rss:description': 'description',
  'rss:language': 'language',
  'wp:wxr_version': 'wxrVersion',
  'wp:base_site_url': 'baseSiteUrl',
  'wp:base_blog_url': 'baseBlogUrl',
  'rss:generator': 'generator',
};

/** Reads saxes events into records; `take()` hands over those completed so far. */
class WxrBuilder {
  readonly parser: SaxesParser<{ xmlns: true; position: true }>;
  private ready: WxrRecord[] = [];
  private depth = 0;
  private nodes: Node[] = [];
  private site: WxrSite = {
    type: 'site',
    title: '',
    link: '',
    description: '',
    language: '',
    wxrVersion: '',
    baseSiteUrl: '',
    baseBlogUrl: '',
    generator: '',
  };
  private siteSent = false;
  private namespaceVersion = '';
  private sawChannel = false;

  constructor() {
    this.parser = new SaxesParser({
      xmlns: true,
      position: true,
      // saxes asks for '' too (no default namespace declared): that is RSS's own, no namespace.
      resolvePrefix: (prefix: string) => (prefix === '' ? undefined : `${UNDECLARED}${prefix}`),
    });
    const p = this.parser;
    p.on('error', (err) => {
      // saxes prefixes its message with "line:column: "; the error carries them apart.
      this.fail(err.message.replace(/^\d+:\d+: /, ''));
    });
    p.on('comment', (text) => {
      const m = this.depth === 0 && /generator="([^"]+)"/.exec(text);
      if (m && !this.site.generator) this.site.generator = m[1]!;
    });
    p.on('opentag', (tag) => this.open(tag));
    p.on('closetag', () => this.close());
    p.on('text', (text) => this.nodes.at(-1)?.text.push(text));
    p.on('cdata', (text) => this.nodes.at(-1)?.text.push(text));
  }

  fail(reason: string): never {
    throw new WxrParseError(reason, this.parser.line, this.parser.column + 1);
  }

  take(): WxrRecord[] {
    const out = this.ready;
    this.ready = [];
    return out;
  }

  finish(): void {
    if (!this.sawChannel) this.fail('not a WordPress export: no <rss><channel>');
    this.sendSite();
  }

  private sendSite() {
    if (this.siteSent) return;
    this.siteSent = true;
    if (!this.site.wxrVersion) this.site.wxrVersion = this.namespaceVersion;
    this.ready.push(this.site);
  }

  private open(tag: SaxesTagNS) {
    this.depth++;
    const key = `${namespaceOf(tag.uri)}:${tag.local}`;
    if (!this.namespaceVersion) {
      const v = /wordpress\.org\/export\/(\d+\.\d+)\/$/.exec(tag.uri);
      if (v) this.namespaceVersion = v[1]!;
    }
    if (this.depth === 1) {
      if (key !== 'rss:rss')
        this.fail(`not a WordPress export: the root element is <${tag.name}>, not <rss>`);
      return;
    }
    if (this.depth === 2) {
      if (key === 'rss:channel') this.sawChannel = true;
      return;
    }
    if (this.depth === 3 && RECORDS.has(key)) this.sendSite();
    if (this.depth === 3 || this.nodes.length > 0) {
      const attrs: Record<string, string> = {};
      for (const a of Object.values(tag.attributes)) if (!a.prefix) attrs[a.local] = a.value;
      const node: Node = { key, attrs, text: [], children: [], line: this.parser.line };
      this.nodes.at(-1)?.children.push(node);
      this.nodes.push(node);
    }
  }

  private close() {
    const depth = this.depth--;
    if (depth < 3 || this.nodes.length === 0) return;
    const node = this.nodes.pop()!;
    if (depth !== 3) return;
    const convert = CONVERT[node.key];
    if (convert) {
      this.ready.push(convert(node));
      return;
    }
    const field = SITE_FIELDS[node.key];
    if (field && !this.siteSent && !this.site[field]) this.site[field] = textOf(node).trim();
  }
}

async function* bytesOf(source: string | AsyncIterable<Uint8Array>, options: ReadWxrOptions) {
  if (typeof source !== 'string') {
    yield* source;
    return;
  }
  const stream = fs.createReadStream(source, { highWaterMark: options.highWaterMark ?? 256 * 1024 });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } finally {
    stream.destroy();
  }
}

/**
 * The records of a WordPress export, one at a time, in file order: the site first, then authors,
 * terms and items as they come. Throws WxrParseError (with line and column) on a file that is
 * not well-formed XML or not an export; records before the fault have been yielded by then, so a
 * caller that must leave nothing behind reads the file through once before writing.
 */
export async function* readWxr(
  source: string | AsyncIterable<Uint8Array>,
  options: ReadWxrOptions = {},
): AsyncGenerator<WxrRecord> {
  const builder = new WxrBuilder();
  try {
    for await (const text of decodeChunks(bytesOf(source, options))) {
      builder.parser.write(text);
      yield* builder.take();
    }
    builder.parser.close();
    builder.finish();
  } catch (err) {
    if (err instanceof UnsupportedEncodingError) throw new WxrParseError(err.message, 1, 1);
    throw err;
  }
  yield* builder.take();
}
