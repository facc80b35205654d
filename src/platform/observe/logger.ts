import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config, LogFormat } from '../config.ts';

/** What `LOG_FORMAT=auto` means: pretty for a person at a terminal, JSON for anything else. */
export function resolveLogFormat(format: LogFormat, stdoutIsTty: boolean): 'json' | 'pretty' {
  if (format !== 'auto') return format;
  return stdoutIsTty ? 'pretty' : 'json';
}

/**
 * The process's logger on stdout: JSON lines with ISO timestamps for collectors, or (on a
 * terminal, or with `LOG_FORMAT=pretty`) one coloured line per entry through pino-pretty. JSON
 * pays nothing for the pretty form: pino-pretty is loaded only when it is used.
 */
export function createLogger(
  config: Pick<Config, 'logLevel' | 'logFormat'>,
  stdoutIsTty: boolean = process.stdout.isTTY === true,
): Logger {
  const options = { level: config.logLevel, base: { pid: process.pid } };
  const json = () => pino({ ...options, timestamp: pino.stdTimeFunctions.isoTime });
  if (resolveLogFormat(config.logFormat, stdoutIsTty) === 'json') return json();
  const stream = prettyStream(stdoutIsTty);
  if (stream) return pino(options, stream);
  const log = json();
  log.warn('pino-pretty is not installed (npm ci installs it): logging JSON');
  return log;
}

type PrettyFactory = (options: Record<string, unknown>) => DestinationStream;

function prettyStream(colorize: boolean): DestinationStream | undefined {
  let pretty: PrettyFactory;
  try {
    pretty = createRequire(import.meta.url)('pino-pretty') as PrettyFactory;
  } catch {
    return undefined;
  }
  return pretty({
    colorize,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    // The fields on the same line as the message: one line per entry, so one per request.
    singleLine: true,
    // Written before the next statement runs, so a line logged just before an exit is not lost.
    sync: true,
  });
}
