import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * npm's audit endpoint is not reachable from this machine, so the known-fixed floors live here.
 * Raise a floor when a new advisory names a higher fixed version; never lower one.
 */
const FLOORS: { name: string; floor: string; why: string }[] = [
  {
    name: 'sanitize-html',
    floor: '2.17.4',
    // GHSA-rpr9-rxv7-x643 / CVE-2026-44990, fixed in 2.17.4 (the last release that still runs on Node 20).
    why: 'GHSA-rpr9-rxv7-x643 (CVE-2026-44990)',
  },
  {
    name: 'next',
    floor: '16.2.6',
    // CVE-2025-29927 (middleware bypass through x-middleware-subrequest, fixed 15.2.3);
    // CVE-2025-66478 (RSC remote code execution, fixed 16.0.7 on the 16 line); the May 2026
    // coordinated release (CVE-2026-23870 RSC denial of service, middleware/proxy bypasses,
    // cache poisoning, SSRF, XSS), fixed in 16.2.6 on the 16 line.
    why: 'CVE-2025-29927, CVE-2025-66478, CVE-2026-23870',
  },
  {
    name: 'react',
    floor: '19.2.6',
    // The React Server Components advisories (CVE-2025-55182, fixed 19.2.1; CVE-2026-23869, fixed
    // 19.2.5; CVE-2026-23870, fixed 19.2.6) name react-server-dom-*, which Next bundles and which is
    // released in lockstep with react; react itself is not named, so this floor keeps the pair on
    // a release line that carries those fixes.
    why: 'lockstep with react-server-dom-* (CVE-2025-55182, CVE-2026-23869, CVE-2026-23870)',
  },
  {
    name: 'react-dom',
    floor: '19.2.6',
    // As react, above: react-dom must match react's version, and no advisory names react-dom itself.
    why: 'lockstep with react (same advisories as react)',
  },
];

function compare(a: string, b: string): number {
  const pa = a.split('-')[0]!.split('.').map(Number);
  const pb = b.split('-')[0]!.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  // A prerelease of the floor (2.17.4-beta) comes before it.
  return (a.includes('-') ? -1 : 0) - (b.includes('-') ? -1 : 0);
}

const lock = JSON.parse(readFileSync(path.join(process.cwd(), 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};

describe('dependency floors (package-lock.json)', () => {
  it('compares versions numerically, prereleases before releases', () => {
    expect(compare('2.17.10', '2.17.4')).toBeGreaterThan(0);
    expect(compare('2.17.0', '2.17.4')).toBeLessThan(0);
    expect(compare('2.17.4-beta.1', '2.17.4')).toBeLessThan(0);
    expect(compare('16.4.6', '16.2.6')).toBeGreaterThan(0);
  });

  it.each(FLOORS)('$name is at least $floor ($why)', ({ name, floor }) => {
    // Every copy in the tree counts, not only the top-level one: a nested old copy is still shipped.
    const copies = Object.entries(lock.packages).filter(
      ([key]) => key === `node_modules/${name}` || key.endsWith(`/node_modules/${name}`),
    );
    expect(copies.length).toBeGreaterThan(0);
    for (const [key, entry] of copies) {
      expect(compare(entry.version ?? '0.0.0', floor), `${key}@${entry.version}`).toBeGreaterThanOrEqual(0);
    }
  });
});
