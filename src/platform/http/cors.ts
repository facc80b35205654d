import type { App } from './app.ts';
import { sendProblem } from './problems.ts';

// Cross-origin calls from browser apps (CORS), for the origins the operator lists in
// CORS_ORIGINS; none by default, and then OPTIONS stays a 404. No credentials are involved: the
// API authenticates by bearer token, never by cookie.

const allowMethods = 'GET, POST, PUT, PATCH, DELETE';
const allowHeaders =
  'Authorization, Content-Type, Idempotency-Key, If-Match, X-Request-Id, Last-Event-ID';
/** Response headers a browser app may read besides the CORS-safelisted ones. */
const exposeHeaders =
  'ETag, Location, Retry-After, X-Request-Id, Idempotent-Replayed, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset';
/** How long a browser may keep a preflight's answer. */
const maxAgeSeconds = 600;

/**
 * Lets the given origins call the API: every response to a request from one of them (errors
 * included) carries `Access-Control-Allow-Origin` and the exposed headers, and a preflight
 * (`OPTIONS` with `Access-Control-Request-Method`) from one of them is a 204 with the allowed
 * methods and headers. Any other origin gets no CORS headers, so its browser refuses the answer.
 */
export function registerCors(app: App, origins: readonly string[]): void {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  const isAllowed = (origin: string | undefined): origin is string =>
    origin !== undefined && allowed.has(origin);
  app.addHook('onRequest', (request, reply, done) => {
    // The answer depends on Origin, so caches must keep one per origin.
    reply.header('vary', 'Origin');
    const { origin } = request.headers;
    if (isAllowed(origin)) {
      reply.header('access-control-allow-origin', origin);
      reply.header('access-control-expose-headers', exposeHeaders);
    }
    done();
  });
  app.options('/*', { schema: { hide: true }, config: { rateLimit: false } }, (request, reply) => {
    if (!isAllowed(request.headers.origin) || !request.headers['access-control-request-method']) {
      return sendProblem(reply, 'route-not-found', `No route OPTIONS ${request.url}`);
    }
    return reply
      .code(204)
      .header('access-control-allow-methods', allowMethods)
      .header('access-control-allow-headers', allowHeaders)
      .header('access-control-max-age', String(maxAgeSeconds))
      .send();
  });
}
