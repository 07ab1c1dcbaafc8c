import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // proxy.ts answers trailing-slash URLs with a 301 itself (Next's own redirect is a 308).
  skipTrailingSlashRedirect: true,
  reactStrictMode: true,
  serverExternalPackages: ['better-sqlite3', 'sharp'],
  // Builds and the type check/lint run separately in `npm test`.
  typescript: { ignoreBuildErrors: true },
};

export default withNextIntl(nextConfig);
