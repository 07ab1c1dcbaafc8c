'use server';

import { forcedFault, testFaultsEnabled } from '@/lib/server/test-faults';

/** A server action that throws (test servers only, see lib/server/test-faults.ts). */
export async function testFaultAction(): Promise<void> {
  if (!testFaultsEnabled()) return;
  throw forcedFault('a server action');
}
