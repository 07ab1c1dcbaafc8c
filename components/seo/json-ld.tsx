import { jsonLdText, type JsonLd as JsonLdData } from '@/lib/seo/json-ld';

/**
 * One JSON-LD block. jsonLdText escapes <, >, & and line separators, so no text inside can end
 * the script element: that is what makes dangerouslySetInnerHTML safe here.
 */
export function JsonLd({ data }: { data: JsonLdData | JsonLdData[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}
