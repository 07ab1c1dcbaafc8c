import { notFound } from 'next/navigation';

// A live article's bare /news/{id} is redirected (301) to its canonical URL by the proxy;
// reaching this page means there is no live article with this id.
/** Thrown from metadata too, so the 404 page's own title («الصفحة غير موجودة») is the one kept. */
export function generateMetadata(): never {
  notFound();
}

export default function ArticleWithoutSlug() {
  notFound();
}
