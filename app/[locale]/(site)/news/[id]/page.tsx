import { notFound } from 'next/navigation';

// A live article's bare /news/{id} is redirected (301) to its canonical URL by the proxy;
// reaching this page means there is no live article with this id.
export default function ArticleWithoutSlug() {
  notFound();
}
