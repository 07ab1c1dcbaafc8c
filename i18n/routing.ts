import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['ar', 'en'],
  defaultLocale: 'ar',
  // Arabic is the default edition and has no prefix; English lives under /en.
  localePrefix: 'as-needed',
  // A cookie on every response would make reader pages uncacheable, and Accept-Language
  // must not move a reader away from the URL they asked for.
  localeCookie: false,
  localeDetection: false,
  alternateLinks: false,
});

export type Locale = (typeof routing.locales)[number];
