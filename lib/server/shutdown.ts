import type http from 'node:http';
import net from 'node:net';

/**
 * State shared between the custom server (scripts/start.ts) and the Next code in the same
 * process (readiness route, view counter, scheduler, database): through globalThis, because
 * Next bundles its own copies of our modules.
 */
interface ProcessHooks {
  midadDraining?: boolean;
  midadFlushViews?: () => Promise<void>;
  midadScheduler?: NodeJS.Timeout;
  /** Closes the process database, whichever engine it is on (set by db/client.ts getDb). */
  midadCloseDb?: () => Promise<void>;
}
const hooks = globalThis as ProcessHooks;

/** True from the moment a stop signal arrives: readiness answers 503 from then on. */
export function isDraining(): boolean {
  return hooks.midadDraining === true;
}

/**
 * While draining, every answer asks the client to close its connection, so a keep-alive
 * socket is not kept open by a client that would send another request.
 */
export function markResponseWhileDraining(res: http.ServerResponse): void {
  if (isDraining() && !res.headersSent) res.setHeader('Connection', 'close');
}

export interface ShutdownOptions {
  /** Busy connections get this long to finish before they are cut (idle ones close at once). */
  graceMs?: number;
  log?: (message: string, extra?: Record<string, unknown>) => void;
  exit?: (code: number) => void;
}

/** What is done once the last connection is gone: pending work written, the database closed. */
export async function releaseResources(log: (message: string) => void = () => {}): Promise<void> {
  try {
    await hooks.midadFlushViews?.();
  } catch (error) {
    log(`shutdown: view counts not written: ${error instanceof Error ? error.message : error}`);
  }
  if (hooks.midadScheduler) {
    clearInterval(hooks.midadScheduler);
    hooks.midadScheduler = undefined;
  }
  try {
    await hooks.midadCloseDb?.();
  } catch (error) {
    log(`shutdown: database not closed cleanly: ${error instanceof Error ? error.message : error}`);
  }
}

/**
 * SIGTERM/SIGINT: stop listening (new connections are refused), let every request in flight
 * finish, close idle keep-alive sockets, then release resources and exit 0. Busy sockets get
 * `graceMs`; the whole stop stays within ten seconds.
 *
 * Node's own server.close() also closes every connection without a request in progress, and
 * that includes one accepted a moment ago whose request bytes are not read yet: under load
 * that cuts off readers who were already waiting. So the listener is closed with net's close,
 * and a connection is closed only once it has been answered (or at the deadline).
 */
export function installGracefulShutdown(server: http.Server, options: ShutdownOptions = {}): void {
  const graceMs = options.graceMs ?? 8_000;
  const log = options.log ?? ((m: string) => console.log(m));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const sockets = new Map<net.Socket, { requests: number; active: number }>();
  let stopping = false;
  let started = 0;

  // A connection that has not sent a request yet is left alone until the deadline: its request
  // may be waiting, unread, in the kernel while the event loop renders other pages, and no timer
  // can tell that apart from a browser's idle preconnect.
  const sweep = () => {
    for (const [socket, state] of sockets) {
      // end(), not destroy(): the last answer may still be in the socket's buffer.
      if (state.active === 0 && state.requests > 0) socket.end();
    }
  };
  let accepted = 0;
  server.on('connection', (socket: net.Socket) => {
    accepted += 1;
    sockets.set(socket, { requests: 0, active: 0 });
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const state = sockets.get(req.socket);
    if (!state) return;
    state.requests += 1;
    state.active += 1;
    res.once('close', () => {
      state.active -= 1;
      // The answer is out: once draining, the socket has nothing more to do.
      if (stopping) setImmediate(sweep);
    });
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    started = Date.now();
    hooks.midadDraining = true;
    log(`midad: ${signal} received, draining ${sockets.size} connection(s)`, { signal });
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      clearInterval(sweeper);
      void releaseResources(log).finally(() => {
        log(`midad: stopped in ${Date.now() - started} ms`, { ms: Date.now() - started });
        exit(code);
      });
    };
    // Connections already waiting in the kernel's backlog are accepted (and served) rather than
    // reset by closing the listening socket: keep accepting until a check after a full turn of
    // the event loop (its poll phase accepts everything pending) finds no new connection, for
    // at least 200 ms and at most 2 s after the signal.
    let seen = accepted;
    const closeWhenQuiet = () =>
      setTimeout(
        () =>
          setImmediate(() => {
            const waited = Date.now() - started;
            if ((accepted !== seen || waited < 200) && waited < 2_000) {
              seen = accepted;
              closeWhenQuiet();
              return;
            }
            net.Server.prototype.close.call(server, () => finish(0));
            log('midad: listener closed; new connections are refused');
            sweep();
          }),
        50,
      );
    closeWhenQuiet();
    const sweeper = setInterval(sweep, 100);
    setTimeout(() => {
      log(`midad: ${sockets.size} connection(s) still busy after ${graceMs} ms, closing them`);
      for (const socket of sockets.keys()) socket.destroy();
      setTimeout(() => finish(0), 200).unref();
    }, graceMs).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
