/**
 * WordPress shortcodes in post bodies. `[caption]` becomes the figure it always rendered as;
 * every other shortcode is a plugin's or theme's that Midad does not run, so it is reported and
 * either kept as text (the editor sees it and decides) or stripped to its enclosed content.
 *
 * Which bracketed words are shortcodes depends on the plugins the old site ran, which the export
 * does not say. Counted as one: WordPress's own names, anything with key="value" attributes, a
 * closing tag or "/]", and names with "_" (vc_row, su_button). "[sic]", "[1]" and a bracketed
 * aside such as "[simple boat]" stay text.
 */

export type UnknownShortcodes = 'keep' | 'strip';

export interface ShortcodeResult {
  html: string;
  /** Shortcodes that were not converted, by name, with how often they occur. */
  unknown: Map<string, number>;
  /** How many [caption]s became figures. */
  captions: number;
}

const CORE = new Set(['caption', 'wp_caption', 'gallery', 'playlist', 'audio', 'video', 'embed']);
const CAPTIONS = new Set(['caption', 'wp_caption']);

// [name], [/name], [name attrs], [name attrs /]; attributes hold no brackets. [[name]] (an escape)
// is told apart by the brackets around the match.
const TAG = /\[(\/)?([A-Za-z][A-Za-z0-9_-]*)((?:\s[^[\]]*?)?)(\/)?\]/g;

/** `id="a" align='b' width=300 flag` → { id: 'a', align: 'b', width: '300', 0: 'flag' } */
export function parseShortcodeAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|(\S+)/g;
  let positional = 0;
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined) attrs[m[1].toLowerCase()] = m[2]!;
    else if (m[3] !== undefined) attrs[m[3].toLowerCase()] = m[4]!;
    else if (m[5] !== undefined) attrs[m[5].toLowerCase()] = m[6]!;
    else attrs[String(positional++)] = m[7] ?? m[8]!;
  }
  return attrs;
}

/** The leading image (maybe in a link) of a caption's content; WordPress puts it first. */
const LEADING_MEDIA = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)/i;

function renderCaption(inner: string, attrs: Record<string, string>): string {
  const m = LEADING_MEDIA.exec(inner);
  let media = m ? m[1]! : '';
  let caption = m ? inner.slice(m[0].length) : inner;
  // Old exports (before 3.4) put the caption in an attribute instead.
  if (attrs.caption !== undefined) caption = attrs.caption;
  // Real files have "<a><img> text[/caption]" with the link never closed.
  if (/^\s*<a\b/i.test(media) && !/<\/a>\s*$/i.test(media)) media += '</a>';
  if (!m) return `<figure>${inner.trim()}</figure>`;
  const align = /^align(left|right|center|none)$/.test(attrs.align ?? '') ? ` class="${attrs.align}"` : '';
  const text = caption.trim();
  return `<figure${align}>${media.trim()}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`;
}

/** Converts [caption] and reports (keeps or strips) every other shortcode. */
export function convertShortcodes(
  html: string,
  options: { unknown?: UnknownShortcodes } = {},
): ShortcodeResult {
  const mode = options.unknown ?? 'keep';
  const unknown = new Map<string, number>();
  let captions = 0;

  const run = (text: string): string => {
    let out = '';
    let pos = 0;
    const re = new RegExp(TAG.source, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [tag, closing, name, rawAttrs, selfClose] = m as unknown as [
        string,
        string?,
        string?,
        string?,
        string?,
      ];
      const start = m.index;
      let end = start + tag.length;
      if (text[start - 1] === '[' && text[end] === ']') {
        // [[caption]] is how an author writes the literal text "[caption]".
        out += text.slice(pos, start - 1) + tag;
        pos = end + 1;
        re.lastIndex = pos;
        continue;
      }
      out += text.slice(pos, start);
      pos = end;
      const key = name!.toLowerCase();

      let inner: string | null = null;
      let closeTag = '';
      if (!closing && !selfClose) {
        const closeAt = text.indexOf(`[/${name}]`, end);
        if (closeAt >= 0) {
          inner = text.slice(end, closeAt);
          closeTag = `[/${name}]`;
          end = closeAt + closeTag.length;
          pos = end;
          re.lastIndex = end;
        }
      }
      const isShortcode =
        CORE.has(key) || key.includes('_') || /[="']/.test(rawAttrs ?? '') || !!selfClose || inner !== null;
      if (!isShortcode) {
        // "[sic]", or a closing tag nobody opened: text.
        out += tag;
        continue;
      }
      if (CAPTIONS.has(key) && inner !== null) {
        captions++;
        out += renderCaption(run(inner), parseShortcodeAttributes(rawAttrs ?? ''));
        continue;
      }
      unknown.set(key, (unknown.get(key) ?? 0) + 1);
      if (mode === 'keep') out += inner === null ? tag : tag + run(inner) + closeTag;
      else if (inner !== null) out += run(inner);
    }
    return out + text.slice(pos);
  };

  return { html: run(html), unknown, captions };
}
