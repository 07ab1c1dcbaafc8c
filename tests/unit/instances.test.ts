import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtEncryptionKey, encryptionKeyProblem, isMultiInstance } from '@/lib/server/instances';

describe('multi-instance mode', () => {
  it('is on for a PostgreSQL DATABASE_URL or MIDAD_MULTI_INSTANCE=1, off for SQLite', () => {
    expect(isMultiInstance({ DATABASE_URL: 'postgres://db.internal/midad' })).toBe(true);
    expect(isMultiInstance({ DATABASE_URL: 'postgresql://db.internal/midad' })).toBe(true);
    expect(isMultiInstance({ MIDAD_MULTI_INSTANCE: '1' })).toBe(true);
    expect(isMultiInstance({})).toBe(false);
    expect(isMultiInstance({ DATABASE_URL: 'file:/srv/midad/midad.db' })).toBe(false);
  });

  it('accepts only a base64 AES key, and says how to make one', () => {
    expect(encryptionKeyProblem(undefined)).toMatch(/openssl rand -base64 32/);
    expect(encryptionKeyProblem('not base64!')).toMatch(/16, 24 or 32 bytes/);
    expect(encryptionKeyProblem(Buffer.alloc(20).toString('base64'))).toMatch(/16, 24 or 32 bytes/);
    for (const n of [16, 24, 32])
      expect(encryptionKeyProblem(Buffer.alloc(n, 7).toString('base64'))).toBeNull();
  });

  it('reads the key a build was made with from its server reference manifest', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-build-'));
    expect(builtEncryptionKey(root)).toBeNull();
    fs.mkdirSync(path.join(root, '.next', 'server'), { recursive: true });
    fs.writeFileSync(
      path.join(root, '.next', 'server', 'server-reference-manifest.json'),
      JSON.stringify({ node: {}, edge: {}, encryptionKey: 'a2V5' }),
    );
    expect(builtEncryptionKey(root)).toBe('a2V5');
    fs.rmSync(root, { recursive: true, force: true });
  });
});
