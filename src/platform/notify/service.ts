import { uuidv7 } from 'uuidv7';
import type { Db } from '../db/database.ts';
import type { Events } from '../events/publish.ts';
import { defineJob, type JobDefinition } from '../jobs/define.ts';
import type { Jobs } from '../jobs/queue.ts';
import type { JobSpec } from '../jobs/spec.ts';
import { Problem } from '../problems.ts';
import { eventNamePattern } from './schemas.ts';
import * as store from './store.ts';

/** Where a notification can go. */
export const channels = ['in_app', 'email', 'push', 'webhook'] as const;
export type Channel = (typeof channels)[number];

/**
 * The channels of an event the user has said nothing about. All four: push and webhook reach
 * only the browsers and endpoints a user registered, so they are opt-in already; email and the
 * inbox are how a fresh account hears anything at all.
 */
export const defaultChannels: readonly Channel[] = channels;

/** What a module sends (`core.notify.send`). */
export interface NotificationMessage {
  userId: string;
  /** What happened, e.g. `scheduler.task_failed`: preferences are per event. */
  event: string;
  title: string;
  body: string;
  /** Free-form JSON for clients (ids, links); shown in the inbox, push and webhook bodies. */
  data?: unknown;
  /**
   * The channels the user chose for this one thing (a scheduler task's own settings), instead of
   * their preferences for the event.
   */
  channels?: readonly string[];
  /**
   * At most these channels, of those the preferences (or `channels`) give: a sender that knows
   * the user is looking at the app right now passes `['in_app', 'webhook']` so that they are not
   * also emailed and pushed about what they can see.
   */
  limitTo?: readonly string[];
}

/** One delivery to one target: the payload of an email, push or webhook delivery job. */
export interface Delivery {
  /** Stable across retries: the email Message-ID, the webhook-id, the mailbox row id. */
  id: string;
  userId: string;
  event: string;
  title: string;
  body: string;
  data: unknown;
  at: string;
  /** The push subscription or webhook endpoint. */
  targetId?: string;
}

// One kind of delivery job per channel, so the dead-letter queue and the metrics tell them apart.
// A handler has a minute per attempt; the attempts and backoff are the notify settings'.
const deliveryDefaults = { timeoutMs: 60_000 };
export const emailDeliveryJob = defineJob<Delivery>('notify.email', deliveryDefaults);
export const pushDeliveryJob = defineJob<Delivery>('notify.push', deliveryDefaults);
export const webhookDeliveryJob = defineJob<Delivery>('notify.webhook', deliveryDefaults);

export interface Notify {
  /**
   * Sends a notification inside the caller's transaction: per the user's preferences it writes
   * the inbox row (published live on `user:<id>`) and enqueues one delivery job per email, push
   * subscription and webhook endpoint. Nothing happens unless the transaction commits.
   *
   * @example
   * await transaction(db, async (tx) => {
   *   await markTaskFailed(tx, task.id);
   *   await core.notify.send(tx, { userId: task.ownerId, event: 'scheduler.task_failed',
   *     title: `${task.name} failed`, body: error.message, data: { taskId: task.id } });
   * });
   */
  send(tx: Db, message: NotificationMessage): Promise<SendResult>;
}

export interface SendResult {
  /** The inbox row, when the in_app channel is on for this event. */
  notificationId: string | null;
  jobIds: number[];
}

export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
}

export function createNotify(deps: {
  jobs: Jobs;
  events: Pick<Events, 'publish'>;
  retry: RetryPolicy;
}): Notify {
  return {
    async send(tx, message) {
      checkMessage(message);
      const chosen = message.channels
        ? new Set(message.channels)
        : channelsOf(await store.findPreferences(tx, message.userId), message.event);
      const limit = message.limitTo;
      const enabled = limit ? new Set([...chosen].filter((name) => limit.includes(name))) : chosen;
      let notificationId: string | null = null;
      if (enabled.has('in_app')) {
        const row = await store.insertNotification(tx, message);
        await deps.events.publish(tx, {
          topic: `user:${message.userId}`,
          type: 'notification',
          data: row,
        });
        notificationId = row.id;
      }
      const targets =
        enabled.has('push') || enabled.has('webhook')
          ? await store.listDeliveryTargets(tx, message.userId)
          : { pushSubscriptionIds: [], webhookEndpointIds: [] };
      const delivery = (targetId?: string): Delivery => ({
        id: uuidv7(),
        userId: message.userId,
        event: message.event,
        title: message.title,
        body: message.body,
        data: message.data ?? {},
        at: new Date().toISOString(),
        targetId,
      });
      const specs: JobSpec<Delivery>[] = [
        ...(enabled.has('email') ? [deliveryJob(emailDeliveryJob, delivery(), deps.retry)] : []),
        ...(enabled.has('push') ? targets.pushSubscriptionIds : []).map((id) =>
          deliveryJob(pushDeliveryJob, delivery(id), deps.retry),
        ),
        ...(enabled.has('webhook') ? targets.webhookEndpointIds : []).map((id) =>
          deliveryJob(webhookDeliveryJob, delivery(id), deps.retry),
        ),
      ];
      const jobs = await deps.jobs.enqueueMany(specs, { tx });
      return { notificationId, jobIds: jobs.map((job) => job.id) };
    },
  };
}

/** Each delivery retries with exponential backoff, capped at an hour, then goes dead. */
function deliveryJob(
  definition: JobDefinition<Delivery>,
  payload: Delivery,
  retry: RetryPolicy,
): JobSpec<Delivery> {
  return definition.spec(payload, {
    maxAttempts: retry.maxAttempts,
    backoff: { initialMs: retry.baseMs, factor: 2, maxMs: 3_600_000 },
  });
}

const eventName = new RegExp(eventNamePattern);

/** A bad message is the calling module's bug: thrown, so its transaction rolls back. */
function checkMessage(message: NotificationMessage): void {
  if (!eventName.test(message.event)) {
    throw new Error(`notify.send: event "${message.event}" must match ${eventNamePattern}`);
  }
  if (!message.title) throw new Error('notify.send: a title is required');
  const named = [...(message.channels ?? []), ...(message.limitTo ?? [])];
  const unknown = named.filter((name) => !isChannel(name));
  if (unknown.length > 0) throw new Error(`notify.send: unknown channels ${unknown.join(', ')}`);
}

function isChannel(name: string): name is Channel {
  return (channels as readonly string[]).includes(name);
}

function channelsOf(
  preferences: { default_channels: string[]; events: Record<string, string[]> } | undefined,
  event: string,
): Set<string> {
  if (!preferences) return new Set(defaultChannels);
  return new Set(preferences.events[event] ?? preferences.default_channels);
}

/** The wire form of a user's preferences: the defaults until they save their own. */
export async function getPreferences(db: Db, userId: string) {
  const saved = await store.findPreferences(db, userId);
  return saved ?? { default_channels: [...defaultChannels], events: {} };
}

/** Replaces a user's preferences; a channel Meridian does not have is a 422 naming it. */
export async function putPreferences(
  db: Db,
  userId: string,
  preferences: { default_channels: string[]; events: Record<string, string[]> },
) {
  const named = [preferences.default_channels, ...Object.values(preferences.events)].flat();
  const unknown = named.filter((name) => !isChannel(name));
  if (unknown.length > 0) {
    throw new Problem(
      'unknown-channel',
      `Unknown channel ${[...new Set(unknown)].map((name) => `"${name}"`).join(', ')}; the channels are ${channels.join(', ')}`,
    );
  }
  await store.savePreferences(db, userId, {
    defaultChannels: preferences.default_channels,
    events: preferences.events,
  });
  return preferences;
}
