import { expect } from 'vitest';

/** A reader page's HTML, asserting it answered 200. */
export async function okPage(base: string, path: string): Promise<string> {
  const res = await fetch(base + path);
  expect(res.status, path).toBe(200);
  return res.text();
}
