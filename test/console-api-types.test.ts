import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { systems } from '../src/main.ts';
import { startTestServer } from './helpers.ts';

// The console's API types are generated from the OpenAPI document Meridian serves, never written
// by hand. This test fails when the committed file and the routes' schemas have drifted apart;
// `UPDATE_API_TYPES=1 npx vitest run test/console-api-types.test.ts` writes it anew.

const typesFile = new URL('../web/src/api/schema.d.ts', import.meta.url);
const header =
  '// Generated from GET /openapi.json by test/console-api-types.test.ts. Do not edit.\n\n';

describe('the console API types', () => {
  it('are those of the OpenAPI document the server serves', async () => {
    const server = await startTestServer({ systems });
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as OpenAPI3;
    const generated = header + astToString(await openapiTS(document));
    if (process.env.UPDATE_API_TYPES) await writeFile(typesFile, generated);
    expect(await readFile(typesFile, 'utf8')).toBe(generated);
  });
});
