import 'server-only';

/**
 * Forced exceptions for the hostile-input suite (tests/e2e/hostile-faults.test.ts). They exist
 * only when the test server sets MIDAD_TEST_FAULTS=1; in production every trigger is a 404.
 */
export function testFaultsEnabled(): boolean {
  return process.env.MIDAD_TEST_FAULTS === '1';
}

/** An error that carries what must never reach a reader: SQL, a file path and (as any Error) a stack. */
export function forcedFault(where: string): Error {
  return new Error(
    `forced fault in ${where}: SQLITE_ERROR near "SELECT * FROM users WHERE id = ?" at ${__filename}`,
  );
}
