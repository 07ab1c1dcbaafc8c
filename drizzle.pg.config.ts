import { defineConfig } from 'drizzle-kit';

/** PostgreSQL (DATABASE_URL=postgres://…). SQLite: drizzle.config.ts. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/pg.ts',
  out: './db/migrations/pg',
});
