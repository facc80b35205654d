import { defineJob } from '../jobs/define.ts';
import type { Module } from '../module.ts';
import { eventsConfig } from './config.ts';
import { eventsProblems } from './problems.ts';
import { pruneEvents } from './store.ts';
import { deleteExpiredTickets } from './tickets.ts';

const pruneBatch = 10_000;

/** Deletes past events and expired stream tickets; enqueued every ten minutes. */
export const pruneEventsJob = defineJob('events.prune', { maxAttempts: 3 });

/**
 * The event log's tables, and its upkeep: events past `EVENT_RETENTION_HOURS` and expired stream
 * tickets are deleted every ten minutes. The bus and the gateway are started by the runtime.
 */
export const eventsModule: Module = {
  name: 'events',
  config: eventsConfig,
  migrations: new URL('./migrations/', import.meta.url),
  problems: eventsProblems,
  jobs: (core) => [
    pruneEventsJob.handle(async () => {
      const { db } = core.database;
      const cutoff = new Date(Date.now() - eventsConfig.of(core.config).retentionMs);
      while ((await pruneEvents(db, cutoff, pruneBatch)) === pruneBatch) {}
      await deleteExpiredTickets(db);
    }),
  ],
  periodic: [{ name: pruneEventsJob.kind, every: 600_000, job: pruneEventsJob.spec() }],
};
