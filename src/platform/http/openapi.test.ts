import { beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiClient, startTestServer } from '../../../test/helpers.ts';
import { systems } from '../../main.ts';

describe('the API reference', () => {
  let api: Api;
  let url: string;
  beforeAll(async () => {
    // Every system's routes too: each must document its errors as the platform's do.
    url = (await startTestServer({ systems })).url;
    api = apiClient(url);
  });

  it('serves a valid OpenAPI 3.1 document of the /v1 routes and their errors', async () => {
    const response = await api('GET', '/openapi.json');
    expect(response.status).toBe(200);
    const doc = response.body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Meridian API' });
    expect(typeof doc.info.version).toBe('string');
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });

    const expected: Record<string, Record<string, string[]>> = {
      '/v1/auth/signup': { post: ['201', '400', '409'] },
      '/v1/auth/login': { post: ['200', '400', '401'] },
      '/v1/me': { get: ['200', '400', '401'] },
      '/v1/tokens': { get: ['200', '400', '401'], post: ['201', '400', '401'] },
      '/v1/tokens/{tokenId}': { delete: ['204', '400', '401', '404'] },
      '/v1/orgs': { get: ['200', '400', '401'], post: ['201', '400', '401'] },
      '/v1/orgs/{orgId}': {
        get: ['200', '400', '401', '404'],
        patch: ['200', '400', '401', '403', '404', '409', '412'],
      },
      '/v1/orgs/{orgId}/members': {
        get: ['200', '400', '401', '404'],
        post: ['201', '400', '401', '403', '404', '409', '422'],
      },
      '/v1/orgs/{orgId}/members/{userId}': { delete: ['204', '400', '401', '403', '404', '409'] },
      '/v1/admin/instances': { get: ['200', '400', '401', '403'] },
      '/v1/blobs': { post: ['200', '201', '400', '401', '413', '415', '422'] },
      '/v1/blobs/{hash}': {
        get: ['200', '206', '304', '400', '404', '416'],
        head: ['200', '206', '304', '400', '404', '416'],
      },
    };
    const v1Paths = Object.keys(doc.paths).filter((p) => p.startsWith('/v1/'));
    expect(v1Paths).toEqual(expect.arrayContaining(Object.keys(expected)));
    // Every /v1 operation, including ones added since, documents its errors as problems.
    for (const path of v1Paths) {
      for (const [method, operation] of Object.entries<any>(doc.paths[path])) {
        const errors = Object.keys(operation.responses).filter((s) => Number(s) >= 400);
        expect(errors, `${method} ${path}`).toContain('400');
        if (operation.security) expect(errors, `${method} ${path}`).toContain('401');
        for (const status of errors) {
          expect(
            Object.keys(operation.responses[status].content),
            `${method} ${path} ${status}`,
          ).toEqual(['application/problem+json']);
        }
      }
    }
    for (const [path, operations] of Object.entries(expected)) {
      for (const [method, statuses] of Object.entries(operations)) {
        const operation = doc.paths[path][method];
        expect(operation, `${method} ${path}`).toBeDefined();
        expect(Object.keys(operation.responses).sort(), `${method} ${path}`).toEqual(statuses);
        for (const status of statuses.filter((s) => Number(s) >= 400)) {
          const content = operation.responses[status].content;
          const problem = content['application/problem+json'];
          expect(problem, `${method} ${path} ${status}`).toBeDefined();
          expect(operation.responses[status].description).toContain('/problems/');
          expect(problem.schema.required).toEqual(
            expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance']),
          );
        }
        const open = ['/v1/auth/signup', '/v1/auth/login', '/v1/blobs/{hash}']; // no token needed
        if (!open.includes(path)) {
          expect(operation.security, `${method} ${path}`).toEqual([{ bearer: [] }]);
        }
      }
    }
    // Path parameters are declared, and every $ref points somewhere.
    expect(doc.paths['/v1/orgs/{orgId}'].get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'orgId', in: 'path' })]),
    );
    for (const ref of collectRefs(doc)) expect(resolvePointer(doc, ref), ref).toBeDefined();
    // Internal routes stay out of the reference.
    expect(doc.paths['/metrics']).toBeUndefined();
    expect(doc.paths['/openapi.json']).toBeUndefined();
  });

  it('serves the browsable reference as HTML', async () => {
    const response = await fetch(new URL('/docs', url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/swagger/i);
  });
});

function collectRefs(node: unknown, refs: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, refs);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') refs.push(value);
      else collectRefs(value, refs);
    }
  }
  return refs;
}

function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}
