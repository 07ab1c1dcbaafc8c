import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * One HTTP/1.1 request written byte for byte on a socket: fetch() and URL would normalise
 * `..`, `%2e%2e`, backslashes and broken escapes before they ever reached the server.
 */
export function rawRequest(
  base: string,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const { hostname, port, host } = new URL(base);
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Host: host, Connection: 'close', ...options.headers };
  if (options.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(options.body));
  const head = `${method} ${target} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(30_000, () => socket.destroy(new Error(`timeout on ${target}`)));
    socket.on('connect', () =>
      socket.write(Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(options.body ?? '')])),
    );
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      try {
        resolve(parseAnswer(Buffer.concat(chunks), target));
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

/**
 * A request whose body goes out with Transfer-Encoding: chunked (no length declared), one
 * chunk per item of `body`, each written once the socket has room. Writing stops once the server
 * has answered or closed; a write the server cut off after answering is no failure.
 */
export function rawChunkedRequest(
  base: string,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body: Iterable<Buffer | string> },
): Promise<RawResponse> {
  const { hostname, port, host } = new URL(base);
  const headers: Record<string, string> = {
    Host: host,
    Connection: 'close',
    ...options.headers,
    'Transfer-Encoding': 'chunked',
  };
  const head = `${options.method ?? 'POST'} ${target} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let closed = false;
    let failure: Error | undefined;
    socket.setTimeout(30_000, () => socket.destroy(new Error(`timeout on ${target}`)));
    socket.on('data', (c: Buffer) => chunks.push(c));
    // The server has said all it will: a write still waiting for room is abandoned.
    socket.on('end', () => socket.destroy());
    // A reset after the answer (the server stopped reading) is expected; 'close' follows.
    socket.on('error', (error) => (failure = error));
    socket.on('close', () => {
      closed = true;
      try {
        resolve(parseAnswer(Buffer.concat(chunks), target));
      } catch (error) {
        reject(failure ?? (error as Error));
      }
    });
    const write = (data: Buffer | string) =>
      new Promise<void>((done) => {
        if (socket.write(data)) done();
        else socket.once('drain', done).once('close', done);
      });
    socket.on('connect', () => {
      void (async () => {
        await write(Buffer.from(head, 'latin1'));
        for (const item of options.body) {
          if (closed || chunks.length) return;
          const data = Buffer.from(item);
          await write(
            Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]),
          );
        }
        if (!closed) await write('0\r\n\r\n');
      })();
    });
  });
}

function parseAnswer(raw: Buffer, target: string): RawResponse {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) throw new Error(`no HTTP answer to ${target}: ${raw.toString('latin1').slice(0, 200)}`);
  const [statusLine, ...lines] = raw.subarray(0, split).toString('latin1').split('\r\n');
  const out: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body: Buffer = raw.subarray(split + 4);
  if (out['transfer-encoding']?.includes('chunked')) body = dechunk(body);
  return { status: Number(statusLine!.split(' ')[1]), headers: out, body: body.toString('utf8') };
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    const eol = data.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (!size) break;
    parts.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Runs `task` over `items` with at most `limit` at once (bounded load on a shared machine). */
export async function inBatches<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}
