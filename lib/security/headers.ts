/**
 * The security headers of every response, in one place. A pure function of what kind of
 * response it is and the site's public URL, so the page cache, the custom server and the tests
 * all agree on the set; the Content-Security-Policy itself comes from lib/security/csp.ts.
 */

/** newsroom: /admin (framing forbidden); reader: pages, feeds, media, route handlers. */
export type ResponseKind = 'reader' | 'newsroom';

/** Powerful features a news site never asks for: off for the page and anything it embeds. */
const DISABLED_FEATURES = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'interest-cohort',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

export const PERMISSIONS_POLICY = DISABLED_FEATURES.map((f) => `${f}=()`).join(', ');

/** One year, with subdomains: only ever sent when the site's public URL is https. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** Whether a request path belongs to the newsroom (with or without the English prefix). */
export function isNewsroomPath(url: string): boolean {
  return /^(?:\/en)?\/admin(?:[/?#]|$)/.test(url);
}

export function securityHeaders(kind: ResponseKind, siteUrl: string): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-site',
    // CASE: the newsroom must never sit in a frame (clickjacking a publish button); reader pages
    // may be framed by the site itself only (frame-ancestors 'self' in their CSP).
    'x-frame-options': kind === 'newsroom' ? 'DENY' : 'SAMEORIGIN',
  };
  if (/^https:\/\//i.test(siteUrl)) headers['strict-transport-security'] = HSTS;
  return headers;
}
