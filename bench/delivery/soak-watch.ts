// The delivery soak from Meridian's side: the services' nodes as the database has them, read
// every few seconds. A node holding a certificate is expired once PostgreSQL's `now()` is past
// its `expires_at` (Meridian's view of what the node runs: its last acknowledged version), and
// in danger past its service's `danger_at`; a node holding one whose renewal (or its retry) is
// due (`renew_at` passed) with no slot waits for the dispatcher (first deliveries are left out:
// the release makes every node due at once). The watch keeps the most of each seen at once, and
// every node seen expired.
import type pg from 'pg';

export interface FleetSample {
  /** Nodes holding a certificate (one acknowledged at least). */
  holding: number;
  expired: number;
  danger: number;
  /** Deliveries holding a slot. */
  inFlight: number;
  /** Nodes holding a certificate, due (a renewal or its retry), without a slot yet. */
  waiting: number;
  /** The longest one of them has been due, seconds. */
  longestWait: number;
}

export interface FleetWatch {
  samples: number;
  last?: FleetSample;
  /** The most seen at once, over every sample. */
  most: { expired: number; danger: number; waiting: number; longestWait: number };
  /** Every node seen expired, by name. */
  expiredNodes: Set<string>;
}

export const fleetWatch = (): FleetWatch => ({
  samples: 0,
  most: { expired: 0, danger: 0, waiting: 0, longestWait: 0 },
  expiredNodes: new Set(),
});

const waitingRenewal = `n.expires_at IS NOT NULL AND n.renew_at <= now()
  AND (n.delivering_until IS NULL OR n.delivering_until <= now())`;

/** Reads the services' nodes once (one pass over them) into `watch`; the sample. */
export async function sampleFleet(
  client: pg.Client,
  serviceIds: string[],
  watch: FleetWatch,
): Promise<FleetSample> {
  const { rows } = await client.query(
    `SELECT count(n.expires_at)::int AS holding,
            count(*) FILTER (WHERE n.expires_at <= now())::int AS expired,
            count(*) FILTER (WHERE n.expires_at > now()
              AND n.issued_at + (n.expires_at - n.issued_at) * s.danger_at <= now())::int AS danger,
            count(*) FILTER (WHERE n.delivering_until > now())::int AS in_flight,
            count(*) FILTER (WHERE ${waitingRenewal})::int AS waiting,
            coalesce(extract(epoch FROM now() - min(n.renew_at) FILTER (WHERE ${waitingRenewal})), 0)::float8
              AS longest_wait,
            coalesce(array_agg(n.name) FILTER (WHERE n.expires_at <= now()), '{}') AS expired_names
       FROM delivery_nodes n JOIN delivery_services s ON s.id = n.service_id
      WHERE n.service_id = ANY($1)`,
    [serviceIds],
  );
  const row = rows[0];
  const sample: FleetSample = {
    holding: row.holding,
    expired: row.expired,
    danger: row.danger,
    inFlight: row.in_flight,
    waiting: row.waiting,
    longestWait: row.longest_wait,
  };
  watch.samples++;
  watch.last = sample;
  for (const key of ['expired', 'danger', 'waiting', 'longestWait'] as const) {
    watch.most[key] = Math.max(watch.most[key], sample[key]);
  }
  for (const name of row.expired_names as string[]) watch.expiredNodes.add(name);
  return sample;
}
