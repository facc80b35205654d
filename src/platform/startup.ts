/**
 * A reason Meridian cannot start, or a one-off command cannot run, that the operator can act on:
 * bad configuration, a database that cannot be used, a data directory that is in use or out of
 * reach, a port that is taken. `main.ts` prints its message as one line (`meridian: …`) and exits
 * 2. Every other error is a bug and keeps its stack trace, so each kind of expected failure
 * extends this class (or is wrapped in it where it happens) rather than being listed in `main.ts`.
 *
 * @example
 * throw new StartupError(`cannot listen on ${host}:${port}: the port is in use (PORT)`);
 */
export class StartupError extends Error {}

/** A child process's stderr (or an error's message) as one line, for a `StartupError`. */
export function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}
