import { notFound } from 'next/navigation';
import { notFoundToken } from '@/lib/server/not-found-page';
import NotFound from '../../not-found';

export { generateMetadata } from '../../not-found';

type Props = { params: Promise<{ locale: string; token: string }> };

/**
 * The site's 404 page rendered as a page (status 200), so that its HTML is complete; the page
 * cache sends it in place of Next's empty 404 shell (see lib/server/not-found-page.ts).
 */
export default async function NotFoundPage({ params }: Props) {
  const { token } = await params;
  if (token !== notFoundToken()) notFound();
  return <NotFound />;
}
