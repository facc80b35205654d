// Live delivery for bench/social.ts: `clients` followers of an author connected over WebSocket (in
// processes of bench/social/live-clients.ts, each follower with its own token, subscribed to its
// own `social:home-<profile id>`), then the author posts; each follower's receipt of the post's
// `post.created` minus the post's commit (`created_at`, the same machine's clock).
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from '../results.ts';
import { root } from '../servers.ts';
import { postAs, withClient } from './fanout.ts';
import { profileIds, tokenOf } from './setup.ts';

export interface LiveFigure {
  clients: number;
  received: number;
  p50: number;
  p99: number;
  max: number;
  /** Why it was not measured, when it was not. */
  skipped?: string;
}

const processes = 2;

type Send = <T>(command: object) => Promise<T>;

/** A client process, and a function that sends it a command and resolves with its answer. */
async function startClients(children: Set<ChildProcess>): Promise<Send> {
  const child = fork(path.join(root, 'bench/social/live-clients.ts'), {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  const replies: Array<(message: unknown) => void> = [];
  child.on('message', (message) => replies.shift()?.(message));
  await new Promise((resolve) => replies.push(resolve));
  return <T>(command: object) =>
    new Promise<T>((resolve) => {
      replies.push(resolve as (message: unknown) => void);
      child.send(command);
    });
}

/** Followers 1..`clients` of `author` connected; the author posts; the receipt times. */
export async function measureLive(
  databaseUrl: string,
  url: string,
  author: { token: string },
  clients: number,
): Promise<LiveFigure> {
  const none = { clients, received: 0, p50: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const children = new Set<ChildProcess>();
  try {
    const senders = await Promise.all(
      Array.from({ length: processes }, () => startClients(children)),
    );
    const ids = await profileIds(databaseUrl, 1, clients);
    const all = ids.map((id, i) => ({ token: tokenOf(i + 1), topic: `social:home-${id}` }));
    const share = Math.ceil(all.length / processes);
    const connected = await Promise.all(
      senders.map((send, i) =>
        send<{ connected?: number; error?: string }>({
          cmd: 'connect',
          url,
          clients: all.slice(i * share, (i + 1) * share),
        }),
      ),
    );
    const refused = connected.find((answer) => answer.error);
    if (refused) return { ...none, skipped: `subscription refused: ${refused.error}` };
    await sleep(2_000); // let the handshakes' work settle before the post
    const postId = await postAs(url, author.token, `Live bench ${Date.now()}`);
    const createdAt = await withClient(databaseUrl, async (client) => {
      const { rows } = await client.query(
        'SELECT extract(epoch FROM created_at)::float * 1000 AS ms FROM social_posts WHERE id = $1',
        [postId],
      );
      return rows[0].ms as number;
    });
    // Every follower, or 10 s of nothing new.
    let receipts: number[] = [];
    for (let quiet = 0; receipts.length < all.length && quiet < 100; quiet++) {
      await sleep(100);
      const reports = await Promise.all(
        senders.map((send) => send<{ receipts: number[] }>({ cmd: 'report', postId })),
      );
      const now = reports.flatMap((report) => report.receipts);
      if (now.length > receipts.length) quiet = 0;
      receipts = now;
    }
    const latencies = receipts.map((at) => at - createdAt).sort((a, b) => a - b);
    return {
      clients: all.length,
      received: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
    };
  } finally {
    for (const child of children) if (child.connected) child.send({ cmd: 'close' });
    await Promise.all(
      [...children].map((child) =>
        child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null,
      ),
    );
  }
}
