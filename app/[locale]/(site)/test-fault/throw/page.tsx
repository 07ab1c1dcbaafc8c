import { notFound } from 'next/navigation';
import { forcedFault, testFaultsEnabled } from '@/lib/server/test-faults';

export const dynamic = 'force-dynamic';

/**
 * A page that throws while rendering (test servers only, see lib/server/test-faults.ts). A path,
 * not a query parameter: the page cache hands the render only the parameters pages read.
 */
export default function TestFaultThrowPage(): never {
  if (!testFaultsEnabled()) notFound();
  throw forcedFault('a page');
}
