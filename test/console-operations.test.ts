import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { transaction } from '../src/platform/db/database.ts';
import {
  type ConsoleTest,
  consoleTestsBlocked,
  consoleTestTimeout,
  expectAccessible,
  screenshot,
  signedInPage,
  startConsoleTest,
} from './console-harness.ts';
import { signUpOperator, waitForJobState } from './helpers.ts';

// The operations section in real Chromium: instances and live charts, dead jobs redriven from the
// page (one, then all), the alert they raise, the built-in mailbox, and a user who is no operator.

describe.skipIf(consoleTestsBlocked)(
  'the operations section',
  { timeout: consoleTestTimeout },
  () => {
    let test: ConsoleTest;
    let operator: Awaited<ReturnType<typeof signUpOperator>>;

    it('starts', async () => {
      // Alerts evaluated every second, so the dead jobs' alert shows without waiting 30 s.
      test = await startConsoleTest({ ALERTS_EVALUATE_SECONDS: '1' });
      operator = await signUpOperator(test.api, test.server);
    });

    /**
     * A dead job: a kind no handler knows, one attempt. Then moved to a queue no process runs, so
     * that once redriven it waits there instead of dying again at once.
     */
    async function deadJob(): Promise<number> {
      const { core } = test.server.server;
      const job = await core.jobs.enqueue({ kind: 'console.nobody', maxAttempts: 1 });
      await waitForJobState(core.jobs, job.id, 'dead', 20_000);
      await sql`UPDATE jobs SET queue = 'parked' WHERE id = ${job.id}`.execute(
        test.server.database.db,
      );
      return job.id;
    }

    it('lists the instances, and charts live metrics', async () => {
      const { page } = await signedInPage(test, '/operations', operator);
      const instances = page.getByRole('table', { name: 'Instances' });
      await instances.getByRole('cell', { name: 'live', exact: true }).waitFor({ timeout: 20_000 });
      await instances.getByText(/\d+ s ago/).waitFor();
      // Three readings of /metrics, 5 s apart, make the first points of the charts.
      await page
        .getByRole('img', { name: 'Jobs completed per second' })
        .waitFor({ timeout: 30_000 });
      await page.getByRole('img', { name: 'HTTP requests per second' }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'operations');
    });

    it('shows dead jobs and their alert, redrives one from the page, then all', async () => {
      const [first, second, third] = [await deadJob(), await deadJob(), await deadJob()];
      const { page } = await signedInPage(test, '/operations/jobs', operator);
      const dead = page.getByRole('table', { name: 'Dead jobs' });
      await dead.getByRole('button', { name: `Redrive job ${first}` }).waitFor({ timeout: 20_000 });
      await dead
        .getByText(/no handler for job kind "console.nobody"/)
        .first()
        .waitFor();
      const parked = page
        .getByRole('table', { name: 'Queues' })
        .getByRole('row', { name: /parked/ });
      const counts = () => parked.getByRole('cell').allTextContents(); // available, running, dead
      await expect.poll(counts, { timeout: 15_000 }).toEqual(['0', '0', '3']);
      await expectAccessible(page);
      await screenshot(page, 'operations-jobs');

      await dead.getByRole('button', { name: `Redrive job ${first}` }).click();
      await page.getByRole('status').getByText('Redriven: 1 job.').waitFor();
      await expect
        .poll(() => dead.getByRole('button', { name: `Redrive job ${first}` }).count())
        .toBe(0);
      expect((await test.server.server.core.jobs.get(first))?.state).toBe('available');
      await expect.poll(counts, { timeout: 15_000 }).toEqual(['1', '0', '2']);

      // The jobs-dead alert of the parked queue, in the alerts view.
      await page
        .getByRole('navigation', { name: 'Operations' })
        .getByRole('link', { name: 'Alerts' })
        .click();
      const alerts = page.getByRole('table', { name: 'Alerts' });
      await alerts.getByRole('row', { name: /jobs-dead\s*parked/ }).waitFor({ timeout: 20_000 });
      await expectAccessible(page);

      await page
        .getByRole('navigation', { name: 'Operations' })
        .getByRole('link', { name: 'Jobs' })
        .click();
      await page.getByRole('button', { name: 'Redrive all' }).click();
      const dialog = page.getByRole('dialog', { name: 'Redrive dead jobs' });
      await dialog.getByRole('button', { name: 'Redrive them' }).click();
      await page.getByText('No dead jobs.').waitFor({ timeout: 15_000 });
      for (const id of [second, third]) {
        expect((await test.server.server.core.jobs.get(id))?.state).toBe('available');
      }
    });

    it('lists the mail the built-in mailbox kept, and reads one', async () => {
      const { core } = test.server.server;
      await transaction(core.database.db, (tx) =>
        core.notify.send(tx, {
          userId: operator.id,
          event: 'console.mail',
          title: 'Backup finished',
          body: 'All 3 volumes copied.',
        }),
      );
      const { page } = await signedInPage(test, '/operations/mailbox', operator);
      await page.getByRole('link', { name: 'Backup finished' }).click({ timeout: 20_000 });
      const message = page.getByRole('article', { name: 'Backup finished' });
      await message.getByText('All 3 volumes copied.').waitFor();
      await message.getByText(operator.email).waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/operations\/mailbox\/[0-9a-f-]+$/);
      await expectAccessible(page);
      await screenshot(page, 'operations-mailbox');
    });

    it('tells a user who is no operator (any more) that the section is for operators', async () => {
      const former = await signUpOperator(test.api, test.server);
      const { page } = await signedInPage(test, '/scheduler', former);
      const link = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', {
        name: 'Operations',
      });
      await link.waitFor();
      // Their rights withdrawn after the console loaded: the API refuses (once its 5 s token
      // cache has let go), and the section must say so in words.
      await test.server.database.db
        .updateTable('users')
        .set({ is_operator: false })
        .where('id', '=', former.id)
        .execute();
      await expect
        .poll(
          async () =>
            (await test.api('GET', '/v1/admin/instances', { token: former.token })).status,
          {
            timeout: 15_000,
          },
        )
        .toBe(403);
      await link.click();
      await page
        .getByRole('alert')
        .getByRole('heading', { name: 'Operations is for operators only' })
        .waitFor({ timeout: 15_000 });
      await expectAccessible(page);
    });

    it('tells a user who never was an operator the same, on opening the page directly', async () => {
      const { page } = await signedInPage(test, '/operations/jobs');
      await page
        .getByRole('alert')
        .getByRole('heading', { name: 'Operations is for operators only' })
        .waitFor({ timeout: 15_000 });
      // The link is not offered to them.
      const nav = page.getByRole('navigation', { name: 'Sections' });
      await nav.getByRole('link', { name: 'Scheduler' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Operations' }).count()).toBe(0);
    });
  },
);
