import localFont from 'next/font/local';

/** IBM Plex Sans Arabic, self-hosted from @fontsource (Arabic subset only; Latin falls back). */
export const arabicFont = localFont({
  src: [
    {
      path: '../node_modules/@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-arabic-400-normal.woff2',
      weight: '400',
    },
    {
      path: '../node_modules/@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-arabic-700-normal.woff2',
      weight: '700',
    },
  ],
  variable: '--font-arabic',
  // 'optional': a reader on a slow connection keeps the fallback for that page rather than seeing
  // the text jump when the web font arrives (the fallback metrics cannot match it on every phone).
  display: 'optional',
  fallback: ['Tahoma', 'Arial', 'sans-serif'],
  adjustFontFallback: 'Arial',
});
