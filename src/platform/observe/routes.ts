import { sql } from 'kysely';
import { Type } from 'typebox';
import type { App } from '../http/app.ts';
import { problemResponses } from '../http/schemas.ts';
import type { Core } from '../module.ts';
import { Problem } from '../problems.ts';
import { lostAfterMs } from './heartbeat.ts';

const Instance = Type.Object({
  id: Type.String(),
  hostname: Type.String(),
  pid: Type.Integer(),
  role: Type.String(),
  version: Type.String(),
  state: Type.Union([Type.Literal('live'), Type.Literal('lost'), Type.Literal('stopped')]),
  started_at: Type.Unsafe<Date>({ type: 'string', format: 'date-time' }),
  heartbeat_at: Type.Unsafe<Date>({ type: 'string', format: 'date-time' }),
  stopped_at: Type.Union([Type.Unsafe<Date>({ type: 'string', format: 'date-time' }), Type.Null()]),
});

export function observeRoutes(app: App, core: Core): void {
  const { db } = core.database;
  // Once every migration is applied it stays so: later probes only ask the database to answer.
  let migrated = false;

  app.get(
    '/healthz',
    { schema: { tags: ['observe'], summary: 'The process is alive' } },
    async () => ({
      status: 'ok',
    }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['observe'],
        summary: 'The database answers and every migration is applied',
        response: {
          200: Type.Object({ status: Type.String() }),
          ...problemResponses('unavailable'),
        },
      },
    },
    async () => {
      try {
        await sql`SELECT 1`.execute(db);
        migrated ||= (await core.pendingMigrations()).length === 0;
      } catch (error) {
        core.log.warn({ err: error }, 'readiness check failed');
        throw new Problem('unavailable', 'The database does not answer');
      }
      if (!migrated) throw new Problem('unavailable', 'Migrations are still pending');
      return { status: 'ready' };
    },
  );

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(core.metrics.contentType).send(await core.metrics.metrics()),
  );

  app.get(
    '/v1/admin/instances',
    {
      onRequest: core.auth.requireOperator,
      schema: {
        tags: ['admin'],
        summary: 'Meridian processes: live, lost (no heartbeat) and stopped',
        security: [{ bearer: [] }],
        response: {
          200: Type.Object({ items: Type.Array(Instance) }),
          ...problemResponses('unauthorized', 'forbidden'),
        },
      },
    },
    async () => {
      const rows = await db
        .selectFrom('instances')
        .selectAll()
        .select(
          sql<boolean>`heartbeat_at > now() - ${lostAfterMs}::int * interval '1 millisecond'`.as(
            'fresh',
          ),
        )
        .orderBy('started_at', 'desc')
        .limit(1000)
        .execute();
      const items = rows.map(({ fresh, ...row }) => ({
        ...row,
        state: row.stopped_at
          ? ('stopped' as const)
          : fresh
            ? ('live' as const)
            : ('lost' as const),
      }));
      return { items };
    },
  );
}
