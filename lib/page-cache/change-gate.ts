/**
 * Notices writes made by other processes (the user CLI, a second instance, tests) without paying
 * a `PRAGMA data_version` on every cached request: under load that pragma was about an eighth of
 * the hit path. The version is read at most once per `intervalMs`; `onChange` runs when it moved.
 *
 * CASE: why invalidation stays correct. data_version changes whenever another connection commits;
 * this process's own writes invalidate by tag through the bus and never depend on it. A commit
 * made elsewhere at time T is seen by the first cached request arriving after T + intervalMs at
 * the latest (plus the bus delivery, synchronous in one process), and from then on every page is
 * stale and re-rendered. A request inside that window got the copy it would have got had it
 * arrived a moment before the commit — the same as any request racing a write. When the server
 * is idle (more than intervalMs since the last look) the very next request checks, so a single
 * reader after a quiet spell never sees an old page.
 */
export function changeGate(
  readVersion: () => number | undefined,
  onChange: () => void,
  intervalMs = 2,
  now: () => number = performance.now.bind(performance),
): () => void {
  let seen: number | undefined;
  let checkedAt = -Infinity;
  return () => {
    const t = now();
    if (t - checkedAt < intervalMs) return;
    checkedAt = t;
    const version = readVersion();
    if (version === undefined) return;
    if (seen !== undefined && version !== seen) onChange();
    seen = version;
  };
}
