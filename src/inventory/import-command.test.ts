import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Shop, startShop } from '../../test/inventory-harness.ts';
import { runMeridian } from '../../test/processes.ts';

// `meridian inventory import` as a user runs it: its own process, against a running Meridian.

let shop: Shop;
let env: Record<string, string>;
const dir = mkdtempSync(path.join(tmpdir(), 'meridian-import-'));

function csvFile(name: string, lines: string[]) {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

beforeAll(async () => {
  shop = await startShop();
  env = { MERIDIAN_URL: shop.url, MERIDIAN_TOKEN: shop.owner.token };
});

describe('meridian inventory import', () => {
  it('uploads a file, follows it to the end and exits 0 when every row went in', async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => `CLI-${i},CLI item ${i},${i}`);
    const file = csvFile('items.csv', ['sku,name,price', ...rows]);
    const result = await runMeridian(['inventory', 'import', file, '--org', shop.orgId], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/completed: 2500 rows, 2500 created, 0 updated/);
    expect(result.stderr).toContain('100% 2,500/2,500');
    const item = await shop.call('GET', '/search?q=CLI-42');
    expect(item.body.items[0]).toMatchObject({ sku: 'CLI-42', price: 42 });
  });

  it('prints the failed rows and exits 1 when some failed', async () => {
    const file = csvFile('broken.csv', [
      'sku,name,price',
      'OK-1,Fine,1',
      'BAD 2,Space,1',
      'OK-3,,x',
    ]);
    const result = await runMeridian(
      ['inventory', 'import', file, '--org', shop.orgId, '--error-policy', 'reject_failed_rows'],
      env,
    );
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/1 created, 0 updated, 0 unchanged, 2 failed/);
    expect(result.stdout).toMatch(/line 3: validation-failed: \/sku: /);
    expect(result.stdout).toMatch(/line 4: validation-failed: /);
  });

  it('exits 2, in one line, when it cannot be asked', async () => {
    const file = csvFile('ok.csv', ['sku,name', 'X-1,X']);
    const noOrg = await runMeridian(['inventory', 'import', file], env);
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toContain('--org');
    const noHeader = csvFile('no-sku.csv', ['name', 'X']);
    const refused = await runMeridian(['inventory', 'import', noHeader, '--org', shop.orgId], env);
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('lacks sku') });
    const badToken = await runMeridian(['inventory', 'import', file, '--org', shop.orgId], {
      ...env,
      MERIDIAN_TOKEN: 'mrd_wrong',
    });
    expect(badToken.code).toBe(2);
    const nowhere = await runMeridian(['inventory', 'import', file, '--org', shop.orgId], {
      ...env,
      MERIDIAN_URL: 'http://127.0.0.1:1',
    });
    expect(nowhere).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot reach/) });
  });
});
