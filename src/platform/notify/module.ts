import type { Module } from '../module.ts';
import { channelRoutes } from './channel-routes.ts';
import { notifyConfig } from './config.ts';
import { deliveryHandlers } from './jobs.ts';
import { notifyProblems } from './problems.ts';
import { notificationRoutes } from './routes.ts';

/**
 * Notifications: the inbox, preferences, push subscriptions, webhook endpoints, the built-in
 * mailbox, and the delivery jobs. `core.notify.send` (service.ts) is what other modules call.
 */
export const notifyModule: Module = {
  name: 'notify',
  config: notifyConfig,
  migrations: new URL('./migrations/', import.meta.url),
  problems: notifyProblems,
  async routes(app, core) {
    notificationRoutes(app, core);
    channelRoutes(app, core);
  },
  jobs: deliveryHandlers,
};
