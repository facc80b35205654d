/**
 * A long-running part of a process (a worker, a loop, a listener, a heartbeat), started and
 * stopped by one lifecycle. Modeled on River's `startstop.Service`: `stop` is safe before `start`
 * and twice, and a stopped service may be started again (the leader's maintenance services are,
 * at each election).
 */
export interface Service {
  /** Names the service in logs and start-up errors, e.g. `jobs.rescuer`. */
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What a service does when it starts and stops; `defineService` makes the calls safe. */
export interface ServiceSteps {
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
}

/**
 * Wraps `steps` in the `Service` guarantees: a start while running and a stop while stopped do
 * nothing, a stop during a start waits for the start and then stops, and two stops share one.
 *
 * @example
 * const ticker = defineService('demo.ticker', {
 *   start: () => { timer = setInterval(tick, 1_000); },
 *   stop: () => clearInterval(timer),
 * });
 */
export function defineService(name: string, steps: ServiceSteps): Service {
  let running = false;
  // Every start and stop queues behind the one before, so they never interleave.
  let last: Promise<void> = Promise.resolve();
  const after = (step: () => Promise<void>): Promise<void> => {
    const next = last.then(step);
    last = next.catch(() => undefined);
    return next;
  };
  return {
    name,
    start: () =>
      after(async () => {
        if (running) return;
        await steps.start();
        running = true;
      }),
    stop: () =>
      after(async () => {
        if (!running) return;
        running = false;
        await steps.stop();
      }),
  };
}

/**
 * Services started in the order given and stopped in the reverse, as one service. When one
 * fails to start, those already started are stopped before the error is thrown on.
 */
export function serviceGroup(name: string, services: Service[]): Service {
  let started: Service[] = [];
  return defineService(name, {
    async start() {
      started = [];
      try {
        for (const service of services) {
          await service.start();
          started.push(service);
        }
      } catch (error) {
        await stopInReverse(started);
        throw error;
      }
    },
    stop: () => stopInReverse(started),
  });
}

async function stopInReverse(services: Service[]): Promise<void> {
  for (const service of [...services].reverse()) await service.stop();
}
