/**
 * A story's body as a WordPress editor saved it: Gutenberg blocks, or classic HTML for the
 * posts written before the site moved to the block editor (paragraphs separated by blank lines,
 * no <p>, as wpautop() expects). It holds what an importer must handle: [caption] around an
 * image, image blocks, lists, quotes, a theme's shortcode, an <iframe> embed, a <script> the
 * sanitiser must drop, <!--more-->, and a link to an older story copied in uppercase hex.
 */
import { esc } from './generate-format';
import type { Rng } from './generate-rng';
import { SITE_NAME, type StoryText } from './generate-text';

export interface BodyImage {
  id: number;
  alt: string;
  caption: string;
  medium: { url: string; width: number; height: number };
  large: { url: string; width: number; height: number };
}

export interface BodyInput {
  /** The story's number: which rare parts it has follows from it. */
  i: number;
  id: number;
  text: StoryText;
  classic: boolean;
  image: BodyImage | null;
  iframe: boolean;
  readAlso: { link: string; title: string } | null;
}

export interface StoryBody {
  content: string;
  /** What it holds: "caption", "image", "iframe", "script", "tie_list", "more"… */
  features: string[];
  blockComments: number;
  captions: number;
  /** Shortcodes an importer does not know, by name. */
  shortcodes: Record<string, number>;
}

export function storyBody(rng: Rng, input: BodyInput): StoryBody {
  const { i, id, text, classic, image } = input;
  const parts: string[] = [];
  const features: string[] = classic ? ['classic'] : [];
  const shortcodes: Record<string, number> = {};
  let blockComments = 0;
  let captions = 0;
  const block = (name: string, html: string, attrs?: object) => {
    if (classic) return html;
    blockComments += 2;
    return `<!-- wp:${name}${attrs ? ` ${JSON.stringify(attrs)}` : ''} -->\n${html}\n<!-- /wp:${name} -->`;
  };
  const para = (t: string) => (classic ? t : block('paragraph', `<p>${t}</p>`));
  const heading = (t: string, level = 2) =>
    block(
      'heading',
      `<h${level}${classic ? '' : ' class="wp-block-heading"'}>${t}</h${level}>`,
      level === 2 ? undefined : { level },
    );

  parts.push(para(text.place ? `<strong>${text.place.ar} – ${SITE_NAME}:</strong> ${text.lead}` : text.lead));
  const [p0, p1, ...rest] = text.paragraphs;
  parts.push(para(p0!));
  if (classic && rng.chance(0.3)) {
    parts.push('<!--more-->');
    features.push('more');
  }

  // The photo: [caption] (classic posts, and some converted to blocks) or an image block.
  if (image) {
    if (classic || rng.chance(0.3)) {
      const m = image.medium;
      const align = rng.pick(['aligncenter', 'alignright', 'alignnone']);
      const shortcode = `[caption id="attachment_${image.id}" align="${align}" width="${m.width}"]<img class="size-medium wp-image-${image.id}" src="${m.url}" alt="${esc(image.alt)}" width="${m.width}" height="${m.height}" /> ${image.caption}[/caption]`;
      parts.push(classic ? shortcode : block('shortcode', shortcode));
      captions++;
      features.push('caption');
    } else {
      parts.push(
        block(
          'image',
          `<figure class="wp-block-image size-large"><img src="${image.large.url}" alt="${esc(image.alt)}" class="wp-image-${image.id}"/><figcaption class="wp-element-caption">${image.caption}</figcaption></figure>`,
          { id: image.id, sizeSlug: 'medium_large', linkDestination: 'none' },
        ),
      );
      features.push('image');
    }
  }
  if (p1) parts.push(para(p1));
  parts.push(heading(text.headings[0]!));
  if (rng.chance(0.4)) {
    parts.push(para(text.listIntro));
    const items = text.listItems.map((t) =>
      classic ? `<li>${t}</li>` : block('list-item', `<li>${t}</li>`),
    );
    parts.push(
      block(
        'list',
        `<ul${classic ? '' : ' class="wp-block-list"'}>${items.join(classic ? '' : '\n\n')}</ul>`,
      ),
    );
    features.push('list');
  }
  if (rng.chance(0.5)) {
    const q = `«${text.quote.text}»`;
    parts.push(
      classic
        ? `<blockquote>${q}\n<cite>${text.quote.speaker}</cite></blockquote>`
        : block(
            'quote',
            `<blockquote class="wp-block-quote">${block('paragraph', `<p>${q}</p>`)}<cite>${text.quote.speaker}</cite></blockquote>`,
          ),
    );
    features.push('quote');
  }
  // Jannah's checklist shortcode, which nothing outside the theme renders.
  if (i % 8 === 2) {
    const code = `[tie_list type="checklist"]<ul>${text.listItems.map((t) => `<li>${t}</li>`).join('')}</ul>[/tie_list]`;
    parts.push(classic ? code : block('shortcode', code));
    shortcodes.tie_list = (shortcodes.tie_list ?? 0) + 1;
    features.push('tie_list');
  }
  if (input.iframe) {
    parts.push(
      block(
        'html',
        `<iframe width="560" height="315" src="https://www.youtube.com/embed/${rng.hex(11)}" title="فيديو" frameborder="0" allowfullscreen></iframe>`,
      ),
    );
    features.push('iframe');
  }
  if (rest.length > 0) parts.push(para(rest[0]!));
  if (text.headings[1] && rest.length > 1) parts.push(heading(text.headings[1], 3));
  for (const p of rest.slice(1)) parts.push(para(p));
  // An advertiser's tag pasted into the post, the sanitiser's to remove; its own CDATA markers
  // make WordPress split the export's CDATA section around "]]>".
  if (i % 15 === 7) {
    parts.push(
      block(
        'html',
        `<script async src="https://ads.example/tag.js"></script>\n<script type="text/javascript">//<![CDATA[\nwindow.adSlots = window.adSlots || []; adSlots.push("article-${id}");\n//]]></script>`,
      ),
    );
    features.push('script');
  }
  if (input.readAlso) {
    parts.push(para(`اقرأ أيضاً: <a href="${input.readAlso.link}">${input.readAlso.title}</a>`));
    features.push('internal-link');
  }
  return { content: parts.join('\n\n'), features, blockComments, captions, shortcodes };
}
