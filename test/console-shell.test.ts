import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { transaction } from '../src/platform/db/database.ts';
import {
  type ConsoleTest,
  consoleTestsBlocked,
  consoleTestTimeout,
  expectAccessible,
  failOnPageErrors,
  signedInPage,
  startConsoleTest,
} from './console-harness.ts';
import { signUp } from './helpers.ts';

// The console's frame, in real Chromium: sign up, sign in and out, organisations, the bell kept
// live over the WebSocket gateway, and a reconnect that replays what was missed or says it could
// not. The sections have their own files.

// Runs in the page: the accessible name of the focused element, roughly as a screen reader says it.
const focusedName = `(() => {
  const element = document.activeElement;
  if (!element) return '';
  const label = element.id && document.querySelector('label[for="' + element.id + '"]');
  return element.getAttribute('aria-label') ?? (label ? label.textContent : element.textContent) ?? '';
})()`;

describe.skipIf(consoleTestsBlocked)('the console shell', { timeout: consoleTestTimeout }, () => {
  let test: ConsoleTest;

  it('starts', async () => {
    test = await startConsoleTest();
  });

  async function notify(userId: string, title: string) {
    const { core } = test.server.server;
    await transaction(core.database.db, (tx) =>
      core.notify.send(tx, { userId, event: 'test.console', title, body: 'From the test' }),
    );
  }

  it('signs a new user up through the form, shows field errors in words, and signs out', async () => {
    const context = await test.browser.newContext({ baseURL: test.url });
    const page = await context.newPage();
    failOnPageErrors(page);
    await page.goto('/inventory');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/signin');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Ada');
    await page.getByLabel('Email').fill(`ada-${Date.now()}@example.com`);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Sign up' }).click();
    // The API's validation problem, next to the field it names.
    await page.getByText(/must NOT have fewer than 8 characters/).waitFor();
    await expect(page.getByLabel('Password').getAttribute('aria-invalid')).resolves.toBe('true');

    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/inventory');
    const token = await page.evaluate(() => localStorage.getItem('meridian.token'));

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // Signing out revoked the token, not only forgot it.
    expect((await test.api('GET', '/v1/me', { token: token ?? '' })).status).toBe(401);
    await context.close();
  });

  it('says a wrong password in words', async () => {
    const context = await test.browser.newContext({ baseURL: test.url });
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByLabel('Email').fill('nobody@example.com');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Invalid email or password').waitFor();
    await context.close();
  });

  it('can be used with the keyboard alone', async () => {
    const user = await signUp(test.api);
    const context = await test.browser.newContext({ baseURL: test.url });
    const page = await context.newPage();
    failOnPageErrors(page);
    await page.goto('/signin');
    // Sign in: the form's fields in tab order, Enter submits.
    await tabTo(page, 'Email');
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('correct horse battery');
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    // A section by its link, and the bell's panel, each reached with Tab and opened with Enter.
    await tabTo(page, 'Microblog');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/social');
    await tabTo(page, 'Notifications, 0 unread');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Notifications' }).waitFor();
    await context.close();
  });

  /** Presses Tab until the focused element is named `name` (its aria-label, label or text). */
  async function tabTo(page: Page, name: string) {
    for (let presses = 0; presses < 40; presses++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate<string>(focusedName)).trim() === name) return;
    }
    throw new Error(`Tab never reached "${name}"`);
  }

  it('creates an organisation and switches between them', async () => {
    const { page } = await signedInPage(test, '/scheduler');
    const switcher = page.getByLabel('Organisation', { exact: true });
    await expect.poll(() => switcher.locator('option:checked').textContent()).toBe('None yet');
    for (const name of ['Acme', 'Globex']) {
      await switcher.selectOption({ label: 'New organisation…' });
      const dialog = page.getByRole('dialog', { name: 'New organisation' });
      await dialog.getByRole('button', { name: 'Create organisation' }).click();
      await dialog.getByText('must NOT have fewer than 1 characters').waitFor();
      await dialog.getByLabel('Organisation name').fill(name);
      await dialog.getByRole('button', { name: 'Create organisation' }).click();
      await expect.poll(() => switcher.locator('option:checked').textContent()).toBe(name);
    }
    await switcher.selectOption({ label: 'Acme' });
    await expect.poll(() => switcher.locator('option:checked').textContent()).toBe('Acme');
    await expectAccessible(page);
  });

  it('counts unread notifications live, and replays those sent while disconnected', async () => {
    const { page, user } = await signedInPage(test, '/scheduler');
    const live = page.getByTestId('live-status');
    await expect.poll(() => live.textContent()).toBe('Live');
    await notify(user.id, 'First');
    await expect.poll(() => page.getByTestId('unread-count').textContent()).toBe('1');

    // Cut the connection and keep it cut (no tickets) while a notification is sent: it can only
    // arrive through the replay from the last event id.
    await page.route('**/v1/stream/tickets', (route) => route.abort());
    dropStreamConnections();
    await expect.poll(() => live.textContent()).not.toBe('Live');
    await notify(user.id, 'Second');
    await page.unroute('**/v1/stream/tickets');
    await expect.poll(() => live.textContent(), { timeout: 20_000 }).toBe('Live');
    await expect.poll(() => page.getByTestId('unread-count').textContent()).toBe('2');

    await page.getByRole('button', { name: /Notifications, 2 unread/ }).click();
    await page.getByRole('region', { name: 'Notifications' }).getByText('Second').waitFor();
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => page.getByTestId('unread-count').count()).toBe(0);
  });

  it('says so when a reconnect cannot replay what was missed, and refetches', async () => {
    const { page, user } = await signedInPage(test, '/scheduler');
    const live = page.getByTestId('live-status');
    await expect.poll(() => live.textContent()).toBe('Live');
    await notify(user.id, 'Seen');
    await expect.poll(() => page.getByTestId('unread-count').textContent()).toBe('1');

    await page.route('**/v1/stream/tickets', (route) => route.abort());
    dropStreamConnections();
    await notify(user.id, 'Missed');
    // As if the retention had pruned past what this page saw.
    await sql`UPDATE event_log SET pruned_through = (SELECT max(id) FROM events)`.execute(
      test.server.database.db,
    );
    await page.unroute('**/v1/stream/tickets');
    await page
      .getByRole('alert')
      .getByText(/lost too long to replay/)
      .waitFor({ timeout: 20_000 });
    // The refetch found the missed notification all the same.
    await expect.poll(() => page.getByTestId('unread-count').textContent()).toBe('2');
  });

  function dropStreamConnections() {
    for (const client of test.server.server.app.websocketServer.clients) client.terminate();
  }
});
