import { sql } from 'kysely';
import { Type } from 'typebox';
import type { App } from '../http/app.ts';
import { problemResponses } from '../http/schemas.ts';
import type { Core } from '../module.ts';
import { Problem } from '../problems.ts';
import { observeConfig } from './config.ts';
import { isSilent } from './instances.ts';

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
  /** When it was judged dead (its process gone, or silent); cleared if it beats again. */
  lost_at: Type.Union([Type.Unsafe<Date>({ type: 'string', format: 'date-time' }), Type.Null()]),
  /** Why: `process gone`, `no heartbeat for N s`. */
  lost_reason: Type.Union([Type.String(), Type.Null()]),
  /** Running jobs released to other workers because it was lost. */
  released_jobs: Type.Integer(),
});

export function observeRoutes(app: App, core: Core): void {
  const { db } = core.database;
  const { heartbeatMs } = observeConfig.of(core.config);
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
        summary: 'Meridian processes: live, lost (process gone or no heartbeat) and stopped',
        security: [{ bearer: [] }],
        response: {
          200: Type.Object({ items: Type.Array(Instance) }),
          ...problemResponses('unauthorized', 'forbidden'),
        },
      },
    },
    async () => {
      // Lost: marked so (its jobs released), or silent for three of its beats and not yet
      // marked (no process running jobs has judged it).
      const rows = await db
        .selectFrom('instances')
        .select([
          'id',
          'hostname',
          'pid',
          'role',
          'version',
          'started_at',
          'heartbeat_at',
          'stopped_at',
          'lost_at',
          'lost_reason',
          'released_jobs',
        ])
        .select(isSilent(heartbeatMs).as('silent'))
        .orderBy('started_at', 'desc')
        .limit(1000)
        .execute();
      const items = rows.map(({ silent, ...row }) => ({
        ...row,
        state: row.stopped_at
          ? ('stopped' as const)
          : !silent && !row.lost_at
            ? ('live' as const)
            : ('lost' as const),
      }));
      return { items };
    },
  );
}
