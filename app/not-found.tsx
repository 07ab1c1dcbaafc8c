import ar from '@/messages/ar.json';
import { arabicFont } from './fonts';

/** Requests outside any edition (e.g. /robots.php): a complete Arabic 404 page. */
export default function RootNotFound() {
  const t = ar.NotFound;
  return (
    <html lang="ar" dir="rtl" className={arabicFont.variable}>
      <head>
        <title>{`${t.title} | ${ar.Site.name}`}</title>
        <meta name="robots" content="noindex" />
      </head>
      <body>
        <main className="mx-auto max-w-xl px-4 py-24 text-center">
          <p className="text-5xl font-bold text-ink-900">404</p>
          <h1 className="mt-4 text-2xl font-bold">{t.title}</h1>
          <p className="mt-3 text-muted">{t.body}</p>
          <p className="mt-8">
            <a href="/" className="font-semibold text-ink-700 underline">
              {t.home}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
