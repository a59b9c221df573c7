/**
 * The one structured logger: JSON lines on stderr, a namespace per module.
 * Server code logs through `logger('engine')` and never calls console directly; the drivers in
 * `hardware/` are handed such a logger (`DeviceLog`) by the server.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type LogSink = (line: string) => void;

let threshold: LogLevel = 'info';
let sink: LogSink = (line) => process.stderr.write(`${line}\n`);

/** Set by the composition root from configuration (tests usually pass `silent`). */
export function configureLogging(options: { level?: LogLevel; sink?: LogSink }): void {
  if (options.level) threshold = options.level;
  if (options.sink) sink = options.sink;
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function logger(namespace: string): Logger {
  const write = (level: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    if (rank[level] < rank[threshold]) return;
    sink(JSON.stringify({ t: new Date().toISOString(), level, ns: namespace, msg, ...fields }, errorReplacer));
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/**
 * Errors keep what whoever reads the log needs to find the fault: the stack (which names the
 * file and line), a system error's code (`ENOSPC`, `EACCES`) and the error it was caused by.
 * `JSON.stringify` alone would write `{}` for an Error.
 */
function errorReplacer(_key: string, value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const code = (value as NodeJS.ErrnoException).code;
  return {
    name: value.name,
    message: value.message,
    ...(code !== undefined && { code }),
    ...(value.stack !== undefined && { stack: value.stack }),
    ...(value.cause !== undefined && { cause: value.cause }),
  };
}
