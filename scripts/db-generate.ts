/**
 * `npm run db:generate [-- --name short_name]`: drizzle-kit generate for each engine in turn, after
 * a change to db/schema/sqlite.ts and db/schema/pg.ts (keep them alike: tests/unit/schema-parity).
 * SQL that drizzle-kit cannot write goes after a `-- hand-written:` line in the generated file.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const drizzleKit = path.join(process.cwd(), 'node_modules', '.bin', 'drizzle-kit');

for (const config of ['drizzle.config.ts', 'drizzle.pg.config.ts']) {
  console.log(`\n$ drizzle-kit generate --config ${config} ${process.argv.slice(2).join(' ')}`);
  const run = spawnSync(drizzleKit, ['generate', '--config', config, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
