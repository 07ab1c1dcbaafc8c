/**
 * `npm start`: builds when the build is missing or older than the sources, applies migrations,
 * seeds an empty database with the demo newsroom, then serves on PORT (default 3000).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { optimiseDatabase, prepareDatabase } from '@/db/client';
import { isDatabaseEmpty, seedDemo } from '@/db/seed';
import { ensureSearchIndex } from '@/db/search';
import { parseTrustProxy, withClientAddress } from '@/lib/auth/client-address';
import { prepareFirstRun } from '@/lib/auth/setup';
import { withPageCache, withoutPageCache } from '@/lib/page-cache/serve';
import { withSecurityHeaders } from '@/lib/security/respond';
import { withLegacyUrls } from '@/lib/server/legacy-urls';
import { LocalInvalidationBus } from '@/lib/page-cache/bus';
import { openChangeFeed } from '@/db/change-feed';
import { instanceId } from '@/db/mutations/outbox';
import { PageCacheStore } from '@/lib/page-cache/store';
import { getDatabasePath } from '@/lib/config';
import { listMediaStems } from '@/db/queries/media-files';
import { removeOrphanUploads } from '@/lib/media/orphans';
import { getMediaStorage } from '@/lib/media/storage';
import { routeConsoleToLogger, withRequestLog } from '@/lib/server/log';
import { installGracefulShutdown, markResponseWhileDraining } from '@/lib/server/shutdown';
import { admitRequest } from '@/lib/server/request-guards';
import { echoRequestId } from '@/lib/server/response-notes';
import { builtEncryptionKey, encryptionKeyProblem, isMultiInstance } from '@/lib/server/instances';
import { needsBuild } from './build-state';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const root = process.cwd();
/**
 * The reader-page cache, shared with the Next server code in this process through globalThis:
 * the newsroom invalidates by tag after its own writes (lib/cache-tags.ts) through the
 * invalidation bus, and a change made by another process (a second instance, the user CLI,
 * tests) reaches it through the outbox its transaction wrote (db/change-feed.ts): exactly the
 * pages it names go stale, or every page when the change cannot be explained.
 */
async function pageCache() {
  const store = new PageCacheStore(
    Number(process.env.MIDAD_PAGE_CACHE_MB || 64) * 1024 * 1024,
    Number(process.env.MIDAD_PAGE_CACHE_TTL || 60) * 1000,
  );
  const bus = new LocalInvalidationBus();
  bus.subscribe((message) => ('all' in message ? store.invalidateAll() : store.invalidate(message.tags)));
  const g = globalThis as { midadPageCache?: unknown };
  g.midadPageCache = {
    invalidate: (tags: string[]) => bus.publish({ tags }),
    invalidateAll: () => bus.publish({ all: true }),
    stats: () => store.stats(),
  };
  // One line every five minutes while pages are served: hit ratio and memory at a glance.
  let logged = '';
  setInterval(() => {
    const s = store.stats();
    const line = `page cache: ${s.entries} pages, ${(s.bytes / 1048576).toFixed(1)} MB; hits ${s.hits}, stale ${s.staleHits}, coalesced ${s.coalesced}, misses ${s.misses}, evicted ${s.evicted}`;
    if (line !== logged) console.log(`midad: ${line}`);
    logged = line;
  }, 300_000).unref();
  const feed = await openChangeFeed({ self: instanceId(), onInvalidation: (i) => bus.publish(i) });
  return { store, beforeLookup: feed.beforeLookup };
}

/**
 * The setup link holds a secret, so it goes to a file only this user can read, never into the
 * log (which is shipped and kept): the log says where the file is.
 */
