import { uuidv7 } from 'uuidv7';
import { type Db, isUniqueViolation, transaction } from '../platform/db/database.ts';
import { type ExpectedVersion, versionMismatch } from '../platform/http/concurrency.ts';
import { Problem } from '../platform/problems.ts';
import { ensureAuthority } from './authority.ts';
import type { Delivery } from './delivery.ts';
import { allowedRangesOf, requireReachableTemplates } from './ranges.ts';
import type { ServiceInput, ServicePatch } from './schemas.ts';
import { checkNodeSource, checkSettings } from './service-input.ts';
import { enqueueSourceSync } from './source-sync.ts';
import * as store from './store/services.ts';
import type { ServiceRow } from './store/tables.ts';

// The rules of services: onboarding (create), changes, removal. A certificate service gets its
// organisation's CA made on the way; a service with a node source is read at once, then every
// DELIVERY_SOURCE_SYNC_SECONDS.

/** The service as its organisation's members see it; no credentials, sealed or not. */
export function serviceJson(service: ServiceRow, notes?: string[]) {
  return {
    id: service.id,
    org_id: service.org_id,
    name: service.name,
    kind: service.kind,
    lifetime_minutes: service.lifetime_minutes,
    renewal_window: {
      start: service.window_start,
      end: service.window_end,
      danger_at: service.danger_at,
    },
    mode: service.mode,
    push_url_template: service.push_url_template,
    fetch_url_template: service.fetch_url_template,
    static_metadata: service.static_metadata,
    concurrency: service.concurrency,
    node_source: nodeSourceJson(service),
    failure_alarm_ratio: service.failure_alarm_ratio,
    version: service.version,
    created_at: service.created_at,
    updated_at: service.updated_at,
    ...(notes && notes.length > 0 ? { notes } : {}),
  };
}

export function nodeSourceJson(service: ServiceRow) {
  if (!service.source_location) return null;
  return {
    location: service.source_location,
    s3_endpoint: service.source_s3_endpoint,
    s3_region: service.source_s3_region,
    has_credentials: service.source_credentials !== null,
    allow_empty: service.allow_empty_source,
    etag: service.source_etag,
    checked_at: service.source_checked_at,
    synced_at: service.source_synced_at,
    error: service.source_error,
  };
}

/** The service, when it exists (the caller checks its organisation). */
export async function requireService(db: Db, serviceId: string): Promise<ServiceRow> {
  const service = await store.findService(db, serviceId);
  if (!service) throw new Problem('not-found', `No delivery service ${serviceId}`);
  return service;
}

/** Onboards a service; `notes` remark on an accepted but unwise window. */
export async function createService(delivery: Delivery, input: ServiceInput) {
  const allowPrivate = delivery.core.config.outboundAllowPrivate;
  const allowed = await allowedRangesOf(delivery.core.database.db, input.org_id);
  const { fields, notes } = checkSettings(input, allowPrivate, allowed);
  await requireReachableTemplates(delivery, input.org_id, input);
  const source = input.node_source ?? null;
  const secret = source?.access_key_id ? await delivery.secret() : undefined;
  const sourceFields = checkNodeSource(source, allowPrivate, secret);
  if (input.kind === 'certificate') await ensureAuthority(delivery, input.org_id);
  const service = await transaction(delivery.core.database.db, async (tx) => {
    const created = await nameChecked(input.name, () =>
      store.insertService(tx, {
        ...fields,
        ...sourceFields,
        id: uuidv7(),
        org_id: input.org_id,
        lifetime_minutes: input.lifetime_minutes,
        concurrency: input.concurrency,
        failure_alarm_ratio: input.failure_alarm_ratio,
      }),
    );
    if (created.source_location) await enqueueSourceSync(delivery, tx, created.id);
    return created;
  });
  return { service, notes };
}

/**
 * Changes a service (all but its organisation and kind). A new node source is read at once; a
 * new window or lifetime applies from each node's next delivery.
 */
export async function updateService(
  delivery: Delivery,
  current: ServiceRow,
  patch: Omit<ServicePatch, 'version'>,
  expected: ExpectedVersion | undefined,
) {
  const allowPrivate = delivery.core.config.outboundAllowPrivate;
  const allowed = await allowedRangesOf(delivery.core.database.db, current.org_id);
  const { fields, notes } = checkSettings(mergedSettings(current, patch), allowPrivate, allowed);
  await requireReachableTemplates(delivery, current.org_id, patch);
  const sourceFields =
    patch.node_source === undefined
      ? {}
      : checkNodeSource(
          patch.node_source,
          allowPrivate,
          patch.node_source?.access_key_id ? await delivery.secret() : undefined,
        );
  const service = await transaction(delivery.core.database.db, async (tx) => {
    const updated = await nameChecked(fields.name, () =>
      store.updateService(
        tx,
        current.id,
        {
          ...fields,
          ...sourceFields,
          lifetime_minutes: patch.lifetime_minutes,
          concurrency: patch.concurrency,
          failure_alarm_ratio: patch.failure_alarm_ratio,
        },
        expected?.version,
      ),
    );
    if (!updated) {
      const now = await requireService(tx, current.id);
      throw versionMismatch(expected as ExpectedVersion, now.version);
    }
    if (patch.node_source) await enqueueSourceSync(delivery, tx, updated.id);
    return updated;
  });
  return { service, notes };
}

function mergedSettings(current: ServiceRow, patch: Omit<ServicePatch, 'version'>) {
  const window = patch.renewal_window ?? {
    start: current.window_start,
    end: current.window_end,
    danger_at: current.danger_at,
  };
  return {
    name: patch.name ?? current.name,
    kind: current.kind,
    mode: current.mode,
    renewal_window: window,
    push_url_template: patch.push_url_template ?? current.push_url_template,
    fetch_url_template: patch.fetch_url_template ?? current.fetch_url_template,
    static_metadata: patch.static_metadata ?? current.static_metadata,
  };
}

/** Removes the service with its nodes; their pending deliveries find nothing and end. */
export async function deleteService(db: Db, serviceId: string): Promise<void> {
  await transaction(db, async (tx) => {
    // Locked first: its nodes go with it, and a delivery ending on one of them holds its row.
    const locked = await store.lockService(tx, serviceId);
    if (!locked || !(await store.deleteService(tx, serviceId))) {
      throw new Problem('not-found', `No delivery service ${serviceId}`);
    }
  });
}

async function nameChecked<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error, 'delivery_services_name')) throw error;
    throw new Problem(
      'service-name-taken',
      `The organisation already has a delivery service named ${name}`,
      { name },
    );
  }
}
