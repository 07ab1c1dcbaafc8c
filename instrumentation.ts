/** Runs once when the server starts: background work that must happen with nobody acting. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startScheduler } = await import('./lib/server/scheduler');
  const { getDb } = await import('./db/client');
  // SQLite's data_version changes only when another connection writes: the page cache (set up
  // by scripts/start.ts) uses it to notice changes made outside this server.
  (globalThis as { midadDataVersion?: () => number }).midadDataVersion = () =>
    getDb().$client.pragma('data_version', { simple: true }) as number;
  startScheduler();
}