function writeSetupLink(token: string | null): string {
  const file = path.join(path.dirname(getDatabasePath()), 'setup-link.txt');
  // Once an account exists the link is dead: its file goes too.
  if (token === null) {
    fs.rmSync(file, { force: true });
    return file;
  }
  fs.writeFileSync(file, `/admin/setup?token=${token}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return file;
}

async function main() {
  routeConsoleToLogger();
  const actionKey = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  if (isMultiInstance()) {
    const problem = encryptionKeyProblem(actionKey);
    if (problem) {
      console.error(`midad: not starting in multi-instance mode: ${problem}`);
      process.exit(1);
    }
  }
  // A build made with another action key would refuse the forms of instances that have this one.
  const otherKey = Boolean(actionKey) && builtEncryptionKey(root) !== actionKey;
  if (process.env.MIDAD_SKIP_BUILD !== '1' && (needsBuild(root) || otherKey)) {
    console.log(
      otherKey
        ? 'midad: building the site (NEXT_SERVER_ACTIONS_ENCRYPTION_KEY differs from the build’s)…'
        : 'midad: building the site (first start or changed sources)…',
    );
    const result = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], {
      stdio: 'inherit',
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  if (isMultiInstance() && builtEncryptionKey(root) !== actionKey) {
    console.error(
      'midad: not starting in multi-instance mode: the build was made with another NEXT_SERVER_ACTIONS_ENCRYPTION_KEY; build again with this one (`npm run build`).',
    );
    process.exit(1);
  }

  const db = await prepareDatabase();
  const media = getMediaStorage();
  if (media.kind !== 'local') console.log(`midad: media in ${media.description}`);
  if (await isDatabaseEmpty(db)) {
    console.log('midad: empty database, adding the demo newsroom…');
    await seedDemo(db, { media, log: (l) => console.log(`midad: ${l}`) });
  }
  // A database made before search existed gets its index once; then the planner's statistics.
  const indexed = await ensureSearchIndex(db);
  if (indexed !== null) console.log(`midad: built the search index (${indexed} articles)`);
  // A storage that cannot be swept now is swept at a later start; the site still starts. With
  // several instances on one media folder, another one may be mid-upload: its newest files wait.
  const sweep = media.kind === 'local' && isMultiInstance() ? { graceMs: 10 * 60_000 } : undefined;
  const stored = await listMediaStems(db);
  const orphans = await removeOrphanUploads(media, stored, sweep).catch((e: Error) => {
    console.error(`midad: could not sweep cut-off uploads: ${e.message}`);
    return 0;
  });
  if (orphans) console.log(`midad: removed ${orphans} file(s) of uploads cut off before they were stored`);
  optimiseDatabase(db);
  const firstRun = await prepareFirstRun(db, {
    email: process.env.MIDAD_ADMIN_EMAIL,
    password: process.env.MIDAD_ADMIN_PASSWORD,
  });

  const port = Number(process.env.PORT || 3000);
  const hostname = process.env.HOST || '0.0.0.0';
  const app = next({ dev: false, dir: root, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Whatever Next or a guard answers carries the request's id; the page cache's own answers
  // put it in their one header list (lib/server/response-notes.ts).
  const render = (req: http.IncomingMessage, res: http.ServerResponse) => {
    echoRequestId(res);
    void admitRequest(req, res).then((admitted) => admitted && handle(admitted, res));
  };
  // Login throttling keys on the client's address: from the socket, or through TRUST_PROXY's hops.
  const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
  // Every answer carries the security headers: the page cache's own answers (hits, 304s) send
  // the set stored with the page in one writeHead, and everything else gets it here before
  // Next sees the request, so a hit does not set them twice.
  const rendered = withSecurityHeaders(render);
  const cached =
    process.env.MIDAD_PAGE_CACHE === '0'
      ? withoutPageCache(rendered)
      : withPageCache(rendered, await pageCache());
  // Old WordPress addresses are answered before the page cache, which keeps `/?p=123` as `/`.
  const serve = withClientAddress(withLegacyUrls(cached), trustProxy);
  // One log line per request, whoever answers it.
  const server = http.createServer(
    withRequestLog((req, res) => {
      markResponseWhileDraining(res);
      return serve(req, res);
    }),
  );
  server.listen(port, hostname, () => {
    console.log(`midad: serving http://localhost:${port} (data in ${path.dirname(getDatabasePath())})`);
    if (firstRun.kind !== 'token') writeSetupLink(null);
    if (firstRun.kind === 'token') {
      const file = writeSetupLink(firstRun.token);
      console.log(`midad: no newsroom account yet; open the setup link in ${file} to create the first admin`);
    } else if (firstRun.kind === 'admin-created') {
      console.log(`midad: created the first admin, ${firstRun.email}, from MIDAD_ADMIN_EMAIL`);
    } else if (firstRun.kind === 'bad-password') {
      console.error(`midad: MIDAD_ADMIN_PASSWORD refused (${firstRun.problem}); no admin was created`);
    }
  });
  installGracefulShutdown(server);
}

main().catch((error: unknown) => {
  // A start that cannot finish (the database unreachable, a migration refused) stops the process,
  // so a supervisor sees the failure instead of a server that never listens.
  console.error(`midad: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
