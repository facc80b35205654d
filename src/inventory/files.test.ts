import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../test/helpers.ts';
import { openShop, type Shop, startShop } from '../../test/inventory-harness.ts';
import { openStream } from '../../test/stream-clients.ts';

let shop: Shop;
let here: string;

beforeAll(async () => {
  shop = await startShop();
  here = (await shop.createLocation({ name: 'Here' })).id;
});

/** Uploads `csv` (a string or a stream of lines) as an import of `shop`; the response. */
async function upload(into: Shop, csv: string | AsyncIterable<string>, query: string) {
  const response = await fetch(new URL(into.path(`/imports?${query}`), into.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${into.owner.token}`, 'content-type': 'text/csv' },
    body: typeof csv === 'string' ? csv : Readable.from(csv),
    duplex: 'half',
  } as RequestInit);
  const body: any = await response.json();
  return { status: response.status, headers: response.headers, body };
}

/** Waits for import `id` to finish; the import then. */
async function finished(into: Shop, id: string, timeout = 10_000) {
  await expect
    .poll(async () => (await into.call('GET', `/imports/${id}`)).body.state, {
      timeout,
      interval: 100,
    })
    .toMatch(/^(completed|failed)$/);
  return (await into.call('GET', `/imports/${id}`)).body;
}

async function download(from: Shop, file: string) {
  const response = await from.call('GET', `/export/${file}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
  return response.body as string;
}

describe('CSV export and import', () => {
  it('round-trips items: an export imported elsewhere exports the same', async () => {
    const rows = [
      { sku: 'RT-1', name: 'Comma, "quoted"', description: 'Two\nlines', price: 150 },
      { sku: 'RT-2', name: 'Ünïcödé ✓', attributes: { size: 'M' }, media: ['https://x/1.png'] },
      { sku: 'RT-3', name: 'Backorder', allow_backorder: true, status: 'archived' },
    ];
    expect((await shop.call('POST', '/items/bulk', { rows })).status).toBe(200);
    const exported = await download(shop, 'items.csv');
    expect(exported.split('\n')[0]).toBe(
      'sku,name,description,category_id,unit_cost,price,currency,status,allow_backorder,attributes,media',
    );
    const other = await openShop(shop.api, shop);
    const received = await upload(other, exported, 'kind=items');
    expect(received.status, JSON.stringify(received.body)).toBe(202);
    expect(received.headers.get('location')).toContain(received.body.id);
    const done = await finished(other, received.body.id);
    expect(done).toMatchObject({ state: 'completed', total: 3, processed: 3 });
    expect(done.counts).toEqual({ created: 3, updated: 0, unchanged: 0, failed: 0 });
    expect(await download(other, 'items.csv')).toBe(exported);
    // Imported again where it came from, nothing changes.
    const again = await finished(shop, (await upload(shop, exported, 'kind=items')).body.id);
    expect(again.counts).toMatchObject({ unchanged: 3, failed: 0 });
  });

  it('round-trips levels: an export re-imported changes nothing', async () => {
    await shop.call('POST', '/levels/bulk', {
      rows: [
        { sku: 'RT-1', location_id: here, quantity: 12 },
        { sku: 'RT-2', location_id: here, quantity: 3 },
      ],
    });
    const exported = await download(shop, 'levels.csv');
    expect(exported).toContain(`RT-1,`);
    const done = await finished(shop, (await upload(shop, exported, 'kind=levels')).body.id);
    expect(done).toMatchObject({ state: 'completed', ignored_columns: expect.any(Array) });
    expect(done.counts).toMatchObject({ unchanged: 2, failed: 0 });
  });

  const broken = () => [
    'sku,location_id,quantity,reason',
    `RT-1,${here},7,cycle_count`,
    `RT-2,${here}`,
    `RT-2,${here},seven`,
    `NOPE,${here},1`,
    `RT-3,${here},1,restock,extra`,
    `RT-1\u0000,${here},1`,
    `RT-3,${here},"2`,
    'and so on',
  ];

  it('reports broken rows one by one, by line, and writes the rest', async () => {
    const csv = broken().join('\n');
    const received = await upload(shop, csv, 'kind=levels&error_policy=reject_failed_rows');
    expect(received.status, JSON.stringify(received.body)).toBe(202);
    const done = await finished(shop, received.body.id);
    expect(done.counts).toEqual({ created: 0, updated: 1, unchanged: 0, failed: 6 });
    const byRow = Object.fromEntries(
      done.errors.map((e: { row: number; error: { detail: string } }) => [e.row, e.error.detail]),
    );
    expect(byRow[3]).toMatch(/quantity/);
    expect(byRow[4]).toMatch(/quantity: must be integer/);
    expect(byRow[5]).toMatch(/No item NOPE/);
    expect(byRow[6]).toMatch(/5 fields; the header has 4/);
    expect(byRow[7]).toMatch(/NUL/);
    expect(byRow[9]).toMatch(/Quote Not Closed/);
  });

  it('under reject_all writes nothing when a row fails', async () => {
    const ledger = async () =>
      (
        await sql<{ n: number }>`SELECT count(*)::int AS n FROM inventory_ledger`.execute(
          shop.database.db,
        )
      ).rows[0]?.n;
    const before = await ledger();
    const csv = [broken()[0], `RT-1,${here},99`, `NOPE,${here},1`].join('\n');
    const done = await finished(shop, (await upload(shop, csv, 'kind=levels')).body.id);
    expect(done).toMatchObject({ state: 'failed', error_policy: 'reject_all' });
    expect(done.counts).toEqual({ created: 0, updated: 0, unchanged: 1, failed: 1 });
    expect(await ledger()).toBe(before);
  });

  it('refuses a file without the columns its kind needs, and other bodies', async () => {
    const missing = await upload(shop, 'name,price\nx,1\n', 'kind=items');
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toContain('sku');
    expect((await upload(shop, '', 'kind=items')).status).toBe(422);
    expect((await upload(shop, 'sku,name\n', 'kind=nothing')).status).toBe(400);
    const json = await shop.call('POST', '/imports', { sku: 'x' });
    expectProblem(json, 'unsupported-media-type');
  });

  it('streams an import of 100,000 rows, telling its progress on the stream', async () => {
    const stream = await openStream(shop.url, { token: shop.owner.token });
    await stream.subscribe([`inventory:${shop.orgId}`]);
    async function* lines() {
      yield 'sku,name,price\n';
      for (let i = 0; i < 100_000; i += 1000) {
        let block = '';
        for (let j = i; j < i + 1000; j++) block += `BIG-${j},Big item ${j},${j}\n`;
        yield block;
      }
    }
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const received = await upload(shop, lines(), 'kind=items&error_policy=reject_failed_rows');
    expect(received.status, JSON.stringify(received.body)).toBe(202);
    const uploaded = performance.now();
    const done = await finished(shop, received.body.id, 100_000);
    const ms = performance.now() - started;
    expect(done).toMatchObject({ state: 'completed', total: 100_000, processed: 100_000 });
    expect(done.counts.created).toBe(100_000);
    const progress = await stream.next(
      (m) => m.type === 'event' && m.event === 'inventory.import_progress',
    );
    expect(progress.data).toMatchObject({ import_id: received.body.id, total: 100_000 });
    console.info(
      `import: 100,000 rows in ${ms.toFixed(0)} ms (upload ${(uploaded - started).toFixed(0)} ms), ` +
        `${Math.round(100_000 / (ms / 1000))} rows/s; heap +${Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6)} MB`,
    );
    stream.ws.close();
  }, 120_000);
});
