import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { MediaStorageSettings } from '@/lib/config';

/**
 * s3rver (a pure-JavaScript S3 server) in a process of its own on 127.0.0.1, on a free port,
 * storing under a temporary folder, with one fresh bucket. Its list continuation tokens use DES,
 * which Node's OpenSSL 3 serves only from the legacy provider, hence the flag.
 */
const SERVER = `
const S3rver = require('s3rver');
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[1] });
server.run().then((a) => console.log(JSON.stringify({ port: a.port })));
`;

export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function startS3Server() {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-s3-'));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', SERVER, directory], {
    cwd: process.cwd(),
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line).port));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const bucket = `midad-${randomBytes(4).toString('hex')}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
  });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  client.destroy();
  const settings: MediaStorageSettings = {
    kind: 's3',
    bucket,
    region: 'us-east-1',
    endpoint,
    credentials: S3RVER_CREDENTIALS,
  };
  return {
    endpoint,
    bucket,
    settings,
    /** The variables that point a Midad process at this bucket. */
    env: {
      MEDIA_STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    },
    async stop() {
      const gone = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid!, 'SIGTERM');
        await gone;
      } catch {
        // already gone
      }
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
