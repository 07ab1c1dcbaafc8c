import { defineConfig } from 'drizzle-kit';

/** SQLite, the default engine. PostgreSQL: drizzle.pg.config.ts. `npm run db:generate` runs both. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/sqlite.ts',
  out: './db/migrations/sqlite',
});
