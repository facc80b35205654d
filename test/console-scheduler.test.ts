import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ConsoleTest,
  consoleTestsBlocked,
  consoleTestTimeout,
  expectAccessible,
  screenshot,
  signedInPage,
  startConsoleTest,
} from './console-harness.ts';
import { signUp } from './helpers.ts';

// The scheduler section in real Chromium: a task created through the form calls a real local
// webhook and its run appears live; the API's field errors sit next to their fields; pause,
// resume and run now; a dead execution redriven from the page.

/** A local webhook target: `/ok` answers 200, `/flaky` 500 while `failing` is set. */
async function startTarget() {
  const calls: { path: string; headers: IncomingHttpHeaders }[] = [];
  const state = { failing: true };
  const server = createServer((request, response) => {
    calls.push({ path: request.url ?? '', headers: request.headers });
    request.resume();
    const fail = request.url === '/flaky' && state.failing;
    response.writeHead(fail ? 500 : 200, { 'content-type': 'text/plain' });
    response.end(fail ? 'down for maintenance' : 'ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls, state };
}

/** `YYYY-MM-DDTHH:mm:ss` in UTC, as a datetime-local field takes it. */
const utcWall = (at: Date) => at.toISOString().slice(0, 19);

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

describe.skipIf(consoleTestsBlocked)(
  'the scheduler section',
  { timeout: consoleTestTimeout },
  () => {
    let test: ConsoleTest;
    let target: Awaited<ReturnType<typeof startTarget>>;
    let user: Awaited<ReturnType<typeof signUp>>;

    it('starts', async () => {
      // The webhook target is on 127.0.0.1, which Meridian refuses to call unless told.
      test = await startConsoleTest({ OUTBOUND_ALLOW_PRIVATE: 'true' });
      target = await startTarget();
      user = await signUp(test.api);
    });

    async function createTask(body: Record<string, unknown>): Promise<string> {
      const response = await test.api('POST', '/v1/tasks', { token: user.token, body });
      if (response.status !== 201) throw new Error(`task: ${JSON.stringify(response.body)}`);
      return response.body.id as string;
    }

    const timeline = (page: Page) => page.getByTestId('execution-timeline');
    const entries = (page: Page, state: string) =>
      timeline(page).locator(`li[data-state="${state}"]`);

    it('creates a webhook task through the form and shows its run live', async () => {
      const { page } = await signedInPage(test, '/scheduler', user);
      await page.getByTestId('task-list').getByText('No tasks yet').waitFor();
      await expectAccessible(page);

      await page.getByRole('link', { name: 'New task' }).click();
      await page.getByLabel('Name').fill('Export orders');
      await page.getByLabel('Frequency').selectOption('once');
      await page.getByLabel('Time zone').fill('UTC');
      // Due soon enough to wait for, late enough that the page shows it pending first: its
      // later states can then only arrive live.
      await page.getByLabel('Start').fill(utcWall(new Date(Date.now() + 10_000)));
      await page.getByLabel('Action', { exact: true }).selectOption('webhook');
      await page.getByLabel('URL').fill(`${target.url}/ok`);
      await page.getByRole('button', { name: 'Create task' }).click();

      await page.getByRole('heading', { name: 'Export orders' }).waitFor();
      await page.getByTestId('occurrences').waitFor();
      await entries(page, 'pending').waitFor();
      await entries(page, 'succeeded').waitFor({ timeout: 30_000 });
      expect(await entries(page, 'pending').count()).toBe(0);
      expect(target.calls.filter((call) => call.path === '/ok')).toHaveLength(1);
      // A once task has run its only occurrence.
      await expect.poll(() => page.getByTestId('task-state').textContent()).toBe('completed');
    });

    it('shows the API’s complaint next to the field it names', async () => {
      const { page } = await signedInPage(test, '/scheduler/new', user);
      await page.getByLabel('Name').fill('Weekday digest');
      await page.getByLabel('Frequency').selectOption('cron');
      await page.getByLabel('Cron').fill('every weekday at nine');
      await page.getByLabel('Time zone').fill('UTC');
      await page.getByLabel('Start').fill(utcWall(new Date(Date.now() + 3_600_000)));
      await page.getByRole('button', { name: 'Create task' }).click();
      const cron = page.getByLabel('Cron');
      await expect.poll(() => cron.getAttribute('aria-invalid')).toBe('true');
      const cronNote = page.locator(`#${await cron.getAttribute('aria-describedby')}`);
      expect(await cronNote.textContent()).toMatch(/^invalid cron pattern "every weekday at nine"/);

      await cron.fill('0 9 * * 1-5');
      await page.getByLabel('Time zone').fill('Mars/Olympus_Mons');
      await page.getByRole('button', { name: 'Create task' }).click();
      const zone = page.getByLabel('Time zone');
      await expect.poll(() => zone.getAttribute('aria-invalid')).toBe('true');
      await page
        .getByText(/timezone must be an IANA time zone .* got "Mars\/Olympus_Mons"/)
        .waitFor();
      expect(await cron.getAttribute('aria-invalid')).toBeNull();
      await expectAccessible(page);

      await zone.fill('Europe/Paris');
      // Previewed by the API before anything is saved: weekdays at 09:00 in Paris.
      await expect.poll(() => firstPreviewed(page)).toMatch(/T0[78]:00:00/);
      await page.getByRole('button', { name: 'Create task' }).click();
      await page.getByRole('heading', { name: 'Weekday digest' }).waitFor();
      // The preview comes from the saved schedule: weekdays at 09:00 in Paris.
      await expect.poll(() => firstOccurrence(page)).toMatch(/T0[78]:00:00/);

      // Edited: a merge patch with the version read; the preview follows the new schedule.
      await page.getByRole('link', { name: 'Edit' }).click();
      await page.getByLabel('Cron').fill('0 30 10 * * 1-5');
      await expect.poll(() => firstPreviewed(page)).toMatch(/T0[89]:30:00/);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('heading', { name: 'Weekday digest' }).waitFor();
      await expect.poll(() => firstOccurrence(page)).toMatch(/T0[89]:30:00/);
    });

    /** The first due time the form previews while the schedule is filled in. */
    const firstPreviewed = (page: Page) =>
      page.getByTestId('schedule-preview').locator('time').first().getAttribute('datetime');

    /** The first due time the task page previews, as the API gave it. */
    const firstOccurrence = (page: Page) =>
      page.getByTestId('occurrences').locator('time').first().getAttribute('datetime');

    it('pauses, resumes and runs a task now', async () => {
      const taskId = await createTask({
        name: 'Warm the cache',
        schedule: { frequency: 'daily', start: tomorrow() },
        action: { type: 'webhook', url: `${target.url}/ok` },
      });
      const { page } = await signedInPage(test, `/scheduler/tasks/${taskId}`, user);
      const state = page.getByTestId('task-state');
      await expect.poll(() => state.textContent()).toBe('active');
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => state.textContent()).toBe('paused');
      await page.getByRole('button', { name: 'Resume' }).click();
      await expect.poll(() => state.textContent()).toBe('active');

      const calls = target.calls.length;
      await page.getByRole('button', { name: 'Run now' }).click();
      await entries(page, 'succeeded').waitFor({ timeout: 30_000 });
      expect(target.calls.length).toBe(calls + 1);
    });

    it('redrives a dead execution from the page', async () => {
      const taskId = await createTask({
        name: 'Sync invoices',
        schedule: { frequency: 'weekly', start: tomorrow(), timezone: 'Europe/Paris' },
        action: { type: 'webhook', url: `${target.url}/flaky` },
        retry: { max_attempts: 1 },
        tags: ['billing'],
      });
      const { page } = await signedInPage(test, `/scheduler/tasks/${taskId}`, user);
      await page.getByRole('button', { name: 'Run now' }).click();
      const dead = page.getByRole('region', { name: 'Dead executions' });
      await dead.waitFor({ timeout: 30_000 });
      await entries(page, 'dead').getByText('HTTP 500').waitFor();
      await page.getByRole('button', { name: 'Show attempts' }).click();
      await page.getByRole('cell', { name: 'down for maintenance' }).waitFor();
      await expectAccessible(page);
      await page.setViewportSize({ width: 1280, height: 1100 });
      await page.evaluate('window.scrollTo(0, 0)'); // the attempts' toggle scrolled it
      await screenshot(page, 'scheduler-task');

      target.state.failing = false;
      await dead.getByRole('button', { name: /^Redrive/ }).click();
      await entries(page, 'succeeded').waitFor({ timeout: 30_000 });
      await dead.waitFor({ state: 'detached' });
      await entries(page, 'succeeded').getByText('2 attempts').waitFor();
    });

    it('lists the tasks with their state and next run', async () => {
      const { page } = await signedInPage(test, '/scheduler', user);
      const list = page.getByTestId('task-list');
      await list.getByRole('link', { name: 'Sync invoices' }).waitFor();
      const rows = list.getByRole('row');
      await expect.poll(() => rows.count()).toBe(5); // the header and four tasks
      await list.getByRole('row', { name: /Export orders completed/ }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'scheduler');
    });
  },
);
