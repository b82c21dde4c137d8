/** A one-line-per-event logger. Callers pass no secrets: ids, codes and paths only. */
export type Logger = {
  debug: (message: string) => void;
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
};

const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];

export function createLogger(level: LogLevel): Logger {
  const threshold = LEVELS.indexOf(level);
  const at =
    (name: Exclude<LogLevel, 'silent'>, write: (line: string) => void) => (message: string) => {
      if (LEVELS.indexOf(name) >= threshold)
        write(`${new Date().toISOString()} ${name} ${message}`);
    };
  return {
    debug: at('debug', console.log),
    info: at('info', console.log),
    warn: at('warn', console.warn),
    error: at('error', console.error),
  };
}
