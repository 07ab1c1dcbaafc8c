import { getDb } from '@/db/client';
import { checkDatabase } from '@/db/queries/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    const db = await checkDatabase(getDb());
    const pageCache =
      (globalThis as { midadPageCache?: { stats(): unknown } }).midadPageCache?.stats() ?? null;
    return Response.json({ status: 'ok', db, pageCache }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json(
      { status: 'error', db: { ok: false } },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
