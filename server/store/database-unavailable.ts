/**
 * SQLSTATEs that mean "the database cannot be reached or will not take us now", not "this
 * query is wrong": connection exceptions (class 08), operator intervention (57P01 admin
 * shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 57P04 database dropped), too many
 * connections, a database that refuses connections (`ALTER DATABASE … ALLOW_CONNECTIONS
 * false`: 55000), is gone (3D000), or no longer lets us in (class 28).
 */
const UNAVAILABLE_SQLSTATE = /^(?:08...|57P0[1-4]|53300|55000|3D000|28...)$/;

/** Socket failures on the way to the database server. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** The drivers' own words (fixed English, never localized) for a lost or refused connection. */
const UNAVAILABLE_MESSAGES: Readonly<Record<string, string>> = {
  'Connection terminated unexpectedly': 'connection terminated',
  'Connection terminated': 'connection terminated',
  'Connection terminated due to connection timeout': 'connect timeout',
  'timeout exceeded when trying to connect': 'pool timeout',
  'Client has encountered a connection error and is not queryable': 'connection error',
  'Client was closed and is not queryable': 'connection closed',
  'Cannot use a pool after calling end on the pool': 'pool closed',
  'PGlite is closed': 'pglite closed',
  'PGlite is closing': 'pglite closed',
};

/** The error and every error it wraps (`cause`, and each of an AggregateError's errors). */
export function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  const queue = [error];
  while (queue.length > 0 && chain.length < 10) {
    const next = queue.shift();
    if (next === undefined || next === null || chain.includes(next)) continue;
    chain.push(next);
    if (typeof next !== 'object') continue;
    queue.push((next as { cause?: unknown }).cause);
    const errors = (next as { errors?: unknown }).errors;
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return chain;
}

const codeOf = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : null;

/**
 * Why the database is out of reach, as a short fixed word (`ECONNREFUSED`, `57P01`,
 * `pool timeout`), or null when `error` is something else: a wrong query, a bug.
 */
export function databaseUnavailableReason(error: unknown): string | null {
  for (const link of errorChain(error)) {
    const code = codeOf(link);
    if (code && (UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) {
      return code;
    }
    if (link instanceof Error && Object.hasOwn(UNAVAILABLE_MESSAGES, link.message)) {
      return UNAVAILABLE_MESSAGES[link.message] ?? null;
    }
  }
  return null;
}

/** True while the database cannot answer: the request gets 503, not 500 (SPEC §9 "Outages"). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailableReason(error) !== null;
}
