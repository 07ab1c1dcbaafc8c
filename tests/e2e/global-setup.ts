import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { isPostgresUrl } from '@/db/engine';
import { dropPgDatabase } from '../helpers/pg-database';
import { saveSeededData, seededDatabase, startServer } from '../helpers/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    serverLog: string;
    dataDir: string;
    /** The demo newsroom as first seeded, for files that start a server of their own. */
    seededData: string;
  }
}

/**
 * One production server with the demo newsroom for the whole e2e run. In the e2e-pg project (its
 * DATABASE_URL names the test PostgreSQL server) a first server seeds a database and stops; that
 * database is the template every server of the run copies, the shared one included.
 */
export default async function setup(project: TestProject) {
  const seeded = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-e2e-seeded-'));
  const configured = project.config.env?.DATABASE_URL;
  const pgServer = isPostgresUrl(configured) ? configured : undefined;
  let server: Awaited<ReturnType<typeof startServer>>;
  if (pgServer) {
    const seeder = await startServer({}, { pgServer, keepDatabase: true });
    saveSeededData(seeder.dataDir, seeded);
    await seeder.stop();
    server = await startServer({}, { pgServer, seeded });
  } else {
    server = await startServer();
    // Before any test writes to it: the other servers start from this copy instead of seeding.
    saveSeededData(server.dataDir, seeded);
  }
  project.provide('baseURL', server.baseURL);
  project.provide('serverLog', server.logFile);
  project.provide('dataDir', server.dataDir);
  project.provide('seededData', seeded);
  return async () => {
    await server.stop();
    const template = seededDatabase(seeded);
    if (pgServer && template) await dropPgDatabase(pgServer, template);
    fs.rmSync(seeded, { recursive: true, force: true });
  };
}
