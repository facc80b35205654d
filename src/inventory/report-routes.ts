import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { App } from '../platform/http/app.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import type { Core } from '../platform/module.ts';
import { requireMember } from './access.ts';
import { security, tags, userOf } from './catalogue-routes.ts';
import {
  type ReportName,
  ReportParams,
  ReportQuery,
  reportEnvelope,
  reportRows,
} from './report-schemas.ts';
import { reportRange, reports } from './reports.ts';

/** The reports, `GET /v1/orgs/:orgId/inventory/reports/<name>`: every member may read them. */
export function reportRoutes(app: App, core: Core): void {
  const { db } = core.database;
  for (const name of Object.keys(reports) as ReportName[]) {
    const report = reports[name];
    app.get(
      `/v1/orgs/:orgId/inventory/reports/${name}`,
      {
        onRequest: core.auth.requireUser,
        schema: {
          tags,
          security,
          summary: report.summary,
          params: ReportParams,
          querystring: ReportQuery,
          response: {
            200: {
              description: `JSON, or CSV (one line per row) with ?format=csv or Accept: text/csv`,
              content: {
                'application/json': { schema: reportEnvelope(name) },
                'text/csv': { schema: { type: 'string' } },
              },
            },
            ...problemResponses('unauthorized', 'not-found', 'bad-request'),
          },
        },
      },
      async (request, reply) => {
        const { orgId } = request.params;
        const query = request.query as Static<typeof ReportQuery>;
        await requireMember(core, orgId, userOf(request));
        const { from, to } = reportRange(name, core.clock.now(), query);
        const rows = await report.run(db, {
          orgId,
          from,
          to,
          groupBy: query.group_by,
          days: query.days,
        });
        if (wantsCsv(request, query.format)) {
          const columns = Object.keys(reportRows[name].properties);
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}-${from}-${to}.csv"`)
            .send(toCsv(columns, rows));
        }
        return { report: name, from, to, group_by: query.group_by, rows };
      },
    );
  }
}

function wantsCsv(request: FastifyRequest, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  return /\btext\/csv\b/.test(request.headers.accept ?? '');
}

/**
 * RFC 4180 CSV with a header line. A text cell that a spreadsheet would run as a formula (it
 * starts with =, +, -, @, tab or CR: item and location names are user input) is prefixed with '.
 */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const cell = (value: unknown) => {
    if (value === null || value === undefined) return '';
    if (typeof value !== 'string') return String(value);
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [
    columns.join(','),
    ...rows.map((row) => columns.map((c) => cell(row[c])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
