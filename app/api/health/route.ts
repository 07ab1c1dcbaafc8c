import { getDb } from '@/db/client';
import { checkDatabase } from '@/db/queries/health';

export const dynamic = 'force-dynamic';

export function GET() {
  try {
    const db = checkDatabase(getDb());
    return Response.json({ status: 'ok', db }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json(
      { status: 'error', db: { ok: false } },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
