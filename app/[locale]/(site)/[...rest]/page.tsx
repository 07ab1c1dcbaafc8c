import { notFound } from 'next/navigation';

/** Any path no route claims gets the edition's own 404 page. */
/** Thrown from metadata too, so the 404 page's own title («الصفحة غير موجودة») is the one kept. */
export function generateMetadata(): never {
  notFound();
}

export default function UnknownPage() {
  notFound();
}
