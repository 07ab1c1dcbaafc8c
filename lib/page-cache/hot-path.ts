/**
 * Small memos for the cache-hit path, where every microsecond is a share of the whole answer.
 * Browsers send a handful of distinct Accept-Encoding strings, so parsing each once is enough.
 */
import { pickEncoding } from './serve';

const MAX_REMEMBERED = 256;
const encodings = new Map<string, 'br' | 'gzip' | null>();

/** pickEncoding, remembered per Accept-Encoding string (bounded: odd strings do not pile up). */
export function encodingFor(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const header = acceptEncoding ?? '';
  let encoding = encodings.get(header);
  if (encoding === undefined) {
    if (encodings.size >= MAX_REMEMBERED) encodings.clear();
    encoding = pickEncoding(header);
    encodings.set(header, encoding);
  }
  return encoding;
}
