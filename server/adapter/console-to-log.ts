import { format } from 'node:util';
import type { Logger } from '../logger.ts';
import { errorFields } from '../logging/error-summary.ts';

const LEVEL_OF = {
  debug: 'debug',
  trace: 'debug',
  log: 'info',
  info: 'info',
  warn: 'warn',
  error: 'error',
} as const;

/** What @hono/node-server prints when a client hangs up mid-answer: not a Paylink event. */
const CLIENT_ABORT_NOTICE = 'The user aborted a request.';

/**
 * Libraries print with `console.*` (Astro's page errors, @hono/node-server's stream errors):
 * in the production server that goes through the logger too, so that every line of output is
 * one escaped, masked line in LOG_FORMAT (SPEC §9 "Logs"). An Error is logged by its safe
 * summary (server/logging/error-summary.ts), never by its message and stack as printed.
 */
export function routeConsoleToLog(log: Logger): void {
  for (const [method, level] of Object.entries(LEVEL_OF)) {
    const write = (...args: unknown[]) => {
      const error = args.find((arg) => arg instanceof Error);
      const text = format(...args.filter((arg) => !(arg instanceof Error)));
      if (text === CLIENT_ABORT_NOTICE) return log.debug('client went away during the answer');
      const fields = error ? errorFields(error, { stack: true }) : {};
      log[level](text || 'error', { source: 'console', ...fields });
    };
    Object.defineProperty(console, method, { value: write, configurable: true, writable: true });
  }
}
