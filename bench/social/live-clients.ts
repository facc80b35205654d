// One process of WebSocket followers for bench/social.ts, driven over IPC, as
// bench/realtime-clients.ts is for bench/realtime.ts — but each connection is a different user
// (its own token) subscribed to its own home topic (`social:home-<profile id>`), and what it
// records is when (wall clock, ms) each `post.created` reached it, by post.
import WebSocket from 'ws';

interface Connect {
  cmd: 'connect';
  url: string;
  /** One per connection. */
  clients: { token: string; topic: string }[];
}
type Command = Connect | { cmd: 'report'; postId: string } | { cmd: 'close' };

const sockets: WebSocket[] = [];
/** Per post id, when each connection received its `post.created`. */
const receipts = new Map<string, number[]>();
const send = (message: unknown) => process.send?.(message);

function onMessage(data: WebSocket.RawData): void {
  const at = performance.timeOrigin + performance.now();
  const message = JSON.parse(String(data));
  if (message.type !== 'event' || message.event !== 'post.created') return;
  const id = String(message.data?.id);
  const list = receipts.get(id) ?? [];
  list.push(at);
  receipts.set(id, list);
}

/** Opens one connection and resolves once its subscription is acknowledged. */
function open(url: string, { token, topic }: { token: string; topic: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/v1/stream`, {
      headers: { authorization: `Bearer ${token}` },
      perMessageDeflate: false,
    });
    ws.once('error', reject);
    ws.once('open', () => ws.send(JSON.stringify({ type: 'subscribe', topics: [topic] })));
    ws.on('message', function first(data) {
      if (JSON.parse(String(data)).type !== 'subscribed') return reject(new Error(String(data)));
      ws.off('message', first);
      ws.on('message', onMessage);
      sockets.push(ws);
      resolve();
    });
  });
}

/** Opens every connection, at most 100 handshakes at a time. */
async function connect({ url, clients }: Connect): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < clients.length) await open(url, clients[next++] as Connect['clients'][0]);
  };
  await Promise.all(Array.from({ length: Math.min(100, clients.length) }, worker));
}

process.on('message', async (command: Command) => {
  if (command.cmd === 'connect') {
    try {
      await connect(command);
      send({ connected: sockets.length });
    } catch (error) {
      send({ error: String(error) });
    }
  } else if (command.cmd === 'report') {
    send({ receipts: receipts.get(command.postId) ?? [] });
  } else {
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
});
send({ ready: true });
