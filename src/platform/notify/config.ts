import { defineConfigSection } from '../config.ts';

/** Where email goes, how push identifies the operator, and how deliveries retry. */
export const notifyConfig = defineConfigSection('notify', (env) => ({
  /** SMTP server for email (`smtp://user:pass@host:port`); unset keeps mail in the built-in mailbox. */
  smtpUrl: env.url('SMTP_URL', ['smtp:', 'smtps:'], 'smtp://user:pass@host:587'),
  /** The From of every email Meridian sends. */
  mailFrom: env.text('MAIL_FROM', 'Meridian <meridian@localhost>'),
  /** VAPID `sub` claim (RFC 8292): how a push service can reach the operator. */
  vapidSubject:
    env.url('VAPID_SUBJECT', ['mailto:', 'https:'], 'mailto:ops@example.com') ??
    'mailto:meridian@localhost',
  /** Attempts in all for each notification delivery job. */
  maxAttempts: env.integer('NOTIFY_MAX_ATTEMPTS', 10, 1, 100),
  /** Wait before a delivery's second attempt; doubled for each later one (capped at an hour). */
  retryBaseMs: env.integer('NOTIFY_RETRY_BASE_MS', 30_000, 1, 86_400_000),
}));

export type NotifyConfig = ReturnType<typeof notifyConfig.of>;
