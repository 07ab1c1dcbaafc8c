import { getDb } from '@/db/client';
import { checkDatabase } from '@/db/queries/health';

export const dynamic = 'force-dynamic';

/**
 * Readiness, for a load balancer: 200 while this process takes new work, 503 once it drains
 * (a stop signal arrived, lib/server/shutdown.ts) or the database does not answer. Liveness
 * stays /api/health.
 */
export async function GET() {
  const headers = { 'Cache-Control': 'no-store' };
  if ((globalThis as { midadDraining?: boolean }).midadDraining) {
    return Response.json({ status: 'draining' }, { status: 503, headers });
  }
  try {
    await checkDatabase(getDb());
    return Response.json({ status: 'ready' }, { headers });
  } catch {
    return Response.json({ status: 'error' }, { status: 503, headers });
  }
}
