import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  type ConsoleTest,
  consoleTestsBlocked,
  consoleTestTimeout,
  createOrganisation,
  expectAccessible,
  screenshot,
  signedInPage,
  startConsoleTest,
} from './console-harness.ts';
import { type NodeFleet, startNodeFleet } from './delivery-harness.ts';

// The delivery section in real Chromium, against real node HTTP servers (delivery-harness's
// fleet on 127.0.0.1): onboard through the wizard, watch the nodes turn healthy, force a
// delivery, see a refusing node's error, and run a rollout with its progress and abort.

describe.skipIf(consoleTestsBlocked)(
  'the delivery console',
  { timeout: consoleTestTimeout },
  () => {
    let test: ConsoleTest;
    let fleet: NodeFleet;
    let page: Page;
    let serviceUrl: string;

    const row = (node: string) => page.locator(`tr[data-node="${node}"]`);
    const pushesTo = (node: string) => fleet.received.filter((push) => push.node === node).length;

    it('starts', async () => {
      fleet = await startNodeFleet();
      // As delivery-harness configures Meridian: the nodes are on 127.0.0.1, scans are fast, and
      // alarms and rollouts are evaluated every second.
      test = await startConsoleTest({
        DELIVERY_KEY_SECRET: randomBytes(32).toString('base64'),
        OUTBOUND_ALLOW_PRIVATE: 'true',
        DELIVERY_SCAN_MS: '100',
        DELIVERY_EVALUATE_SECONDS: '1',
      });
    });

    it('onboards a service through the wizard, with the API’s errors next to the fields', async () => {
      const signedIn = await signedInPage(test, '/');
      await createOrganisation(test.api, signedIn.user.token);
      page = signedIn.page;
      await page.goto('/delivery');
      await page.getByText('No services yet.').waitFor();
      await expectAccessible(page);

      await page.getByRole('link', { name: 'Onboard a service' }).click();
      await page.getByLabel('Service name').fill('-payments');
      await page.getByLabel('Kind of metadata').selectOption('certificate');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('Push URL template').fill(fleet.template);
      await page.getByLabel('Node names').fill('web-1\nweb-2\nweb-3');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('Renewal window start').fill('0.7');
      await page.getByLabel('Renewal window end').fill('0.6');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText('payments').first().waitFor();
      await page.getByRole('button', { name: 'Onboard service' }).click();

      // The 422 names both faults; the wizard goes back to the first step that holds one.
      const name = page.getByLabel('Service name');
      await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
      await page.getByRole('button', { name: /Renewal \(to correct\)/ }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'delivery-onboarding');

      await name.fill('payments');
      await page.getByRole('button', { name: /Renewal/ }).click();
      await page.getByText(/must be at least start \(0\.7\)/).waitFor();
      await page.getByLabel('Renewal window start').fill('0.5');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('button', { name: 'Onboard service' }).click();

      await page.getByRole('heading', { name: 'payments', level: 1 }).waitFor({ timeout: 20_000 });
      serviceUrl = new URL(page.url()).pathname;
      for (const node of ['web-1', 'web-2', 'web-3']) {
        await row(node).getByText('healthy').waitFor({ timeout: 30_000 });
      }
      // What the page says is what the nodes received: a certificate each.
      expect(fleet.received.map((push) => push.body.kind)).toEqual(Array(3).fill('certificate'));
      await expect
        .poll(() => page.getByTestId('service-status').textContent(), { timeout: 15_000 })
        .toMatch(/Healthy3/);
      await row('web-1')
        .getByText(/expires in (59|60) min/)
        .waitFor();
      await expectAccessible(page);
      // Tall enough for the nodes and the charts in one picture.
      await page.setViewportSize({ width: 1280, height: 1500 });
      await screenshot(page, 'delivery');
      await page.setViewportSize({ width: 1280, height: 800 });
    });

    it('lists the service', async () => {
      await page.getByRole('link', { name: '← Services' }).click();
      await page.getByRole('link', { name: 'payments' }).waitFor();
      await expectAccessible(page);
      await page.getByRole('link', { name: 'payments' }).click();
      await row('web-1').waitFor();
    });

    it('forces a delivery to one node', async () => {
      expect(pushesTo('web-1')).toBe(1);
      await page.getByRole('button', { name: 'Deliver now to web-1' }).click();
      await expect.poll(() => pushesTo('web-1'), { timeout: 20_000 }).toBe(2);
      await expect
        .poll(() => row('web-1').locator('td.number').textContent(), { timeout: 15_000 })
        .toBe('2');
      expect(pushesTo('web-2')).toBe(1);
    });

    it('shows the error of a node that refuses, and raises the failing alarm', async () => {
      fleet.set('web-3', 'refuse');
      await page.getByRole('button', { name: 'Deliver now to web-3' }).click();
      await row('web-3').getByText('cannot parse certificate').waitFor({ timeout: 20_000 });
      await row('web-3').getByText('refused').waitFor();
      // One node of three failing is over the default 0.2: the alarm, evaluated every second.
      await page
        .getByRole('list', { name: 'Open alarms' })
        .getByText('service-failing')
        .waitFor({ timeout: 30_000 });
      fleet.set('web-3', 'ack');
    });

    it('runs a rollout with its progress, and aborts one', async () => {
      await page.goto(serviceUrl);
      // One node every 30 s: web-1 is re-issued at once, web-2 waits 30 s and web-3 a minute.
      // web-3's retry, due sooner since it refused, keeps its time and counts for the rollout,
      // so the progress may read 1 or 2 of 3 before the abort, never 3.
      await page.getByLabel('Nodes per minute').fill('2');
      await page.getByLabel('Abort at a failed share of').fill('0.9');
      await page.getByRole('button', { name: 'Start rollout' }).click();
      const rollout = page.getByTestId('rollout');
      await rollout.getByText(/^Nodes re-issued: [12] of 3$/).waitFor({ timeout: 20_000 });
      await rollout.getByText('running', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Abort rollout' }).click();
      await rollout.getByText('cancelled', { exact: true }).waitFor();
      await rollout.getByText(/Ended: cancelled/).waitFor();

      // A fast one runs to its end.
      await page.getByLabel('Nodes per minute').fill('600');
      await page.getByRole('button', { name: 'Start rollout' }).click();
      await rollout.getByText('completed', { exact: true }).waitFor({ timeout: 30_000 });
      await rollout.getByText('Nodes re-issued: 3 of 3').waitFor();
      await rollout.getByText('3 acknowledged, 0 failed, 0 waiting').waitFor();
    });
  },
);
