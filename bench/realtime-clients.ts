// One process of WebSocket clients for bench/realtime.ts, driven over IPC. It opens connections
// to /v1/stream, subscribes each to the bench topic, and for every event records the latency
// from the publisher's clock (performance.timeOrigin + now(): comparable across processes).
import WebSocket from 'ws';

interface Connect {
  cmd: 'connect';
  url: string;
  token: string;
  topic: string;
  count: number;
}
type Command = Connect | { cmd: 'reset' } | { cmd: 'report' } | { cmd: 'close' };

const sockets: WebSocket[] = [];
let latencies: number[] = [];
let lastReceivedAt = 0;
let received = 0;
const now = () => performance.timeOrigin + performance.now();
const send = (message: unknown) => process.send?.(message);

function onMessage(data: WebSocket.RawData): void {
  const message = JSON.parse(String(data));
  if (message.type !== 'event') return;
  const at = now();
  latencies.push(at - message.data.sentAt);
  lastReceivedAt = at;
  received++;
}

/** Opens one connection and resolves once its subscription is acknowledged. */
function open({ url, token, topic }: Connect): Promise<void> {
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
    ws.once('close', (code, reason) => {
      if (code !== 1000 && code !== 1005) send({ closed: code, reason: String(reason) });
    });
  });
}

/** Opens `count` connections, at most 100 handshakes at a time. */
async function connect(command: Connect): Promise<void> {
  let remaining = command.count;
  const worker = async () => {
    while (remaining-- > 0) await open(command);
  };
  await Promise.all(Array.from({ length: Math.min(100, command.count) }, worker));
}

process.on('message', async (command: Command) => {
  if (command.cmd === 'connect') {
    await connect(command);
    send({ connected: sockets.length });
  } else if (command.cmd === 'reset') {
    latencies = [];
    received = 0;
    send({ reset: true });
  } else if (command.cmd === 'report') {
    send({ latencies, received, lastReceivedAt });
  } else {
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
});
send({ ready: true });
