import type { App } from '../http/app.ts';
import { decodeIdCursor, Page, PageQuery, pageOf } from '../http/pagination.ts';
import { problemResponses } from '../http/schemas.ts';
import { principalOf } from '../identity/authenticate.ts';
import type { Core } from '../module.ts';
import { Problem } from '../problems.ts';
import { notifyProblems } from './problems.ts';
import * as schemas from './schemas.ts';
import { getPreferences, putPreferences } from './service.ts';
import * as store from './store.ts';

const security = [{ bearer: [] }];
const tags = ['notifications'];

/** The in-app inbox, notification preferences, and the operators' built-in mailbox. */
export function notificationRoutes(app: App, core: Core): void {
  const { db } = core.database;
  const onRequest = core.auth.requireUser;

  app.get(
    '/v1/notifications',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Your in-app notifications, newest first, with the unread count',
        querystring: PageQuery,
        response: { 200: schemas.NotificationPage, ...problemResponses('unauthorized') },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const userId = principalOf(request).user.id;
      const rows = await store.listNotifications(db, userId, decodeIdCursor(cursor), limit + 1);
      return {
        ...pageOf(rows, limit, (row) => [row.id]),
        unread: await store.countUnread(db, userId),
      };
    },
  );

  app.post(
    '/v1/notifications/:notificationId/read',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Mark one notification read (again is harmless)',
        params: schemas.NotificationParams,
        response: {
          200: schemas.Notification,
          ...problemResponses('unauthorized', 'not-found'),
        },
      },
    },
    async (request) => {
      const { notificationId } = request.params;
      const row = await store.markRead(db, principalOf(request).user.id, notificationId);
      if (!row) throw new Problem('not-found', `No notification ${notificationId}`);
      return row;
    },
  );

  app.post(
    '/v1/notifications/read-all',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Mark all your notifications read',
        response: { 200: schemas.ReadAllResult, ...problemResponses('unauthorized') },
      },
    },
    async (request) => ({ marked: await store.markAllRead(db, principalOf(request).user.id) }),
  );

  app.get(
    '/v1/notifications/preferences',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Which events go to which channels (the defaults until you save your own)',
        response: { 200: schemas.Preferences, ...problemResponses('unauthorized') },
      },
    },
    async (request) => getPreferences(db, principalOf(request).user.id),
  );

  app.put(
    '/v1/notifications/preferences',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Replace your preferences: default channels, and channels per event',
        body: schemas.PreferencesBody,
        response: {
          200: schemas.Preferences,
          ...problemResponses(notifyProblems, 'unauthorized', 'unknown-channel'),
        },
      },
    },
    async (request) => putPreferences(db, principalOf(request).user.id, request.body),
  );

  app.get(
    '/v1/admin/mailbox',
    {
      onRequest: core.auth.requireOperator,
      schema: {
        tags: ['admin'],
        security,
        summary: 'Mail kept by the built-in mailbox (no SMTP_URL), newest first',
        querystring: PageQuery,
        response: {
          200: Page(schemas.MailboxMessage),
          ...problemResponses('unauthorized', 'forbidden'),
        },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const rows = await store.listMail(db, decodeIdCursor(cursor), limit + 1);
      return pageOf(rows, limit, (row) => [row.id]);
    },
  );
}
