import type { App } from '../http/app.ts';
import { decodeIdCursor, Page, pageOf } from '../http/pagination.ts';
import { problemResponses } from '../http/schemas.ts';
import type { Core } from '../module.ts';
import { AlertListQuery, AlertSchema } from './alert-schemas.ts';
import { listAlerts } from './alert-store.ts';

/** Operators' list of alerts, firing and resolved, newest first. */
export function alertRoutes(app: App, core: Core): void {
  app.get(
    '/v1/admin/alerts',
    {
      onRequest: core.auth.requireOperator,
      schema: {
        tags: ['admin'],
        security: [{ bearer: [] }],
        summary: 'Alerts, newest first: firing ones and their history (docs/operations.md)',
        querystring: AlertListQuery,
        response: {
          200: Page(AlertSchema),
          ...problemResponses('unauthorized', 'forbidden', 'invalid-cursor'),
        },
      },
    },
    async (request) => {
      const { limit, cursor, state, rule } = request.query;
      const rows = await listAlerts(
        core.database.db,
        { state, rule },
        decodeIdCursor(cursor),
        limit + 1,
      );
      return pageOf(rows, limit, (alert) => [alert.id]);
    },
  );
}
