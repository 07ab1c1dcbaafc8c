import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';

/**
 * The server log (issue 12, part 9): JSON lines with a request id, one line a request, and no
 * secret in it — a password, a session cookie, a bearer token and the setup token are planted
 * in requests and must each appear 0 times. Its own server, so the log holds only this file's.
 */
let server: RunningServer;
const PASSWORD = 'Planted-Password-7f3a9c';
const COOKIE = 'planted-session-value-51be02';
const BEARER = 'planted-bearer-token-c0ffee';
let setupToken = '';

beforeAll(async () => {
  server = await startServer();
  const link = fs.readFileSync(path.join(server.dataDir, 'setup-link.txt'), 'utf8');
  setupToken = /token=([\w-]+)/.exec(link)![1]!;
  expect((fs.statSync(path.join(server.dataDir, 'setup-link.txt')).mode & 0o777).toString(8)).toBe('600');
});

afterAll(async () => {
  await server.stop();
});

/** A request written by hand, so a path can hold what fetch would refuse to send. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(new URL(server.baseURL).port), '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (answer += c));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.on('connect', () => socket.write(request));
  });
}

type Line = Record<string, unknown> & { msg: string; reqId?: string; path?: string };
const lines = (): Line[] =>
  fs
    .readFileSync(server.logFile, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);

async function settle() {
  // The request line is written when the answer closes: wait until every request is logged.
  await new Promise((r) => setTimeout(r, 300));
}

describe('server log', () => {
  it('keeps planted secrets out and gives every request one JSON line with its id', async () => {
    const headers = { Cookie: `midad_session=${COOKIE}`, Authorization: `Bearer ${BEARER}` };
    await (await fetch(`${server.baseURL}/admin/setup?token=${setupToken}`, { headers })).text();
    await (await fetch(`${server.baseURL}/search?q=x&password=${PASSWORD}`, { headers })).text();
    const login = await fetch(`${server.baseURL}/admin/login`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `email=a%40b.example&password=${PASSWORD}`,
    });
    await login.text();

    const mine = await fetch(`${server.baseURL}/api/health`, {
      headers: { 'X-Request-Id': 'proxy-id-0042' },
    });
    expect(mine.headers.get('x-request-id')).toBe('proxy-id-0042');
    const unsafe = await fetch(`${server.baseURL}/api/health`, { headers: { 'X-Request-Id': 'a b"<x>' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    // CR/LF (encoded in the path, raw in nothing a parser accepts) stay inside one line.
    const answer = await raw(
      'GET /news/%0d%0a%7B%22msg%22:%22forged%22%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'User-Agent: agent%0d%0a{"msg":"forged"}\r\nConnection: close\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 [34]\d\d /);
    await settle();

    const text = fs.readFileSync(server.logFile, 'utf8');
    for (const secret of [PASSWORD, COOKIE, BEARER, setupToken])
      expect(text.split(secret).length - 1).toBe(0);
    const all = lines();
    // Every line of the log is JSON (the first start's seeding lines included).
    const nonJson = text.split('\n').filter((l) => l.trim() && !l.startsWith('{'));
    expect(nonJson).toEqual([]);
    expect(all.some((l) => l.msg === 'forged')).toBe(false);
    const requests = all.filter((l) => l.msg === 'request');
    expect(requests.every((l) => typeof l.reqId === 'string' && l.reqId.length >= 8)).toBe(true);
    const forged = requests.filter((l) => String(l.path).startsWith('/news/'));
    expect(forged).toHaveLength(1);
    expect(forged[0]!.path).toBe('/news/\r\n{"msg":"forged"}');
    const health = requests.filter((l) => l.reqId === 'proxy-id-0042');
    expect(health).toHaveLength(1);
    expect(health[0]).toMatchObject({ method: 'GET', path: '/api/health', status: 200 });
    expect(typeof health[0]!.ms).toBe('number');
    const search = requests.find((l) => l.path === '/search')!;
    expect(search).toHaveProperty('cache');
    // The setup notice says where the link is, not what it is.
    expect(all.some((l) => l.msg.includes('setup-link.txt'))).toBe(true);
  });
});
