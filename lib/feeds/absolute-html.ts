/**
 * Article HTML for reading away from the site (feed readers): our own relative links and images
 * (/news/…, /media/…) become absolute. Runs on sanitizeArticleHtml's output, whose form makes a
 * pattern safe here: text never holds a raw "<", and attribute values are double-quoted with
 * `"`, `<` and `>` escaped, so every `<a …>`/`<img …>` matched is a real tag and every ` href="`
 * inside one starts a real attribute.
 */
export function absolutizeHtml(html: string, siteUrl: string): string {
  return html.replace(/<(?:a|img)\s[^>]*>/g, (tag) =>
    tag.replace(
      /(\s(?:href|src)=")(\/(?!\/))/g,
      (_m, attribute: string, slash: string) => attribute + siteUrl + slash,
    ),
  );
}
