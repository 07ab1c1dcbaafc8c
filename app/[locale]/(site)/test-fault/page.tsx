import { notFound } from 'next/navigation';
import { forcedFault, testFaultsEnabled } from '@/lib/server/test-faults';
import { testFaultAction } from './actions';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ throw?: string }> };

/**
 * A page that throws while rendering (test servers only, see lib/server/test-faults.ts). Without
 * `?throw` it shows the form that makes its action part of the build.
 */
export default async function TestFaultPage({ searchParams }: Props) {
  if (!testFaultsEnabled()) notFound();
  if ((await searchParams).throw !== undefined) throw forcedFault('a page');
  return (
    <form action={testFaultAction}>
      <button type="submit">fault</button>
    </form>
  );
}
