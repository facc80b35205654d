import type { ColumnType, Generated, Selectable } from 'kysely';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../db/database.ts';

// SQL for notifications and nothing else: the inbox, preferences, push subscriptions, VAPID
// keys, webhook endpoints and the built-in mailbox. Lists are keyset pages on UUIDv7 ids; callers
// ask for `limit + 1` rows to learn if more follow. Inbox and mailbox read newest first.

type CreatedAt = ColumnType<Date, Date | undefined, never>;
/** A `jsonb` column: read as `T`, written as JSON text. */
type Json<T> = ColumnType<T, string, string>;

/** The notification tables as Kysely sees them (a type, so it fits `withTables`). */
export type NotifyTables = {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  push_subscriptions: PushSubscriptionsTable;
  vapid_keys: VapidKeysTable;
  webhook_endpoints: WebhookEndpointsTable;
  mailbox: MailboxTable;
};

export interface NotificationsTable {
  id: string;
  user_id: string;
  event: string;
  title: string;
  body: string;
  data: Json<unknown>;
  read_at: Date | null;
  created_at: CreatedAt;
}
export type NotificationRow = Selectable<NotificationsTable>;

export interface NotificationPreferencesTable {
  user_id: string;
  default_channels: string[];
  events: Json<Record<string, string[]>>;
  updated_at: Generated<Date>;
}
export type NotificationPreferencesRow = Selectable<NotificationPreferencesTable>;

export interface PushSubscriptionsTable {
  id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: CreatedAt;
}
export type PushSubscriptionRow = Selectable<PushSubscriptionsTable>;

/** One row: the VAPID key pair every process signs with. */
export interface VapidKeysTable {
  singleton: Generated<boolean>;
  public_key: string;
  private_key: string;
}

export interface WebhookEndpointsTable {
  id: string;
  user_id: string;
  url: string;
  description: string;
  secret: string;
  created_at: CreatedAt;
}
export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;

/** The built-in mailbox: what the email channel sent when no SMTP server is configured. */
export interface MailboxTable {
  id: string;
  to_address: string;
  from_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: CreatedAt;
}
export type MailRow = Selectable<MailboxTable>;

function tables(db: Db) {
  return db.withTables<NotifyTables>();
}

const notificationColumns = [
  'id',
  'event',
  'title',
  'body',
  'data',
  'read_at',
  'created_at',
] as const;

export function insertNotification(
  db: Db,
  row: { userId: string; event: string; title: string; body: string; data?: unknown },
) {
  return tables(db)
    .insertInto('notifications')
    .values({
      id: uuidv7(),
      user_id: row.userId,
      event: row.event,
      title: row.title,
      body: row.body,
      data: JSON.stringify(row.data ?? {}),
    })
    .returning(notificationColumns)
    .executeTakeFirstOrThrow();
}

