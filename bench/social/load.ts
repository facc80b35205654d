// Load for bench/social.ts through Meridian's HTTP API with autocannon's API, each request as the
// next user of a range (tokens rotate: `tokenOf(first + i % users)`): home timeline reads
// (`GET /v1/social/timelines/home?limit=20`), likes of one post (`POST …/posts/:id/like`) or new
// posts (`POST /v1/social/posts`). Prints autocannon's JSON result (plus `statuses`) on stdout, the
// first refused answer on stderr. Run: `node bench/social/load.ts '<json options>'`.
import { createRequire } from 'node:module';
import { tokenOf } from './setup.ts';

export interface LoadOptions {
  url: string;
  kind: 'home' | 'like' | 'post';
  /** The first user and how many: request i is user first + i % users. */
  first: number;
  users: number;
  /** The post liked (kind `like`). */
  postId?: string;
  connections: number;
  seconds: number;
}

interface Request {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface Instance {
  stop(): void;
  on(event: 'done', listener: (result: unknown) => void): void;
}

type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: {
    method: string;
    path: string;
    setupRequest(request: Request): Request;
    onResponse(status: number, body: string): void;
  }[];
}) => Instance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
const options = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
let next = 0;
let firstFailure: string | undefined;
const statuses: Record<string, number> = {};

const shapes = {
  home: { method: 'GET', path: '/v1/social/timelines/home?limit=20' },
  like: { method: 'POST', path: `/v1/social/posts/${options.postId}/like` },
  post: { method: 'POST', path: '/v1/social/posts' },
} as const;

const instance = autocannon({
  url: options.url,
  connections: options.connections,
  duration: options.seconds,
  timeout: 30,
  requests: [
    {
      ...shapes[options.kind],
      setupRequest(request) {
        const i = next++;
        const headers: Record<string, string> = {
          ...request.headers,
          authorization: `Bearer ${tokenOf(options.first + (i % options.users))}`,
        };
        if (options.kind !== 'post') return { ...request, headers };
        return {
          ...request,
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ text: `Bench post ${i}: nothing to see #bench` }),
        };
      },
      onResponse(status, body) {
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status >= 300) firstFailure ??= `${status} ${body.slice(0, 500)}`;
      },
    },
  ],
});
process.on('SIGTERM', () => instance.stop());

instance.on('done', (result) => {
  if (firstFailure) process.stderr.write(`  first refused answer: ${firstFailure}\n`);
  process.stdout.write(JSON.stringify({ ...(result as object), statuses }));
});
