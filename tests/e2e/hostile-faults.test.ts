import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, openDb } from '@/db/client';
import { actionId } from '../helpers/actions';
import { startServer, type RunningServer } from '../helpers/server';

/**
 * A forced exception in a page, a route handler and a server action (the test-only triggers of
 * lib/server/test-faults.ts, switched on for this file's own server only) reaches the reader
 * as a plain error: no stack frame, no file path, no SQL.
 */
let server: RunningServer;
const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\bat \S+ \(|\n\s+at /],
  ['a file path', /\/work\/|node_modules|\.next\/server|\/tmp\/|lib\/server\/test-faults/],
  ['SQL', /SELECT \*|SQLITE_ERROR|FROM users/i],
  ['the error message', /forced fault/],
];

// A copy of the shared server's data (VACUUM INTO is consistent while it runs), so this server
// starts without seeding the demo newsroom again.
// ENGINE: sqlite-only — the copy is of the SQLite file; on PostgreSQL this server needs a database
// of its own made from the shared one's (CREATE DATABASE … TEMPLATE) or seeded afresh.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-faults-'));

beforeAll(async () => {
  const shared = openDb(path.join(inject('dataDir'), 'midad.db'));
  shared.$client.prepare('VACUUM INTO ?').run(path.join(dataDir, 'midad.db'));
  await closeDb(shared);
  server = await startServer({ MIDAD_TEST_FAULTS: '1' }, { dataDir });
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function expectPlain(body: string, what: string) {
  for (const [name, pattern] of LEAKS) expect(body, `${what} shows ${name}`).not.toMatch(pattern);
}

describe('forced exceptions give a plain error', () => {
  it('in a page', async () => {
    for (const path of ['/test-fault/throw', '/en/test-fault/throw']) {
      const res = await fetch(`${server.baseURL}${path}`);
      expect(res.status, path).toBe(500);
      const body = await res.text();
      expectPlain(body, path);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
    }
  });

  it('in a route handler', async () => {
    const res = await fetch(`${server.baseURL}/api/test-fault`);
    expect(res.status).toBe(500);
    expectPlain(await res.text(), 'the route handler');
  });

  it('in a server action', async () => {
    const res = await fetch(`${server.baseURL}/test-fault`, {
      method: 'POST',
      headers: {
        'Next-Action': actionId('testFaultAction'),
        'Content-Type': 'text/plain;charset=UTF-8',
        Accept: 'text/x-component',
        Origin: server.baseURL,
      },
      body: '[]',
    });
    expect(res.status).toBeGreaterThanOrEqual(500);
    expectPlain(await res.text(), 'the action');
  });

  it('the server keeps serving afterwards', async () => {
    expect((await fetch(`${server.baseURL}/api/health`)).status).toBe(200);
    expect((await fetch(`${server.baseURL}/`)).status).toBe(200);
  });
});

describe('without MIDAD_TEST_FAULTS the triggers do not exist', () => {
  it('the shared server answers 404 to each', async () => {
    const base = inject('baseURL');
    expect((await fetch(`${base}/api/test-fault`)).status).toBe(404);
    expect((await fetch(`${base}/test-fault/throw`)).status).toBe(404);
  });
});
