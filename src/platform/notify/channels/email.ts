import nodemailer from 'nodemailer';
import type { Db } from '../../db/database.ts';
import { CancelJob } from '../../jobs/spec.ts';
import type { NotifyConfig } from '../config.ts';
import type { Delivery } from '../service.ts';
import { findUserEmail, insertMail } from '../store.ts';

// Email: SMTP through nodemailer when SMTP_URL is set, otherwise the built-in mailbox table (an
// operator reads it at GET /v1/admin/mailbox), so a fresh install still shows what it sent.

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEscapes[char] as string);
}

/**
 * The plain-text and HTML bodies of a notification email. Title and body are the sender's text
 * and may carry anything a user typed, so the HTML escapes every character that could start
 * markup; blank lines become paragraphs and single line breaks `<br>`.
 */
export function renderEmail(delivery: Pick<Delivery, 'event' | 'title' | 'body'>): RenderedEmail {
  const footer = `Sent by Meridian for the event ${delivery.event}. Your notification preferences say which events email you.`;
  const paragraphs = delivery.body
    .split(/\r?\n\s*\r?\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
  return {
    subject: delivery.title.replace(/[\r\n]+/g, ' '),
    text: `${delivery.title}\n\n${delivery.body}\n\n-- \n${footer}\n`,
    html: `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(delivery.title)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 40em">
<h1 style="font-size: 1.25em">${escapeHtml(delivery.title)}</h1>
${paragraphs}
<p style="color: #666; font-size: 0.85em">${escapeHtml(footer)}</p>
</body></html>
`,
  };
}

export interface EmailChannel {
  deliver(delivery: Delivery): Promise<void>;
}

export function createEmailChannel(
  db: Db,
  config: Pick<NotifyConfig, 'smtpUrl' | 'mailFrom'>,
): EmailChannel {
  // No pool: a connection per message, so an idle process holds no SMTP connection open.
  const transport = config.smtpUrl
    ? nodemailer.createTransport({
        url: config.smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      })
    : undefined;
  return {
    async deliver(delivery) {
      const user = await findUserEmail(db, delivery.userId);
      if (!user) throw new CancelJob(`user ${delivery.userId} no longer exists`);
      const email = renderEmail(delivery);
      if (!transport) {
        await insertMail(db, { id: delivery.id, to: user.email, from: config.mailFrom, ...email });
        return;
      }
      await transport.sendMail({
        from: config.mailFrom,
        to: { name: user.name, address: user.email },
        // The same id on every attempt lets a receiving server drop a duplicate.
        messageId: `<${delivery.id}@meridian>`,
        ...email,
      });
    },
  };
}
