import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderRequestHeaders } from '@/lib/page-cache/normalise';
import { inlineScriptHashes, newsroomCsp, readerCsp } from '@/lib/security/csp';
import { isNewsroomPath, securityHeaders } from '@/lib/security/headers';

const sha = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;

describe('security headers', () => {
  it('sends the same set to every reader response, HSTS only over https', () => {
    const plain = securityHeaders('reader', 'http://localhost:3000');
    expect(plain).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-site',
      'x-frame-options': 'SAMEORIGIN',
    });
    expect(plain['strict-transport-security']).toBeUndefined();
    for (const feature of [
      'camera',
      'microphone',
      'geolocation',
      'payment',
      'usb',
      'interest-cohort',
      'browsing-topics',
    ])
      expect(plain['permissions-policy']).toContain(`${feature}=()`);
    const secure = securityHeaders('reader', 'https://news.example');
    expect(secure['strict-transport-security']).toMatch(/^max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(secure['strict-transport-security']!)![1])).toBeGreaterThanOrEqual(
      31536000,
    );
  });

  it('forbids framing the newsroom', () => {
    expect(securityHeaders('newsroom', 'https://news.example')['x-frame-options']).toBe('DENY');
    expect(newsroomCsp('abc')).toContain("frame-ancestors 'none'");
    expect(newsroomCsp('abc')).toContain("script-src 'nonce-abc' 'strict-dynamic'");
    expect(['/admin', '/admin/articles', '/en/admin', '/admin?x=1'].every(isNewsroomPath)).toBe(true);
    expect(['/administration', '/news/1/admin', '/en/adminx'].some(isNewsroomPath)).toBe(false);
  });
});

describe('reader CSP from the page bytes', () => {
  const boot = '(self.__next_f=self.__next_f||[]).push([0])';
  const flight = 'self.__next_f.push([1,"0:{\\"a\\":1}\\n"])';
  const chunks =
    '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a1.js"],"runtimeModuleIds":[7]});';

  it("hashes Next's own inline scripts and nothing else", () => {
    const html = [
      `<script src="/_next/static/chunks/x.js" async=""></script>`,
      `<script id="_R_">${chunks}</script>`,
      `<script>${boot}</script>`,
      `<script>${flight}</script>`,
      `<script type="application/ld+json">{"@type":"NewsArticle"}</script>`,
      // Planted ones, some dressed up as Next's: none may be allowed.
      `<script>alert(1)</script>`,
      `<script>self.__next_f.push([1,"x"]);alert(1)</script>`,
      `<script>self.__next_f.push(alert(1))</script>`,
      `<script onload="x">${flight.replace('1}', '2}')}</script>`,
      `<script>(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["https://evil.example/x.js"],"runtimeModuleIds":[]});</script>`,
      `<img src=x onerror="alert(1)">`,
    ].join('');
    expect(inlineScriptHashes(html)).toEqual([sha(chunks), sha(boot), sha(flight)]);
  });

  it('is strict, the same for the same bytes, and short', () => {
    const html = `<script>${boot}</script><script>${flight}</script>`;
    const csp = readerCsp(html);
    expect(csp).toBe(readerCsp(Buffer.from(html)));
    const script = csp.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(script).toBe(`script-src 'self' ${sha(boot)} ${sha(flight)}`);
    expect(csp).not.toMatch(/unsafe-eval|\*|script-src[^;]*unsafe-inline/);
    for (const d of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'"])
      expect(csp).toContain(d);
    expect(csp.length).toBeLessThan(4096);
  });
});

describe('the request a cacheable render sees', () => {
  it('keeps nothing a visitor could use to shape the shared copy', () => {
    const kept = renderRequestHeaders(
      {
        host: 'evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        'accept-language': 'en',
        cookie: 'NEXT_LOCALE=en',
        'x-original-url': '/admin',
        'x-rewrite-url': '/admin',
        'x-http-method-override': 'DELETE',
        'x-middleware-subrequest': 'middleware',
        'next-router-state-tree': '%5B%5D',
        accept: 'text/html',
        'accept-encoding': 'br',
      },
      'https://news.example',
    );
    expect(kept).toEqual({ host: 'news.example', accept: 'text/html', 'accept-encoding': 'br' });
  });
});
