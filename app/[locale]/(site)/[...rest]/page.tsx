import { notFound } from 'next/navigation';
import { notFoundMetadata } from '@/lib/seo/metadata';

/** Any path no route claims gets the edition's own 404 page. */
export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  return notFoundMetadata((await params).locale);
}

export default function UnknownPage() {
  notFound();
}
