import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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

beforeAll(async () => {
  // The demo newsroom as first seeded (a copy of its SQLite file, or of its PostgreSQL database).
  server = await startServer({ MIDAD_TEST_FAULTS: '1' }, { seeded: inject('seededData') });
});
afterAll(async () => {
  await server?.stop();
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
