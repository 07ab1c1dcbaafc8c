/**
 * The transaction mode of every write in db/mutations: BEGIN IMMEDIATE takes the write lock
 * before the first read. A deferred transaction that reads and then writes fails at once with
 * SQLITE_BUSY (whatever busy_timeout says) when another connection wrote in between, because
 * its snapshot is stale; an immediate one waits for the lock instead and reads fresh data.
 * tests/integration/immediate-transactions.test.ts shows both and checks every call site.
 */
export const IMMEDIATE = { behavior: 'immediate' } as const;
