import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { App } from './app.ts';

/** Where `npm ci` (the `prepare` script) leaves the built console. */
export const consoleDir = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Hashed file names change with their content, so a browser may keep them for a year. */
const immutable = 'public, max-age=31536000, immutable';

/**
 * Serves the web console from `dir` at `/`: each built file at its own path (registered at start,
 * so no wildcard route competes with the API), hashed `/assets/*` cached for good, everything
 * else revalidated, and the `.br`/`.gz` twins the build wrote sent to browsers that accept them.
 * Returns whether there was a console to serve.
 */
export async function registerConsole(app: App, log: Logger, dir: string): Promise<boolean> {
  if (!existsSync(`${dir}/index.html`)) {
    log.warn({ dir }, 'the web console is not built (npm run build:web): serving the API only');
    return false;
  }
  await app.register(fastifyStatic, {
    root: dir,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) =>
      reply.header('cache-control', path.includes('/assets/') ? immutable : 'no-cache'),
  });
  return true;
}

/**
 * A browser navigating to a page the router does not know (a deep link such as
 * `/inventory/items/…`): a GET for HTML outside the API's prefix. It gets `index.html`, and the
 * console routes it; API clients still get the `route-not-found` problem.
 */
export function wantsConsolePage(request: FastifyRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !request.url.startsWith('/v1/') &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

export function sendConsolePage(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-cache').sendFile('index.html');
}
