/**
 * What an editor types in the link dialog, made into an address the sanitiser keeps:
 * «www.example.com» and bare domains get https://; http(s) and mailto pass; any other scheme
 * (javascript:, data:, file:…) is refused, so no link in a story can run code.
 */
export type LinkInput = { ok: true; href: string } | { ok: false; error: 'empty' | 'scheme' | 'invalid' };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// A host name with a dot and a letter-only top-level part (Arabic letters allowed): example.com, موقع.سوريا
const BARE_HOST = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?::\d+)?(?:[/?#]|$)/u;

export function normaliseLinkInput(raw: string): LinkInput {
  // Control characters and whitespace inside a scheme are how «java\tscript:» slips past checks.
  const text = raw.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!text) return { ok: false, error: 'empty' };
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme && !/^[\p{L}\p{N}-]+\.[\p{L}]/u.test(text.slice(0, text.indexOf(':')))) {
    if (scheme === 'mailto')
      return /^mailto:[^\s@]+@[^\s@]+$/i.test(text)
        ? { ok: true, href: text }
        : { ok: false, error: 'invalid' };
    if (scheme !== 'http' && scheme !== 'https') return { ok: false, error: 'scheme' };
    return validUrl(text);
  }
  if (text.startsWith('//')) return validUrl(`https:${text}`);
  if (BARE_HOST.test(text)) return validUrl(`https://${text}`);
  return { ok: false, error: 'invalid' };
}

function validUrl(href: string): LinkInput {
  try {
    const url = new URL(href);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.'))
      return { ok: true, href };
  } catch {
    // falls through
  }
  return { ok: false, error: 'invalid' };
}
