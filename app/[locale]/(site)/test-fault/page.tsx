import { notFound } from 'next/navigation';
import { testFaultsEnabled } from '@/lib/server/test-faults';
import { testFaultAction } from './actions';

export const dynamic = 'force-dynamic';

/**
 * The form that makes the test-fault action part of the build (test servers only, see
 * lib/server/test-faults.ts); ./throw is the page that throws.
 */
export default function TestFaultPage() {
  if (!testFaultsEnabled()) notFound();
  return (
    <form action={testFaultAction}>
      <button type="submit">fault</button>
    </form>
  );
}
