/** GETs `url` over and over from `clients` loops until `stop()`; returns every failure seen. */
export function readersThrough(base: string, paths: string[], clients: number) {
  let running = true;
  let served = 0;
  const failures: string[] = [];
  const loops = Array.from({ length: clients }, async (_, c) => {
    for (let n = c; running; n++) {
      const p = paths[n % paths.length]!;
      try {
        const res = await fetch(base + p, { headers: { Connection: 'close' } });
        await res.arrayBuffer();
        if (res.status !== 200) failures.push(`${p}: ${res.status}`);
        else served++;
      } catch (error) {
        failures.push(`${p}: ${(error as Error).message}`);
      }
    }
  });
  return {
    served: () => served,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return failures;
    },
  };
}

/**
 * Polls `base + pathname` until its body contains `text`: the milliseconds that took, or null
 * after `ms`. A refused or cut connection (a database or instance coming back) is polled again.
 */
export async function visibleWithin(base: string, pathname: string, text: string, ms: number) {
  const start = Date.now();
  while (Date.now() - start <= ms) {
    const res = await fetch(base + pathname).catch(() => null);
    if (res && (await res.text()).includes(text)) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}
