/** `?page=N`: absent means 1; anything but a canonical positive integer is invalid (null). */
export function parsePageParam(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value)) return null;
  return Number(value);
}

/** The URL of page `n` of a listing: page 1 is the bare path. */
export function pageHref(basePath: string, n: number): string {
  return n <= 1 ? basePath || '/' : `${basePath}?page=${n}`;
}
