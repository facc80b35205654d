import type { JobRegistration } from '../jobs/define.ts';
import type { Core } from '../module.ts';
import { createEmailChannel } from './channels/email.ts';
import { createPushChannel, createVapidKeys } from './channels/push.ts';
import { createWebhookChannel } from './channels/webhook.ts';
import { notifyConfig } from './config.ts';
import { emailDeliveryJob, pushDeliveryJob, webhookDeliveryJob } from './service.ts';

/**
 * The delivery jobs that `notify.send` enqueues, one kind per channel. A handler that throws
 * fails the attempt: the job engine retries it with backoff and, out of attempts, keeps it dead
 * with every error (GET /v1/admin/jobs), so no failed delivery goes unseen.
 */
export function deliveryHandlers(core: Core): JobRegistration[] {
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
  return [
    emailDeliveryJob.handle((job) => email.deliver(job.payload)),
    pushDeliveryJob.handle((job, { signal }) => push.deliver(job.payload, signal)),
    webhookDeliveryJob.handle((job, { signal }) => webhook.deliver(job.payload, signal)),
  ];
}