/** A user's notifications, newest first, older than `before`. */
export function listNotifications(
  db: Db,
  userId: string,
  before: string | undefined,
  limit: number,
) {
  let query = tables(db)
    .selectFrom('notifications')
    .select(notificationColumns)
    .where('user_id', '=', userId);
  if (before) query = query.where('id', '<', before);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await tables(db)
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('unread'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.unread;
}

/** Marks one read (keeping the first read time); undefined if the user has no such notification. */
export function markRead(db: Db, userId: string, id: string) {
  return tables(db)
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .returning(notificationColumns)
    .executeTakeFirst();
}

export async function markAllRead(db: Db, userId: string): Promise<number> {
  const result = await tables(db)
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function findPreferences(db: Db, userId: string) {
  return tables(db)
    .selectFrom('notification_preferences')
    .select(['default_channels', 'events'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function savePreferences(
  db: Db,
  userId: string,
  preferences: { defaultChannels: string[]; events: Record<string, string[]> },
): Promise<void> {
  const values = {
    default_channels: preferences.defaultChannels,
    events: JSON.stringify(preferences.events),
  };
  await tables(db)
    .insertInto('notification_preferences')
    .values({ user_id: userId, ...values })
    .onConflict((conflict) =>
      conflict.column('user_id').doUpdateSet({ ...values, updated_at: sql<Date>`now()` }),
    )
    .execute();
}

export function findUserEmail(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['email', 'name'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

const subscriptionColumns = ['id', 'endpoint', 'created_at'] as const;

/** Registers a browser's subscription; the same endpoint again takes it over (new keys, new user). */
export function upsertPushSubscription(
  db: Db,
  row: { userId: string; endpoint: string; p256dh: string; auth: string },
) {
  const keys = { user_id: row.userId, p256dh: row.p256dh, auth: row.auth };
  return tables(db)
    .insertInto('push_subscriptions')
    .values({ id: uuidv7(), endpoint: row.endpoint, ...keys })
    .onConflict((conflict) => conflict.column('endpoint').doUpdateSet(keys))
    .returning(subscriptionColumns)
    .executeTakeFirstOrThrow();
}

export function listPushSubscriptions(
  db: Db,
  userId: string,
  after: string | undefined,
  limit: number,
) {
  let query = tables(db)
    .selectFrom('push_subscriptions')
    .select(subscriptionColumns)
    .where('user_id', '=', userId);
  if (after) query = query.where('id', '>', after);
  return query.orderBy('id').limit(limit).execute();
}

export function findPushSubscription(db: Db, id: string) {
  return tables(db)
    .selectFrom('push_subscriptions')
    .select(['id', 'endpoint', 'p256dh', 'auth'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Deletes a subscription; with `userId`, only that user's. True if one was deleted. */
export async function deletePushSubscription(
  db: Db,
  id: string,
  userId?: string,
): Promise<boolean> {
  let query = tables(db).deleteFrom('push_subscriptions').where('id', '=', id);
  if (userId) query = query.where('user_id', '=', userId);
  const result = await query.executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export function findVapidKeys(db: Db) {
  return tables(db)
    .selectFrom('vapid_keys')
    .select(['public_key', 'private_key'])
    .executeTakeFirst();
}

/** Stores a key pair unless another process stored one first (then the caller reads that). */
export async function insertVapidKeys(db: Db, keys: { publicKey: string; privateKey: string }) {
  await tables(db)
    .insertInto('vapid_keys')
    .values({ public_key: keys.publicKey, private_key: keys.privateKey })
    .onConflict((conflict) => conflict.column('singleton').doNothing())
    .execute();
}

const endpointColumns = ['id', 'url', 'description', 'created_at'] as const;

export function insertWebhookEndpoint(
  db: Db,
  row: { userId: string; url: string; description: string; secret: string },
) {
  return tables(db)
    .insertInto('webhook_endpoints')
    .values({
      id: uuidv7(),
      user_id: row.userId,
      url: row.url,
      description: row.description,
      secret: row.secret,
    })
    .returning([...endpointColumns, 'secret'])
    .executeTakeFirstOrThrow();
}

export function listWebhookEndpoints(
  db: Db,
  userId: string,
  after: string | undefined,
  limit: number,
) {
  let query = tables(db)
    .selectFrom('webhook_endpoints')
    .select(endpointColumns)
    .where('user_id', '=', userId);
  if (after) query = query.where('id', '>', after);
  return query.orderBy('id').limit(limit).execute();
}

export function findWebhookEndpoint(db: Db, id: string) {
  return tables(db)
    .selectFrom('webhook_endpoints')
    .select(['id', 'url', 'secret'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function deleteWebhookEndpoint(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await tables(db)
    .deleteFrom('webhook_endpoints')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** How many push subscriptions a user has, not counting `endpoint` (which a register replaces). */
export async function countPushSubscriptions(db: Db, userId: string, endpoint: string) {
  const row = await tables(db)
    .selectFrom('push_subscriptions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('endpoint', '!=', endpoint)
    .executeTakeFirstOrThrow();
  return row.count;
}

export async function countWebhookEndpoints(db: Db, userId: string) {
  const row = await tables(db)
    .selectFrom('webhook_endpoints')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.count;
}

/** The ids of a user's push subscriptions and webhook endpoints: one delivery job each. */
export async function listDeliveryTargets(db: Db, userId: string) {
  const subscriptions = await tables(db)
    .selectFrom('push_subscriptions')
    .select('id')
    .where('user_id', '=', userId)
    .execute();
  const endpoints = await tables(db)
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('user_id', '=', userId)
    .execute();
  return {
    pushSubscriptionIds: subscriptions.map((row) => row.id),
    webhookEndpointIds: endpoints.map((row) => row.id),
  };
}

/** Keeps a message; a retried delivery (same id) keeps it once. */
export async function insertMail(
  db: Db,
  mail: { id: string; to: string; from: string; subject: string; text: string; html: string },
): Promise<void> {
  await tables(db)
    .insertInto('mailbox')
    .values({
      id: mail.id,
      to_address: mail.to,
      from_address: mail.from,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
    })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}

/** The built-in mailbox, newest first, older than `before`. */
export function listMail(db: Db, before: string | undefined, limit: number) {
  let query = tables(db)
    .selectFrom('mailbox')
    .select([
      'id',
      'to_address',
      'from_address',
      'subject',
      'text_body',
      'html_body',
      'created_at',
    ]);
  if (before) query = query.where('id', '<', before);
  return query.orderBy('id', 'desc').limit(limit).execute();
}
