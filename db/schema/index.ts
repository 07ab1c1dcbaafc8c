/**
 * `@/db/schema`: the tables every query imports, those of the engine this process runs on
 * (db/engine.ts). Both dialects' files declare the same tables under the same names with the same
 * TypeScript shapes (tests/unit/schema-parity.test.ts), so queries are typed against the SQLite
 * declarations and run unchanged on PostgreSQL.
 */
import { ENGINE } from '../engine';
import * as pg from './pg';
import * as sqlite from './sqlite';

export * from './shared';

const chosen = (ENGINE === 'pg' ? pg : sqlite) as unknown as typeof sqlite;

export const users = chosen.users;
export const sections = chosen.sections;
export const tags = chosen.tags;
export const media = chosen.media;
export const articles = chosen.articles;
export const articleTags = chosen.articleTags;
export const articleAuthors = chosen.articleAuthors;
export const redirects = chosen.redirects;
export const articleViews = chosen.articleViews;
export const settings = chosen.settings;
export const sessions = chosen.sessions;
export const loginAttempts = chosen.loginAttempts;
export const auditLog = chosen.auditLog;
export const revisions = chosen.revisions;
export const articleLocks = chosen.articleLocks;
export const corrections = chosen.corrections;
export const articleReturns = chosen.articleReturns;
export const staticPages = chosen.staticPages;
export const accountTokens = chosen.accountTokens;
export const cacheInvalidations = chosen.cacheInvalidations;
export const contentVersion = chosen.contentVersion;
export const importItems = chosen.importItems;
export const importRuns = chosen.importRuns;
export const importMedia = chosen.importMedia;
