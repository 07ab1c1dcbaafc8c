/** Text or attribute value, escaped for XML 1.0. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(
        /[&<>"']/g,
        (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
      )
      // Characters XML 1.0 forbids (C0 controls but tab and newlines, unpaired surrogates,
      // U+FFFE/U+FFFF) would make the whole document unreadable to a strict parser.
      .replace(
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
        '',
      )
  );
}

/** A W3C datetime (what sitemaps and Google News want), to the second, in UTC. */
export function w3cDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An RFC 822 date (what RSS 2.0 wants), in GMT: "Tue, 05 Mar 2024 10:00:00 GMT". */
export function rfc822Date(date: Date): string {
  return date.toUTCString();
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
