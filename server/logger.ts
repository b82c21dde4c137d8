import { type LogFields, jsonLine, textLine } from './logging/log-line.ts';

export type { LogFields } from './logging/log-line.ts';

type Write = (message: string, fields?: LogFields) => void;

/**
 * One line per event (SPEC §9 "Logs"), escaped so that nothing a client sends can break or
 * forge a line, with secrets, hashes and public ids masked. Callers pass a fixed message and
 * plain fields: numeric ids, codes, route patterns (`log.info('payment started', {link_id})`).
 */
export type Logger = {
  debug: Write;
  info: Write;
  warn: Write;
  error: Write;
  /**
   * The one place secrets are printed, whatever the level and unmasked: the demo merchant's
   * credentials on first start (SPEC §9). Never for anything else.
   */
  revealOnce: (message: string, fields: Readonly<Record<string, string>>) => void;
};

const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];
export type EventLevel = Exclude<LogLevel, 'silent'>;

export const LOG_FORMATS = ['text', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export type LoggerOptions = {
  /** `text` (readable, the default) or `json` (one object per line). */
  format?: LogFormat;
  /** Where a finished line goes; by default stdout, or stderr for warnings and errors. */
  write?: (line: string, level: EventLevel) => void;
  now?: () => Date;
};

function writeToConsole(line: string, level: EventLevel) {
  const stream = level === 'warn' || level === 'error' ? process.stderr : process.stdout;
  stream.write(`${line}\n`);
}

export function createLogger(level: LogLevel, options: LoggerOptions = {}): Logger {
  const threshold = LEVELS.indexOf(level);
  const format = options.format === 'json' ? jsonLine : textLine;
  const write = options.write ?? writeToConsole;
  const now = options.now ?? (() => new Date());
  const at =
    (name: EventLevel): Write =>
    (message, fields) => {
      if (LEVELS.indexOf(name) < threshold) return;
      write(format({ time: now(), level: name, message, ...(fields ? { fields } : {}) }), name);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    revealOnce(message, fields) {
      write(revealedLines(options.format ?? 'text', now(), message, fields), 'info');
    },
  };
}

/**
 * Text: a block a person reads once and copies from. JSON: one object, as every other line.
 * The values are Paylink's own (generated ids and keys), so nothing in them needs escaping
 * beyond what JSON does.
 */
function revealedLines(
  format: LogFormat,
  time: Date,
  message: string,
  fields: Readonly<Record<string, string>>,
): string {
  if (format === 'json') {
    return JSON.stringify({ time: time.toISOString(), level: 'info', msg: message, ...fields });
  }
  const width = Math.max(...Object.keys(fields).map((key) => key.length));
  const rows = Object.entries(fields).map(([key, value]) => `  ${key.padEnd(width)} ${value}`);
  return ['', message, ...rows, ''].join('\n');
}
