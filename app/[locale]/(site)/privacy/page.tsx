import type { Metadata } from 'next';
import { StaticPageView } from '@/components/site/static-page-view';
import { sanitizeArticleHtml } from '@/lib/html/sanitize';
import { loadStaticPageOrNotFound, staticPageMetadata } from '@/lib/server/static-page';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return staticPageMetadata('privacy', (await params).locale);
}

export default async function PrivacyPage({ params }: Props) {
  const { locale } = await params;
  const page = await loadStaticPageOrNotFound('privacy', locale);
  return <StaticPageView page={{ ...page, body: sanitizeArticleHtml(page.body) }} locale={locale} />;
}
