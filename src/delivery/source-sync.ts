import { type Db, transaction } from '../platform/db/database.ts';
import { defineJob } from '../platform/jobs/define.ts';
import { openPrivateKey } from './certificates/key-envelope.ts';
import type { Delivery } from './delivery.ts';
import { startDueDeliveries } from './dispatch.ts';
import {
  diffNodes,
  NodeSourceError,
  parseNodeSource,
  readNodeSource,
  type S3Credentials,
} from './node-source.ts';
import { firstDeliveryAt } from './pull.ts';
import { deleteNodes, insertNodes, nodeNames } from './store/nodes.ts';
import { findService, lockService, recordSourceRead, sourcesDue } from './store/services.ts';
import type { ServiceRow } from './store/tables.ts';

// Keeping a service's nodes in step with its node source (docs/design/delivery-node-sources.md):
// each read sends the last ETag, so an unchanged list costs a 304; a changed one adds and
// removes the nodes that came from the source. A failed read changes no node (the error is
// kept on the service for the customer), and an empty list removes nodes only when the service
// allows it: a list emptied by mistake would otherwise stop delivery to the whole fleet.

/** One read of one service's node source. */
export const syncSourceJob = defineJob<{ serviceId: string }>('delivery.sync_source', {
  // The next periodic read is the retry.
  maxAttempts: 1,
});

/** Enqueues the reads of the sources whose last read is older than DELIVERY_SOURCE_SYNC_SECONDS. */
export const syncDueSourcesJob = defineJob('delivery.sync_due_sources', { maxAttempts: 1 });

/** The sweep runs as often as sources are read, and at least every 10 s. */
export function syncDueSourcesPeriodic(sourceSyncMs: number) {
  return {
    name: syncDueSourcesJob.kind,
    every: Math.min(Math.max(sourceSyncMs, 1_000), 10_000),
    job: syncDueSourcesJob.spec(),
  };
}

/** Reads the service's source soon (at most one read of a service is waiting or running). */
export async function enqueueSourceSync(delivery: Delivery, tx: Db, serviceId: string) {
  await delivery.core.jobs.enqueue(
    syncSourceJob.spec({ serviceId }, { uniqueKey: `delivery.sync_source:${serviceId}` }),
    { tx },
  );
}

export async function syncDueSources(delivery: Delivery): Promise<void> {
  const { core, settings } = delivery;
  const before = new Date(Date.now() - settings.sourceSyncMs);
  const ids = await sourcesDue(core.database.db, before, 1_000);
  await core.jobs.enqueueMany(
    ids.map((serviceId) =>
      syncSourceJob.spec({ serviceId }, { uniqueKey: `delivery.sync_source:${serviceId}` }),
    ),
  );
}

/** Reads the service's node source once and applies what changed. */
export async function syncSource(
  delivery: Delivery,
  serviceId: string,
  signal: AbortSignal,
): Promise<void> {
  const { db } = delivery.core.database;
  const service = await findService(db, serviceId);
  if (!service?.source_location) return;
  const at = new Date();
  let read: Awaited<ReturnType<typeof readNodeSource>>;
  try {
    read = await readSource(delivery, service, signal);
  } catch (error) {
    if (!(error instanceof NodeSourceError)) throw error;
    await recordSourceRead(db, serviceId, { at, error: error.message, synced: false });
    return;
  }
  if (!read.changed) {
    await recordSourceRead(db, serviceId, { at, error: null, synced: true });
    return;
  }
  await applyList(delivery, serviceId, read.nodes, read.etag ?? null, at);
}

async function readSource(delivery: Delivery, service: ServiceRow, signal: AbortSignal) {
  const allowPrivate = delivery.core.config.outboundAllowPrivate;
  return readNodeSource(
    parseNodeSource(service.source_location as string, { allowHttp: allowPrivate }),
    {
      etag: service.source_etag ?? undefined,
      credentials: service.source_credentials
        ? await openCredentials(delivery, service.source_credentials)
        : undefined,
      s3Endpoint: service.source_s3_endpoint ?? undefined,
      s3Region: service.source_s3_region ?? undefined,
      allowPrivate,
      signal,
    },
  );
}

async function openCredentials(delivery: Delivery, sealed: string): Promise<S3Credentials> {
  const opened = openPrivateKey(sealed, await delivery.secret());
  return JSON.parse(Buffer.from(opened).toString('utf8')) as S3Credentials;
}

/** Adds and removes the source's nodes as `listed` says, in one transaction. */
async function applyList(
  delivery: Delivery,
  serviceId: string,
  listed: string[],
  etag: string | null,
  at: Date,
): Promise<void> {
  await transaction(delivery.core.database.db, async (tx) => {
    const service = await lockService(tx, serviceId);
    if (!service) return;
    const current = await nodeNames(tx, serviceId, 'source');
    if (listed.length === 0 && current.length > 0 && !service.allow_empty_source) {
      // The ETag is not kept, so the next read looks at the list again.
      const error = `the node source lists no nodes: the ${current.length} nodes it listed before are kept (set node_source.allow_empty to let an empty list remove them)`;
      await recordSourceRead(tx, serviceId, { at, error, synced: false });
      return;
    }
    const { added, removed } = diffNodes(current, listed);
    await deleteNodes(tx, serviceId, removed);
    const firstDue = firstDeliveryAt(service, delivery.core.clock.now());
    await insertNodes(tx, serviceId, added, 'source', firstDue);
    await recordSourceRead(tx, serviceId, { at, etag, error: null, synced: true });
    if (added.length > 0) await startDueDeliveries(delivery, tx, service);
  });
}
