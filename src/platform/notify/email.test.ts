import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiClient,
  signUp,
  signUpOperator,
  startTestServer,
  type TestServer,
  waitForJobState,
} from '../../../test/helpers.ts';
import { transaction } from '../db/database.ts';
import type { JobState } from '../jobs/spec.ts';

// Email over real SMTP: a local smtp-server that requires the credentials in SMTP_URL receives
// the message, parsed with mailparser. Then the server stops, and the delivery retries and ends
// dead, listed with its errors in the operators' dead-letter view.

const received: { from: string; to: string[]; mail: ParsedMail }[] = [];
let smtp: SMTPServer;
let smtpPort: number;
let server: TestServer;
let api: Api;
let operator: string;

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, callback) {
      if (auth.username === 'meridian' && auth.password === 's3cret') {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          mail,
        });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  server = await startTestServer({
    env: {
      SMTP_URL: `smtp://meridian:s3cret@127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Meridian Alerts <alerts@meridian.test>',
      NOTIFY_MAX_ATTEMPTS: '3',
      NOTIFY_RETRY_BASE_MS: '20',
    },
  });
  api = apiClient(server.url);
  operator = (await signUpOperator(api, server)).token;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(resolve)));

async function sendEmail(userId: string, title: string, body: string): Promise<number> {
  const { jobIds } = await transaction(server.database.db, (tx) =>
    server.server.core.notify.send(tx, { userId, event: 'test.mail', title, body }),
  );
  expect(jobIds.length).toBe(1);
  return jobIds[0]!;
}

const waitForJob = (id: number, state: JobState) =>
  waitForJobState(server.server.core.jobs, id, state, 15_000);

describe('email over SMTP', () => {
  it('delivers plain text and escaped HTML to the user, from MAIL_FROM', async () => {
    const user = await signUp(api, 'recipient');
    const jobId = await sendEmail(user.id, 'Task <b>nightly</b> failed', 'Exit code 3\nSee logs');
    await waitForJob(jobId, 'completed');
    const message = received.find((entry) => entry.to.includes(user.email));
    expect(message).toBeDefined();
    const { mail, from } = message!;
    expect(from).toBe('alerts@meridian.test');
    expect(mail.from?.text).toBe('"Meridian Alerts" <alerts@meridian.test>');
    expect(mail.to).toMatchObject({ value: [{ address: user.email, name: user.name }] });
    expect(mail.subject).toBe('Task <b>nightly</b> failed');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@meridian>$/);
    expect(mail.text).toContain('Task <b>nightly</b> failed\n\nExit code 3\nSee logs');
    expect(mail.html).toContain('Task &lt;b&gt;nightly&lt;/b&gt; failed');
    expect(mail.html).toContain('<p>Exit code 3<br>See logs</p>');
    const mailbox = await api('GET', '/v1/admin/mailbox', { token: operator });
    expect(mailbox.body.items).toEqual([]);
  });

  it('retries while the SMTP server is down, then keeps the delivery dead and visible', async () => {
    const user = await signUp(api, 'unlucky');
    await new Promise<void>((resolve) => smtp.close(resolve));
    const jobId = await sendEmail(user.id, 'Lost?', 'No: dead and visible');
    const job = await waitForJob(jobId, 'dead');
    expect(job.attempt).toBe(3);
    expect(job.errors.length).toBe(3);
    expect(job.errors[0]!.error).toMatch(/ECONNREFUSED|connect/i);
    const dead = await api('GET', '/v1/admin/jobs?state=dead&kind=notify.email', {
      token: operator,
    });
    expect(dead.body.items.map((item: any) => item.id)).toContain(jobId);
    const listed = dead.body.items.find((item: any) => item.id === jobId);
    expect(listed.payload).toMatchObject({ userId: user.id, title: 'Lost?' });
  });
});
