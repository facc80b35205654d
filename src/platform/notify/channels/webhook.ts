import type { Db } from '../../db/database.ts';
import type { Outbound } from '../../outbound/client.ts';
import { newWebhookSecret } from '../../outbound/signing.ts';
import { requireCallableTarget } from '../../outbound/target-guard.ts';
import { Problem } from '../../problems.ts';
import type { Delivery } from '../service.ts';
import * as store from '../store.ts';

// Webhooks: URLs a user registers, each with its own signing secret (shown once), called with
// a Standard Webhooks signed POST per notification. The webhook-id is the delivery's id, the
// same on every retry, so a receiver can drop duplicates.

/** Every notification fans out to each endpoint: a cap keeps one user from multiplying the work. */
export const maxEndpointsPerUser = 25;

/** Registers an endpoint after checking that Meridian may call it; the result has the secret. */
export async function createWebhookEndpoint(
  db: Db,
  userId: string,
  endpoint: { url: string; description?: string },
  allowPrivate: boolean,
) {
  await requireCallableTarget(endpoint.url, allowPrivate);
  if ((await store.countWebhookEndpoints(db, userId)) >= maxEndpointsPerUser) {
    throw new Problem(
      'unprocessable',
      `You have ${maxEndpointsPerUser} webhook endpoints, the most allowed; delete one first`,
    );
  }
  return store.insertWebhookEndpoint(db, {
    userId,
    url: endpoint.url,
    description: endpoint.description ?? '',
    secret: newWebhookSecret(),
  });
}

/** The body a receiver gets: Standard Webhooks' recommended `{ type, timestamp, data }`. */
export function webhookBody(delivery: Delivery): string {
  const { id, userId, event, title, body, data, at } = delivery;
  return JSON.stringify({
    type: event,
    timestamp: at,
    data: { id, user_id: userId, title, body, data },
  });
}

export interface WebhookChannel {
  deliver(delivery: Delivery, signal: AbortSignal): Promise<void>;
}

export function createWebhookChannel(db: Db, outbound: Outbound): WebhookChannel {
  return {
    async deliver(delivery, signal) {
      const endpoint = await store.findWebhookEndpoint(db, delivery.targetId as string);
      if (!endpoint) return; // deleted since: nothing to deliver to
      const response = await outbound.postSignedWebhook(endpoint.url, {
        id: delivery.id,
        secret: endpoint.secret,
        body: webhookBody(delivery),
        signal,
      });
      if (response.status < 200 || response.status > 299) {
        throw new Error(`webhook endpoint answered ${response.status}: ${response.excerpt}`);
      }
    },
  };
}
