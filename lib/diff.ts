/** Formatting and embedded things in a body, shown as labelled markers in the diff. */
export type BodyMark =
  | { type: 'bold' | 'italic' | 'quote' | 'bulletList' | 'orderedList'; end: boolean }
  | { type: 'heading'; level: number; end: boolean }
  | { type: 'link'; href: string; end: boolean }
  | { type: 'image'; src: string; alt: string };

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string; mark?: BodyMark };

/**
 * A word-level diff (longest common subsequence), readable for headlines and paragraphs.
 * Texts are cut to 4,000 words each so a huge body cannot make the table explode.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = before.split(/(\s+)/).filter(Boolean).slice(0, 8000);
  const b = after.split(/(\s+)/).filter(Boolean).slice(0, 8000);
  return diffTokens(a, b).map(([kind, text]) => ({ kind, text }));
}

/** LCS over opaque tokens; returns [kind, token] pairs with runs of the same kind merged for text. */
function diffTokens(a: string[], b: string[]): [DiffPart['kind'], string][] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const parts: [DiffPart['kind'], string][] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts.at(-1);
    // Markers stay single tokens; text of one kind joins into one run.
    if (last && last[0] === kind && !isMarker(text) && !isMarker(last[1])) last[1] += text;
    else parts.push([kind, text]);
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < n) push('removed', a[i++]!);
  while (j < m) push('added', b[j++]!);
  return parts;
}

const MARK = '\u0000';
const isMarker = (token: string) => token.startsWith(MARK);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

function attr(tag: string, name: string): string {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return decode(m?.[1] ?? m?.[2] ?? m?.[3] ?? '');
}

const SIMPLE: Record<string, BodyMark['type']> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  blockquote: 'quote',
  ul: 'bulletList',
  ol: 'orderedList',
};

/**
 * A sanitised body as tokens: words (with the space after them) and markers for formatting,
 * links (with their address) and images (with their file and alt text). Paragraph and list-item
 * tags only separate words.
 */
export function bodyTokens(html: string): string[] {
  const tokens: string[] = [];
  for (const piece of html.split(/(<[^>]*>)/)) {
    if (!piece) continue;
    if (piece.startsWith('<')) {
      const m = /^<\s*(\/)?\s*([a-z0-9]+)/i.exec(piece);
      if (!m) continue;
      const end = Boolean(m[1]);
      const name = m[2]!.toLowerCase();
      let mark: BodyMark | null = null;
      if (SIMPLE[name]) mark = { type: SIMPLE[name], end } as BodyMark;
      else if (/^h[1-6]$/.test(name)) mark = { type: 'heading', level: Number(name[1]), end };
      else if (name === 'a') mark = { type: 'link', href: end ? '' : attr(piece, 'href'), end };
      else if (name === 'img') mark = { type: 'image', src: attr(piece, 'src'), alt: attr(piece, 'alt') };
      if (mark) tokens.push(MARK + JSON.stringify(mark));
      continue;
    }
    for (const word of decode(piece).split(/\s+/)) if (word) tokens.push(`${word} `);
  }
  return tokens.slice(0, 8000);
}

/**
 * The body's diff with formatting, links and images: a word that became bold shows added
 * «bold» markers around it; a changed link address or image alt text shows as the old marker
 * removed and the new one added.
 */
export function diffBody(beforeHtml: string, afterHtml: string): DiffPart[] {
  return diffTokens(bodyTokens(beforeHtml), bodyTokens(afterHtml)).map(([kind, token]) =>
    isMarker(token)
      ? { kind, text: '', mark: JSON.parse(token.slice(1)) as BodyMark }
      : { kind, text: token },
  );
}

export interface MetaChanges {
  tags: { added: string[]; removed: string[] };
  section: { before: number; after: number } | null;
  heroImage: { before: number | null; after: number | null } | null;
  slug: { before: string; after: string } | null;
  source: { before: string; after: string } | null;
}

interface SnapshotMeta {
  tags: string[];
  sectionId: number;
  heroMediaId: number | null;
  slug: string;
  sourceOutlet: string;
  sourceAgency: string;
}

/** What changed besides the text: tags, section, lead image, slug and source line. */
export function diffMeta(before: SnapshotMeta | undefined, after: SnapshotMeta): MetaChanges {
  const old = new Set(before?.tags ?? []);
  const now = new Set(after.tags);
  const source = (s: SnapshotMeta) => [s.sourceOutlet, s.sourceAgency].filter(Boolean).join(' / ');
  return {
    tags: { added: after.tags.filter((x) => !old.has(x)), removed: [...old].filter((x) => !now.has(x)) },
    section:
      before && before.sectionId !== after.sectionId
        ? { before: before.sectionId, after: after.sectionId }
        : null,
    heroImage:
      before && before.heroMediaId !== after.heroMediaId
        ? { before: before.heroMediaId, after: after.heroMediaId }
        : null,
    slug: before && before.slug !== after.slug ? { before: before.slug, after: after.slug } : null,
    source:
      before && source(before) !== source(after) ? { before: source(before), after: source(after) } : null,
  };
}
