/** Runs once when the server starts: background work that must happen with nobody acting. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startScheduler } = await import('./lib/server/scheduler');
  startScheduler();
}
