import { createHash } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT, admitRequest } from '@/lib/server/request-guards';
import { rawChunkedRequest, rawRequest } from '../helpers/raw-http';

/**
 * The guard in front of a stand-in for Next that reads the body it is handed, as Next's action
 * handler does, and answers with what it got: what reaches Next, and what never does.
 */
let base = '';
let server: http.Server;
let handed = 0;
const sockets: net.Socket[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    void admitRequest(req, res).then(async (admitted) => {
      if (!admitted) return;
      handed++;
      const chunks: Buffer[] = [];
      for await (const chunk of admitted) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          method: admitted.method,
          url: admitted.url,
          action: admitted.headers['next-action'] ?? null,
          address: admitted.socket.remoteAddress,
          length: body.length,
          sha: createHash('sha256').update(body).digest('hex'),
        }),
      );
    });
  });
  server.on('connection', (socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const action = (type = 'text/plain;charset=UTF-8') => ({ 'Next-Action': 'a1b2c3', 'Content-Type': type });
const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
function* pieces(total: number, size = 64 * 1024) {
  for (let sent = 0; sent < total; sent += size) yield Buffer.alloc(Math.min(size, total - sent), 0x61);
}

describe('admitRequest', () => {
  it('hands Next an action body that is JSON text, byte for byte, with the request as it came', async () => {
    const body = JSON.stringify([42, 'مرحبا', { nested: ['$undefined'] }]);
    const res = await rawRequest(base, '/admin/articles/new?x=1', {
      method: 'POST',
      headers: action(),
      body,
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      method: 'POST',
      url: '/admin/articles/new?x=1',
      action: 'a1b2c3',
      address: '127.0.0.1',
      length: Buffer.byteLength(body),
      sha: sha(body),
    });
  });

  it.each(['[1,2', '{"$K1":', '', 'not json at all', '<a/>'])(
    'refuses an action text body that is not JSON (%j) with 400, Arabic first',
    async (body) => {
      const before = handed;
      const res = await rawRequest(base, '/admin', { method: 'POST', headers: action(), body });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.body).toBe('طلب غير صالح: محتوى الطلب تالف.\nBad request: the request body is malformed.\n');
      expect(handed).toBe(before);
    },
  );

  it('hands Next a multipart action body under the limit unchanged', async () => {
    const file = Buffer.alloc(900 * 1024, 0xff);
    const body = Buffer.concat([
      Buffer.from(
        '--b0undaryX\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n' +
          '--b0undaryX\r\nContent-Disposition: form-data; name="1_file"; filename="a.jpg"\r\n' +
          'Content-Type: image/jpeg\r\n\r\n',
      ),
      file,
      Buffer.from('\r\n--b0undaryX--\r\n'),
    ]);
    const res = await rawChunkedRequest(base, '/admin/media', {
      headers: action('multipart/form-data; boundary=b0undaryX'),
      body: [body.subarray(0, 300_000), body.subarray(300_000)],
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ length: body.length, sha: sha(body) });
  });

  it('refuses a chunked action body that grows past the limit with 413, and stops reading it', async () => {
    const before = handed;
    const read = new Promise<number>((resolve) =>
      server.once('connection', (socket: net.Socket) =>
        socket.once('close', () => resolve(socket.bytesRead)),
      ),
    );
    const res = await rawChunkedRequest(base, '/admin/articles/new', {
      headers: action(),
      body: pieces(8 * ACTION_BODY_LIMIT),
    });
    expect(res.status).toBe(413);
    expect(res.body).toBe('الطلب أكبر من المسموح.\nRequest too large.\n');
    expect(handed).toBe(before);
    // The connection closed long before the 8 MiB were read.
    expect(await read).toBeLessThan(3 * ACTION_BODY_LIMIT);
  });

  it('hands Next a chunked action body of exactly the limit', async () => {
    const body = Buffer.from(JSON.stringify(['x'.repeat(ACTION_BODY_LIMIT - 4)]));
    expect(body.length).toBe(ACTION_BODY_LIMIT);
    const res = await rawChunkedRequest(base, '/admin', {
      headers: action(),
      body: [body.subarray(0, 1000), body.subarray(1000)],
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ length: body.length, sha: sha(body) });
  });

  it('leaves a request that is not an action alone: an upload larger than the action limit flows through', async () => {
    const total = 3 * ACTION_BODY_LIMIT;
    const res = await rawChunkedRequest(base, '/api/media', {
      headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
      body: pieces(total),
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ action: null, length: total });
  });

  it('keeps answering after a client that left mid-body', async () => {
    const before = handed;
    await new Promise<void>((resolve) => {
      const socket = net.connect(Number(new URL(base).port), '127.0.0.1', () => {
        socket.write(
          'POST /admin HTTP/1.1\r\nHost: x\r\nNext-Action: a\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n[1,',
          () => socket.destroy(),
        );
      });
      socket.on('close', () => resolve());
    });
    const res = await rawRequest(base, '/admin', { method: 'POST', headers: action(), body: '[]' });
    expect(res.status).toBe(200);
    expect(handed).toBe(before + 1);
  });
});
