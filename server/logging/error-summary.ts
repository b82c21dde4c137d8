import { errorChain } from '../store/database-unavailable.ts';
import type { LogFields } from './log-line.ts';

/** How many stack frames a logged failure keeps: enough to find the bug, one line in all. */
const MAX_FRAMES = 8;
const MAX_MESSAGE = 200;

type QueryError = Error & { query: string; params: unknown };

/** Drizzle's DrizzleQueryError: its message repeats the query and every bound value. */
function isQueryError(error: unknown): error is QueryError {
  return error instanceof Error && 'query' in error && typeof error.query === 'string';
}

/** A PostgreSQL error (pg's DatabaseError, PGlite's): a five-character SQLSTATE and a severity. */
function isDatabaseError(error: unknown): error is Error & Record<string, unknown> {
  if (!(error instanceof Error) || !('severity' in error)) return false;
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/** The class that threw (`DrizzleQueryError`, `DatabaseError`), which `name` often is not. */
export function classOf(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const constructorName = error.constructor.name;
  return constructorName && constructorName !== 'Error' ? constructorName : error.name;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

const identifier = (value: unknown) =>
  typeof value === 'string' && IDENTIFIER.test(value) ? value : undefined;

/**
 * What a query did, never what it was given: its first keyword and table
 * (`select payment_links`, `insert deliveries`).
 */
export function querySummary(sql: string): string {
  const text = sql.replaceAll('"', '');
  const verb = /^\s*(select|insert|update|delete|with|begin|commit|rollback)\b/i.exec(text);
  if (!verb?.[1]) return 'query';
  const table = /\b(?:from|into|update)\s+([a-z_][a-z0-9_]*)/i.exec(text)?.[1];
  return table ? `${verb[1].toLowerCase()} ${table.toLowerCase()}` : verb[1].toLowerCase();
}

/** The stack's frames only (no message line), joined into one line. */
function framesOf(error: Error): string | undefined {
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim().replace(/^at /, ''));
  return frames.length > 0 ? frames.join(' < ') : undefined;
}

/**
 * Log fields that say what failed without repeating what it carried (SPEC §9 "Logs"): the
 * error class and, for database errors, the SQLSTATE, the constraint and the query's verb and
 * table, never the driver's message (it quotes values: "Key (email)=(…) already exists") or
 * the query's parameters. Other errors keep a short message, masked like every log line.
 */
export function errorFields(error: unknown, options: { stack?: boolean } = {}): LogFields {
  const chain = errorChain(error);
  const top = chain[0];
  const query = chain.find(isQueryError);
  const database = chain.find(isDatabaseError);
  const fields: Record<string, string | undefined> = {
    error: classOf(top),
  };
  if (query || database) {
    if (database) {
      fields.sqlstate = String(database.code);
      fields.constraint = identifier(database.constraint);
    }
    if (query) fields.query = querySummary(query.query);
    const cause = chain.find((link) => link !== top && link instanceof Error);
    if (cause instanceof Error) fields.cause = classOf(cause);
  } else if (top instanceof Error) {
    fields.message = top.message.slice(0, MAX_MESSAGE);
  } else {
    fields.message = String(top).slice(0, MAX_MESSAGE);
  }
  if (options.stack && top instanceof Error) fields.stack = framesOf(top);
  return fields;
}
