/**
 * Small memos for the request path, where every microsecond is a share of a cache hit. Browsers
 * send a handful of distinct Accept-Encoding strings, and a page read by many is requested under
 * one URL, so each is worked out once.
 */
import { cacheKey, pickEncoding } from './serve';

const MAX_REMEMBERED = 256;
/** Longer keys are worked out each time rather than kept (real URLs are far shorter). */
const MAX_KEY = 512;

/**
 * `compute`, remembered per string argument. Bounded: past MAX_REMEMBERED keys it starts over,
 * so a flood of distinct values costs what computing each would anyway and never piles up.
 */
export function remembered<T>(compute: (key: string) => T): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    if (key.length > MAX_KEY) return compute(key);
    let value = memo.get(key);
    if (value === undefined) {
      if (memo.size >= MAX_REMEMBERED) memo.clear();
      value = compute(key);
      memo.set(key, value);
    }
    return value;
  };
}

// Through arrows: serve.ts imports this module, so its functions are looked up when called.
const encodingOf = remembered((header) => pickEncoding(header));

/** pickEncoding, remembered per Accept-Encoding string. */
export function encodingFor(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  return encodingOf(acceptEncoding ?? '');
}

/** cacheKey, remembered per request URL. */
export const keyFor = remembered((url) => cacheKey(url));
