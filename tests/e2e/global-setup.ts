import type { TestProject } from 'vitest/node';
import { startServer } from '../helpers/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    serverLog: string;
    dataDir: string;
  }
}

/** One production server with the demo newsroom for the whole e2e run. */
export default async function setup(project: TestProject) {
  const server = await startServer();
  project.provide('baseURL', server.baseURL);
  project.provide('serverLog', server.logFile);
  project.provide('dataDir', server.dataDir);
  return async () => {
    await server.stop();
  };
}
