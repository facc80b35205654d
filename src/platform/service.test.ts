import { describe, expect, it } from 'vitest';
import { defineService, serviceGroup } from './service.ts';

/** A service that writes what it does into `log`; `failStart` makes its start throw. */
function recorded(name: string, log: string[], options: { failStart?: boolean } = {}) {
  return defineService(name, {
    async start() {
      if (options.failStart) throw new Error(`${name} cannot start`);
      log.push(`start ${name}`);
    },
    async stop() {
      log.push(`stop ${name}`);
    },
  });
}

describe('a service', () => {
  it('does nothing when stopped before it started, or stopped twice', async () => {
    const log: string[] = [];
    const service = recorded('a', log);
    await service.stop();
    expect(log).toEqual([]);
    await service.start();
    await Promise.all([service.stop(), service.stop()]);
    await service.stop();
    expect(log).toEqual(['start a', 'stop a']);
  });

  it('starts once when started twice, and can start again after a stop', async () => {
    const log: string[] = [];
    const service = recorded('a', log);
    await Promise.all([service.start(), service.start()]);
    await service.stop();
    await service.start();
    expect(log).toEqual(['start a', 'stop a', 'start a']);
  });

  it('waits for a start in progress before it stops', async () => {
    const log: string[] = [];
    const { promise: startMayEnd, resolve: endStart } = Promise.withResolvers<void>();
    const service = defineService('slow', {
      async start() {
        await startMayEnd;
        log.push('started');
      },
      stop: () => {
        log.push('stopped');
      },
    });
    const starting = service.start();
    const stopping = service.stop();
    endStart();
    await Promise.all([starting, stopping]);
    expect(log).toEqual(['started', 'stopped']);
  });

  it('stays stopped when its start fails, so a stop after it does nothing', async () => {
    const log: string[] = [];
    const service = recorded('a', log, { failStart: true });
    await expect(service.start()).rejects.toThrow('a cannot start');
    await service.stop();
    expect(log).toEqual([]);
  });
});

describe('a group of services', () => {
  it('starts in order and stops in reverse', async () => {
    const log: string[] = [];
    const group = serviceGroup('all', [recorded('a', log), recorded('b', log), recorded('c', log)]);
    await group.start();
    await group.stop();
    expect(log).toEqual(['start a', 'start b', 'start c', 'stop c', 'stop b', 'stop a']);
  });

  it('stops what it started when a later service fails to start', async () => {
    const log: string[] = [];
    const group = serviceGroup('all', [
      recorded('a', log),
      recorded('b', log),
      recorded('c', log, { failStart: true }),
    ]);
    await expect(group.start()).rejects.toThrow('c cannot start');
    expect(log).toEqual(['start a', 'start b', 'stop b', 'stop a']);
  });
});
