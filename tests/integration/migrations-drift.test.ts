/**
 * Each engine's schema has nothing that its committed migrations lack: drizzle-kit generate, run
 * as `npm run db:generate` runs it but into a copy of the migrations folder, finds no change and
 * writes no file. A failure here means: run `npm run db:generate -- --name short_name`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from 'drizzle-kit';
import { afterAll, describe, expect, it } from 'vitest';
import sqliteConfig from '@/drizzle.config';
import pgConfig from '@/drizzle.pg.config';

const root = process.cwd();
const drizzleKit = path.join(root, 'node_modules', '.bin', 'drizzle-kit');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-drift-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Every file under `dir`, relative to it, with its contents. */
function snapshotFolder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = fs.readFileSync(file, 'utf8');
  }
  return files;
}

describe.each([
  ['SQLite', 'sqlite', sqliteConfig],
  ['PostgreSQL', 'pg', pgConfig],
] as const)('%s migrations', (_engine, name, config: Config) => {
  it('hold every change of the schema', () => {
    if (typeof config.schema !== 'string' || !config.out)
      throw new Error('expected one schema file and an out folder');
    const out = path.join(scratch, name);
    fs.cpSync(path.resolve(root, config.out), out, { recursive: true });
    const before = snapshotFolder(out);
    expect(Object.keys(before)).toContain(path.join('meta', '_journal.json'));

    const probeConfig = path.join(scratch, `${name}.config.ts`);
    // drizzle-kit reads `out` relative to the working directory, even when it is absolute.
    const probe = { ...config, schema: path.resolve(root, config.schema), out: path.relative(root, out) };
    fs.writeFileSync(probeConfig, `export default ${JSON.stringify(probe)};\n`);
    // No terminal: a change that drizzle-kit would ask about (a rename?) ends the run instead of waiting.
    const run = spawnSync(drizzleKit, ['generate', '--config', probeConfig], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(0);
    expect(output).toContain('No schema changes');
    expect(snapshotFolder(out)).toEqual(before);
  });
});
