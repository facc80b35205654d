// The delivery benchmark's fleet: an organisation, its certificate services pushing to the node
// simulator, and their nodes inserted by SQL (one `INSERT … SELECT generate_series` per
// service, not due yet); then every node made due at once and each service handed to the
// module's dispatcher (`next_due_at`), which claims and pushes them as it would nodes registered
// through the API. Registering 100,000 nodes one by one through the API would take longer than
// delivering to them.
import pg from 'pg';

export interface Fleet {
  orgId: string;
  token: string;
  serviceIds: string[];
}

/** POSTs `body` as JSON (with a bearer `token`, if any); the answer, which must be a 201. */
export async function call<Answer = { id: string; token: string }>(
  url: string,
  token: string | undefined,
  path: string,
  body: unknown,
) {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as Answer;
  if (response.status !== 201)
    throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** Signs up, makes the organisation (its token and id): before the simulator starts. */
export async function createOrganisation(url: string): Promise<Omit<Fleet, 'serviceIds'>> {
  const user = await call(url, undefined, '/v1/auth/signup', {
    email: `bench-${Date.now()}@example.com`,
    password: 'bench-password',
    name: 'Bench',
  });
  const org = await call(url, user.token, '/v1/orgs', { name: 'Bench fleet' });
  return { orgId: org.id, token: user.token };
}

/**
 * `services` certificate services of `lifetimeMinutes` (the default renewal window),
 * `concurrency` each, pushing to `template`.
 */
export async function createServices(
  url: string,
  org: Omit<Fleet, 'serviceIds'>,
  services: number,
  concurrency: number,
  template: string,
  lifetimeMinutes = 60,
): Promise<string[]> {
  const ids: string[] = [];
  for (let s = 0; s < services; s++) {
    const service = await call(url, org.token, '/v1/delivery/services', {
      org_id: org.orgId,
      name: `fleet-${s}`,
      kind: 'certificate',
      lifetime_minutes: lifetimeMinutes,
      concurrency,
      push_url_template: template,
    });
    ids.push(service.id);
  }
  return ids;
}

/** Inserts `nodes` nodes spread over the services, due in a far future (nothing starts). */
export async function insertNodes(databaseUrl: string, serviceIds: string[], nodes: number) {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const each = Math.ceil(nodes / serviceIds.length);
    for (const [s, id] of serviceIds.entries()) {
      const from = s * each;
      const to = Math.min(nodes, from + each) - 1;
      await client.query(
        `INSERT INTO delivery_nodes (id, service_id, name, origin, renew_at)
         SELECT gen_random_uuid(), $1, 'node-' || g, 'api', '9999-01-01'
           FROM generate_series($2::int, $3::int) AS g`,
        [id, from, to],
      );
    }
    await client.query('ANALYZE delivery_nodes');
  } finally {
    await client.end();
  }
}

/** Makes every node due now and hands the services to the dispatcher (its next scan). */
export async function releaseNodes(databaseUrl: string, serviceIds: string[]) {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE delivery_nodes SET renew_at = now() WHERE service_id = ANY($1)', [
      serviceIds,
    ]);
    await client.query('UPDATE delivery_services SET next_due_at = now() WHERE id = ANY($1)', [
      serviceIds,
    ]);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/** Nodes acknowledged, as Meridian recorded them. */
export async function acknowledgedNodes(client: pg.Client, serviceIds: string[]): Promise<number> {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM delivery_nodes
      WHERE service_id = ANY($1) AND state = 'acknowledged'`,
    [serviceIds],
  );
  return rows[0].n;
}
