// The idle requests of bench/delivery-agents.ts: one per connection, from this process (node:http,
// an agent without a socket limit), opened a batch at a time so that the server's accept backlog
// is never overrun. Any answer is counted: a request answered before the memory was read
// (its wait over) was not idle when it was read, and spoils the measure.

import http from 'node:http';

export interface IdleRequest {
  path: string;
  headers: Record<string, string>;
}

export interface IdleRequests {
  /** Requests the server answered, and connections that failed, so far. */
  answered(): number;
  failed(): number;
  close(): void;
}

/** Connections being opened at once. */
const batch = 200;

/** Sends every request to `url` and resolves once all were written to their sockets. */
export async function openIdleRequests(
  url: string,
  requests: IdleRequest[],
): Promise<IdleRequests> {
  const { hostname, port } = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const sent: http.ClientRequest[] = [];
  let answered = 0;
  let failed = 0;
  let closing = false;
  for (let from = 0; from < requests.length; from += batch) {
    await Promise.all(
      requests.slice(from, from + batch).map(
        ({ path, headers }) =>
          new Promise<void>((resolve) => {
            const request = http.get({ hostname, port, path, headers, agent });
            request.once('finish', resolve);
            request.once('response', (response) => {
              answered++;
              response.resume();
            });
            request.once('error', () => {
              if (!closing) failed++;
              resolve();
            });
            sent.push(request);
          }),
      ),
    );
  }
  return {
    answered: () => answered,
    failed: () => failed,
    close() {
      closing = true;
      for (const request of sent) request.destroy();
      agent.destroy();
    },
  };
}
