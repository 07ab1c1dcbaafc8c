import { expect } from 'vitest';
import { ENGINE } from '@/db/engine';

/** A reader page's HTML, asserting it answered 200. */
export async function okPage(base: string, path: string): Promise<string> {
  const res = await fetch(base + path);
  expect(res.status, path).toBe(200);
  return res.text();
}

/**
 * What two renders of one page share. ENGINE: on PostgreSQL a render's queries answer in
 * whatever order the network returns them, and React streams its flight data (the inline
 * scripts) in that order: the same page in other bytes. There, the page outside those scripts
 * must be the same (a poison's mark is looked for in the whole body apart).
 */
export function comparable(body: string): string {
  return ENGINE === 'pg' ? body.replace(/<script>self\.__next_f\.push\(.*?\)<\/script>/gs, '') : body;
}

/** A page's CSP, as two renders share it: on PostgreSQL without the hashes of its flight scripts (see comparable). */
export function comparableCsp(csp: string | string[] | undefined): string {
  const policy = String(csp ?? '');
  return ENGINE === 'pg' ? policy.replace(/ 'sha256-[\w+/=]+'/g, '') : policy;
}
