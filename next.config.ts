import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['better-sqlite3', 'sharp'],
  // Builds and the type check/lint run separately in `npm test`.
  typescript: { ignoreBuildErrors: true },
};

export default withNextIntl(nextConfig);
