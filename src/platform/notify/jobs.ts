import type { JobHandler } from '../jobs/spec.ts';
import type { Core } from '../module.ts';
import { createEmailChannel } from './channels/email.ts';
import { createPushChannel, createVapidKeys } from './channels/push.ts';
import { createWebhookChannel } from './channels/webhook.ts';
import { notifyConfig } from './config.ts';
import type { Delivery } from './service.ts';

/**
 * The delivery jobs that `notify.send` enqueues, one kind per channel. A handler that throws
 * fails the attempt: the job engine retries it with backoff and, out of attempts, keeps it dead
 * with every error (GET /v1/admin/jobs), so no failed delivery goes unseen.
 */
export function deliveryHandlers(core: Core): Record<string, JobHandler> {
  const { db } = core.database;
  const { outbound } = core;
  const settings = notifyConfig.of(core.config);
  const email = createEmailChannel(db, settings);
  const push = createPushChannel({
    db,
    outbound,
    vapidKeys: createVapidKeys(db),
    subject: settings.vapidSubject,
  });
  const webhook = createWebhookChannel(db, outbound);
  return {
    'notify.email': (job) => email.deliver(job.payload as Delivery),
    'notify.push': (job, { signal }) => push.deliver(job.payload as Delivery, signal),
    'notify.webhook': (job, { signal }) => webhook.deliver(job.payload as Delivery, signal),
  };
}
