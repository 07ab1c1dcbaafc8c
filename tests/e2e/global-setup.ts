import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { saveSeededData, startServer } from '../helpers/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    serverLog: string;
    dataDir: string;
    /** The demo newsroom as first seeded, for files that start a server of their own. */
    seededData: string;
  }
}

/** One production server with the demo newsroom for the whole e2e run. */
export default async function setup(project: TestProject) {
  const server = await startServer();
  project.provide('baseURL', server.baseURL);
  project.provide('serverLog', server.logFile);
  project.provide('dataDir', server.dataDir);
  // Before any test writes to it: the other servers start from this copy instead of seeding.
  const seeded = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-e2e-seeded-'));
  saveSeededData(server.dataDir, seeded);
  project.provide('seededData', seeded);
  return async () => {
    await server.stop();
    fs.rmSync(seeded, { recursive: true, force: true });
  };
}
