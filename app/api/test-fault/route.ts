import { forcedFault, testFaultsEnabled } from '@/lib/server/test-faults';

export const dynamic = 'force-dynamic';

/** A route handler that throws (test servers only, see lib/server/test-faults.ts). */
export function GET() {
  if (!testFaultsEnabled()) return new Response('Not found', { status: 404 });
  throw forcedFault('a route handler');
}
