import { createPublicKey } from 'node:crypto';
import webpush from 'web-push';
import type { Db } from '../../db/database.ts';
import type { Outbound } from '../../outbound/client.ts';
import { requireCallableTarget } from '../../outbound/target-guard.ts';
import { Problem } from '../../problems.ts';
import type { Delivery } from '../service.ts';
import * as store from '../store.ts';

// Standard Web Push: the payload encrypted for the browser (RFC 8291, aes128gcm) and the request
// signed with Meridian's VAPID key (RFC 8292). `web-push` builds the request; Meridian's own
// outbound client sends it, so push services get the same guard and timeouts as webhooks.

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The VAPID key pair, made by the first process that needs it and kept in the database, so that
 * every process signs with the key browsers subscribed with. Read once per process.
 */
export function createVapidKeys(db: Db): () => Promise<VapidKeys> {
  let keys: Promise<VapidKeys> | undefined;
  return () => {
    keys ??= loadOrCreateVapidKeys(db).catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return keys;
  };
}

async function loadOrCreateVapidKeys(db: Db): Promise<VapidKeys> {
  if (!(await store.findVapidKeys(db)))
    await store.insertVapidKeys(db, webpush.generateVAPIDKeys());
  // Another process may have stored its pair first: everyone uses the stored one.
  const stored = await store.findVapidKeys(db);
  if (!stored) throw new Error('VAPID keys vanished after being stored');
  return { publicKey: stored.public_key, privateKey: stored.private_key };
}

const base64url = /^[A-Za-z0-9_-]+={0,2}$/;

/** The bytes of a base64url key, or undefined when it is not base64url of `length` bytes. */
function keyBytes(text: string, length: number): Buffer | undefined {
  if (!base64url.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.length === length ? bytes : undefined;
}

/** True for an uncompressed P-256 point that is on the curve (what the encryption needs). */
function isP256PublicKey(bytes: Buffer): boolean {
  if (bytes[0] !== 0x04) return false;
  try {
    createPublicKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: bytes.subarray(1, 33).toString('base64url'),
        y: bytes.subarray(33, 65).toString('base64url'),
      },
      format: 'jwk',
    });
    return true;
  } catch {
    return false;
  }
}

/** Every notification fans out to each subscription: a cap keeps one user from multiplying it. */
export const maxSubscriptionsPerUser = 50;

/**
 * Registers a browser's subscription for a user, after checking what encryption needs (a P-256
 * key and a 16-byte secret) and that Meridian may call the endpoint.
 */
export async function registerPushSubscription(
  db: Db,
  userId: string,
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } },
  allowPrivate: boolean,
) {
  const p256dh = keyBytes(subscription.keys.p256dh, 65);
  if (!p256dh || !isP256PublicKey(p256dh)) {
    throw new Problem(
      'invalid-push-subscription',
      'keys.p256dh must be an uncompressed P-256 public key, base64url (65 bytes)',
    );
  }
  if (!keyBytes(subscription.keys.auth, 16)) {
    throw new Problem('invalid-push-subscription', 'keys.auth must be 16 bytes, base64url');
  }
  await requireCallableTarget(subscription.endpoint, allowPrivate);
  if (
    (await store.countPushSubscriptions(db, userId, subscription.endpoint)) >=
    maxSubscriptionsPerUser
  ) {
    throw new Problem(
      'unprocessable',
      `You have ${maxSubscriptionsPerUser} push subscriptions, the most allowed; remove one first`,
    );
  }
  return store.upsertPushSubscription(db, {
    userId,
    endpoint: subscription.endpoint,
    p256dh: subscription.keys.p256dh,
    auth: subscription.keys.auth,
  });
}

// A push message carries at most 4096 bytes encrypted; leave room for the encryption header.
const maxPayloadBytes = 3000;

/** The JSON a service worker receives; an oversized one is cut (the inbox has it whole). */
export function pushPayload(delivery: Delivery): string {
  const { id, event, title, body, data, at } = delivery;
  const full = JSON.stringify({ id, event, title, body, data, at });
  if (Buffer.byteLength(full) <= maxPayloadBytes) return full;
  return JSON.stringify({
    id,
    event,
    title: title.slice(0, 200),
    body: body.slice(0, 500),
    at,
    truncated: true,
  });
}

export interface PushChannel {
  deliver(delivery: Delivery, signal: AbortSignal): Promise<void>;
}

export function createPushChannel(deps: {
  db: Db;
  outbound: Outbound;
  vapidKeys: () => Promise<VapidKeys>;
  subject: string;
}): PushChannel {
  return {
    async deliver(delivery, signal) {
      const subscription = await store.findPushSubscription(deps.db, delivery.targetId as string);
      if (!subscription) return; // unregistered since: nothing to deliver to
      const request = webpush.generateRequestDetails(
        {
          endpoint: subscription.endpoint,
          keys: { p256dh: subscription.p256dh, auth: subscription.auth },
        },
        pushPayload(delivery),
        {
          vapidDetails: { subject: deps.subject, ...(await deps.vapidKeys()) },
          TTL: 86_400,
          contentEncoding: 'aes128gcm',
        },
      );
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
      );
      const response = await deps.outbound.post(subscription.endpoint, {
        headers,
        body: request.body,
        signal,
      });
      // 404 and 410: the browser dropped the subscription (RFC 8030 §7.3); it will never work.
      if (response.status === 404 || response.status === 410) {
        await store.deletePushSubscription(deps.db, subscription.id);
        return;
      }
      if (response.status < 200 || response.status > 299) {
        throw new Error(`push service answered ${response.status}: ${response.excerpt}`);
      }
    },
  };
}
