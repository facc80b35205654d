import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { refreshSnapshots } from '../src/inventory/snapshots.ts';
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
import { signUp } from './helpers.ts';

// The inventory section in real Chromium: the items list, an item's stock dialogs and the
// refusals they explain, a stock change seen live in a second browser, orders reserved and
// fulfilled, a CSV import with a bad row, and the analytics charts.

const timeout = { timeout: 20_000 };

describe.skipIf(consoleTestsBlocked)(
  'the inventory console',
  { timeout: consoleTestTimeout },
  () => {
    let test: ConsoleTest;
    let owner: Awaited<ReturnType<typeof signUp>>;
    let orgId: string;
    const locations: Record<string, string> = {};
    const items: Record<string, string> = {};

    async function call(method: string, path: string, body?: unknown) {
      const response = await test.api(method, `/v1/orgs/${orgId}/inventory${path}`, {
        token: owner.token,
        body,
      });
      if (response.status >= 300) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
      return response.body;
    }

    it('starts, with an organisation that has two locations and three items in stock', async () => {
      test = await startConsoleTest();
      owner = await signUp(test.api, 'keeper');
      orgId = await createOrganisation(test.api, owner.token, 'Hardware');
      for (const name of ['Depot', 'Shop']) {
        locations[name] = (await call('POST', '/locations', { name })).id;
      }
      const catalogue = [
        ['HAM-1', 'Claw hammer', 40],
        ['SCR-8', 'Wood screws, box of 100', 120],
        ['WRN-2', 'Adjustable wrench', 8],
      ] as const;
      for (const [sku, name, quantity] of catalogue) {
        items[sku] = (await call('POST', '/items', { sku, name, price: 1500 })).id;
        await call('POST', '/receipts', {
          item_id: items[sku],
          location_id: locations.Depot,
          quantity,
          unit_cost: 700,
        });
      }
      await call('POST', '/receipts', {
        item_id: items['HAM-1'],
        location_id: locations.Shop,
        quantity: 6,
        unit_cost: 800,
      });
    });

    async function ownerPage(path: string) {
      return (await signedInPage(test, path, owner)).page;
    }

    const onHandAt = (page: Page, location: string) =>
      page.getByTestId(`level-${location}`).getByTestId('on-hand');

    it('lists the items with their levels per location, and searches them', async () => {
      const page = await ownerPage('/inventory');
      const hammer = page.getByTestId('item-HAM-1');
      await expect
        .poll(() => hammer.getByTestId('total-on-hand').textContent(), timeout)
        .toBe('46');
      await page.getByTestId('item-WRN-2').waitFor();
      await expectAccessible(page);
      await screenshot(page, 'inventory');

      await page.getByLabel('Search').fill('wrenhc');
      await expect.poll(() => page.getByRole('row').count(), timeout).toBe(2);
      await page.getByTestId('item-WRN-2').waitFor();
    });

    it('shows a stock change made in one browser live in another', async () => {
      const watcher = await ownerPage(`/inventory/items/${items['SCR-8']}`);
      const worker = await ownerPage(`/inventory/items/${items['SCR-8']}`);
      await expect.poll(() => onHandAt(watcher, 'Depot').textContent(), timeout).toBe('120');
      await expect
        .poll(() => watcher.getByTestId('live-status').textContent(), timeout)
        .toBe('Live');

      await worker.getByRole('button', { name: 'Adjust at Depot' }).click();
      const dialog = worker.getByRole('dialog', { name: 'Adjust stock' });
      await dialog.getByLabel('Change in on hand').fill('-5');
      await dialog.getByLabel('Reason').selectOption('damaged');
      await dialog.getByRole('button', { name: 'Adjust' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // Nothing reloads the watcher: the level changes through the live event.
      await expect.poll(() => onHandAt(watcher, 'Depot').textContent(), timeout).toBe('115');
      await watcher.getByTestId('ledger').getByText('-5').waitFor(timeout);
    });

    it('explains too little stock and a count that went stale, in words', async () => {
      const page = await ownerPage(`/inventory/items/${items['WRN-2']}`);
      await expect.poll(() => onHandAt(page, 'Depot').textContent(), timeout).toBe('8');

      await page.getByRole('button', { name: 'Transfer at Depot' }).click();
      const transfer = page.getByRole('dialog', { name: 'Transfer stock' });
      await transfer.getByLabel('Units to transfer').fill('50');
      await transfer.getByRole('button', { name: 'Transfer' }).click();
      await transfer
        .getByRole('alert')
        .getByText(/Not enough stock of WRN-2 at Depot: 8 on hand, 50 asked/)
        .waitFor(timeout);
      await transfer.getByText(/Lower the quantity/).waitFor();
      await transfer.getByRole('button', { name: 'Cancel' }).click();

      // The count dialog reads 8; someone else takes 3 before it is saved.
      await page.getByRole('button', { name: 'Count at Depot' }).click();
      const count = page.getByRole('dialog', { name: 'Count stock' });
      await count.getByText('Counting from 8').waitFor();
      await call('POST', '/adjustments', {
        item_id: items['WRN-2'],
        location_id: locations.Depot,
        delta: -3,
        reason: 'shrinkage',
      });
      await count.getByLabel('Counted on hand').fill('7');
      await count.getByRole('button', { name: 'Save count' }).click();
      await count
        .getByRole('alert')
        .getByText(/Someone changed this level while you were looking: on hand at Depot is now 5/)
        .waitFor(timeout);
      await expectAccessible(page);

      await count.getByRole('button', { name: 'Count from 5 instead' }).click();
      await count.getByRole('button', { name: 'Save count' }).click();
      await count.waitFor({ state: 'hidden', ...timeout });
      await expect.poll(() => onHandAt(page, 'Depot').textContent(), timeout).toBe('7');
      await page.getByRole('img', { name: 'On hand over time, all locations' }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'inventory-item');
    });

    it('explains an item edit that crossed another, and marks a level low at its reorder point', async () => {
      const page = await ownerPage(`/inventory/items/${items['SCR-8']}`);
      await page.getByRole('button', { name: 'Edit item' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit item' });
      await edit.getByLabel('Name').waitFor();
      await call('PATCH', `/items/${items['SCR-8']}`, { description: 'Countersunk, 4 × 40 mm' });
      await edit.getByLabel('Name').fill('Wood screws, 100');
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit
        .getByRole('alert')
        .getByText(/Someone saved this item after you opened it \(it is now at version 2\)/)
        .waitFor(timeout);
      await edit.getByRole('button', { name: 'Start from their version' }).click();
      await expect
        .poll(() => edit.getByLabel('Description').inputValue())
        .toBe('Countersunk, 4 × 40 mm');
      await edit.getByLabel('Name').fill('Wood screws, 100');
      await edit.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { name: /Wood screws, 100/ }).waitFor(timeout);

      await page.getByRole('button', { name: 'Thresholds at Depot' }).click();
      const thresholds = page.getByRole('dialog', { name: 'Safety stock and reorder point' });
      await thresholds.getByLabel('Reorder point').fill('200');
      await thresholds.getByRole('button', { name: 'Save thresholds' }).click();
      await page.getByTestId('level-Depot').getByText('low').waitFor(timeout);
    });

    it('reserves an order, then fulfils it', async () => {
      const page = await ownerPage('/inventory/orders');
      const form = page.getByRole('form', { name: 'New order' });
      await form.getByLabel('Item').selectOption({ label: 'HAM-1 — Claw hammer' });
      await form.getByLabel('Quantity').fill('4');
      await form.getByLabel('Reference (optional)').fill('PO-77');
      await form.getByRole('button', { name: 'Reserve' }).click();
      const order = page.getByTestId('order-PO-77');
      await expect
        .poll(() => order.getByTestId('order-state').textContent(), timeout)
        .toBe('reserved');
      await order.getByText('4 × HAM-1: 0 shipped, 4 held (4 at Depot)').waitFor();

      // More than there is: refused whole, in words.
      await form.getByLabel('Quantity').fill('500');
      await form.getByRole('button', { name: 'Reserve' }).click();
      await form
        .getByRole('alert')
        .getByText(/Not enough stock of HAM-1/)
        .waitFor(timeout);
      await expectAccessible(page);

      await order.getByRole('button', { name: 'Fulfil PO-77' }).click();
      await expect
        .poll(() => order.getByTestId('order-state').textContent(), timeout)
        .toBe('fulfilled');
      const levels = await call('GET', `/items/${items['HAM-1']}/levels`);
      const depot = levels.levels.find(
        (level: { location_id: string }) => level.location_id === locations.Depot,
      );
      expect(depot).toMatchObject({ on_hand: 36, reserved: 0 });
      await screenshot(page, 'inventory-orders');
    });

    it('imports a CSV file, with the progress to the end and the bad row in words', async () => {
      const page = await ownerPage('/inventory/import');
      const csv = ['sku,name,price', 'NEW-1,Spirit level,2500', 'NEW-2,,900', 'NEW-3,Chisel,1200'];
      await page.getByLabel('CSV file').setInputFiles({
        name: 'items.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`${csv.join('\n')}\n`),
      });
      await page.getByRole('button', { name: 'Import' }).click();
      const progress = page.getByRole('region', { name: 'Import progress' });
      await progress.getByText('Rows processed: 3 of 3').waitFor({ timeout: 30_000 });
      await expect
        .poll(() => page.getByTestId('import-verdict').textContent(), timeout)
        .toBe('Done: 2 created, 0 updated, 0 unchanged, 1 failed.');
      const failed = page.getByTestId('import-errors').getByRole('row').nth(1);
      await expect.poll(() => failed.textContent()).toMatch(/^3validation failed.*name/);
      await expectAccessible(page);
      await screenshot(page, 'inventory-import');
    });

    it('shows the analytics as charts and tables', async () => {
      await refreshSnapshots(test.server.database.db, new Date());
      const page = await ownerPage('/inventory/analytics');
      await page.getByRole('img', { name: 'Units on hand and reserved, per day' }).waitFor(timeout);
      await page.getByRole('img', { name: 'Value on hand, per day' }).waitFor();
      await page.getByText('Units sold per day, last 30 days').waitFor();
      await page.getByText(/^A · HAM-1 Claw hammer/).waitFor();
      const valuation = page.getByRole('region', { name: 'Valuation' });
      await valuation.getByRole('cell', { name: 'HAM-1 Claw hammer' }).waitFor();
      await expect.poll(() => page.locator('canvas').count()).toBeGreaterThanOrEqual(2);
      await expectAccessible(page);
      await screenshot(page, 'inventory-analytics');
    });
  },
);
