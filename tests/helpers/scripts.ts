/**
 * Every script the page makes a modern browser download from /_next/static: `<script src>`
 * (not `nomodule`, which such browsers skip), script preloads and modulepreloads, and the chunks
 * the React flight data names for its client components (the runtime loads them to hydrate).
 */
export function scriptUrls(html: string): string[] {
  const urls = new Set<string>();
  const nomodule = new Set<string>();
  for (const [, attrs] of html.matchAll(/<script\b([^>]*)>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(attrs!)?.[1];
    if (src) (/\bnoModule\b/i.test(attrs!) ? nomodule : urls).add(src);
  }
  for (const [, attrs] of html.matchAll(/<link\b([^>]*)>/g)) {
    const rel = /\brel="([^"]+)"/.exec(attrs!)?.[1];
    const as = /\bas="([^"]+)"/.exec(attrs!)?.[1];
    const href = /\bhref="([^"]+)"/.exec(attrs!)?.[1];
    if (href && (rel === 'modulepreload' || (rel === 'preload' && as === 'script'))) urls.add(href);
  }
  for (const [chunk] of html.matchAll(/\/_next\/static\/chunks\/[\w.~-]+\.js/g)) {
    if (!nomodule.has(chunk)) urls.add(chunk);
  }
  return [...urls].filter((u) => u.startsWith('/_next/static/'));
}
