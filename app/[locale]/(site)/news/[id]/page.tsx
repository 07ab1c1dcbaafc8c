import { notFound } from 'next/navigation';
import { notFoundMetadata } from '@/lib/seo/metadata';

// A live article's bare /news/{id} is redirected (301) to its canonical URL by the proxy;
// reaching this page means there is no live article with this id.
export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  return notFoundMetadata((await params).locale);
}

export default function ArticleWithoutSlug() {
  notFound();
}
