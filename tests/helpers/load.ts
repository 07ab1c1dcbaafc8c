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
