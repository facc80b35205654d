import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { api, call } from './api';

/** An event of the stream gateway (docs/events.md, "WebSocket"). */
export interface LiveEvent {
  id: string;
  topic: string;
  event: string;
  data: unknown;
  at: string;
}

/**
 * `live`: connected; `connecting`: the first connection or a reconnect under way; `gap`: after a
 * reconnect the gateway could not replay what was missed, so every view was refetched.
 */
export type LiveStatus = 'connecting' | 'live' | 'gap' | 'offline';

type Listener = (event: LiveEvent) => void;

const maxBackoffMs = 10_000;

/**
 * The console's one WebSocket to the gateway. Views subscribe to topics; the connection
 * subscribes to the union. Reconnects with backoff, asking for the events after the last id it
 * saw (ids are commit-ordered across topics, so one id covers them all); when the gateway
 * answers `reset`, `onGap` is called so that the views refetch.
 */
export class LiveConnection {
  private socket: WebSocket | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  private lastEventId: string | null = null;
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by each start and stop, so that a connect begun before a stop gives up. */
  private generation = 0;
  private status: LiveStatus = 'connecting';
  private readonly statusListeners = new Set<() => void>();

  constructor(private readonly onGap: () => void) {}

  start(): void {
    void this.connect(++this.generation);
  }

  stop(): void {
    this.generation++;
    clearTimeout(this.retryTimer);
    this.socket?.close(1000, 'signed out');
    this.socket = null;
  }

  /** Calls `listener` with each event of `topics` until the returned function is called. */
  subscribe(topics: string[], listener: Listener): () => void {
    const added = topics.filter((topic) => !this.listeners.has(topic));
    for (const topic of topics) {
      const set = this.listeners.get(topic) ?? new Set();
      set.add(listener);
      this.listeners.set(topic, set);
    }
    if (added.length > 0) this.send({ type: 'subscribe', topics: added });
    return () => {
      const emptied: string[] = [];
      for (const topic of topics) {
        const set = this.listeners.get(topic);
        set?.delete(listener);
        if (set?.size === 0) {
          this.listeners.delete(topic);
          emptied.push(topic);
        }
      }
      if (emptied.length > 0) this.send({ type: 'unsubscribe', topics: emptied });
    };
  }

  getStatus = (): LiveStatus => this.status;

  onStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  private setStatus(status: LiveStatus): void {
    this.status = status;
    for (const listener of this.statusListeners) listener();
  }

  private async connect(generation: number): Promise<void> {
    let ticket: string;
    try {
      ticket = (await call(api.POST('/v1/stream/tickets'))).ticket;
    } catch {
      if (generation === this.generation) this.retry();
      return;
    }
    if (generation !== this.generation) return;
    const url = new URL(`/v1/stream?ticket=${encodeURIComponent(ticket)}`, window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      const topics = [...this.listeners.keys()];
      const resuming = this.lastEventId !== null;
      if (topics.length > 0) {
        this.send({
          type: 'subscribe',
          topics,
          ...(resuming ? { last_event_id: this.lastEventId } : {}),
        });
      }
      this.attempts = 0;
      if (this.status !== 'gap') this.setStatus('live');
    };
    socket.onmessage = (message) => this.receive(JSON.parse(String(message.data)));
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (generation === this.generation) this.retry();
    };
  }

  private receive(message: { type: string } & Record<string, unknown>): void {
    if (message.type === 'event') {
      const event = message as unknown as LiveEvent;
      this.lastEventId = event.id;
      for (const listener of this.listeners.get(event.topic) ?? []) listener(event);
    } else if (message.type === 'reset') {
      this.lastEventId = String(message.last_event_id);
      this.setStatus('gap');
      this.onGap();
    }
  }

  private retry(): void {
    this.setStatus(this.attempts > 2 ? 'offline' : 'connecting');
    const delay = Math.min(maxBackoffMs, 500 * 2 ** this.attempts++);
    const generation = this.generation;
    this.retryTimer = setTimeout(() => void this.connect(generation), delay);
  }

  private send(message: object): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  /** The user has seen the notice of a gap. */
  acknowledgeGap(): void {
    if (this.status === 'gap') this.setStatus(this.socket ? 'live' : 'connecting');
  }
}

export const LiveContext = createContext<LiveConnection | null>(null);

/** Calls `onEvent` with each live event of `topics` while the component is mounted. */
export function useLive(topics: string[], onEvent: Listener): void {
  const connection = useContext(LiveContext);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = topics.join(',');
  useEffect(() => {
    if (!connection || key === '') return;
    return connection.subscribe(key.split(','), (event) => handler.current(event));
  }, [connection, key]);
}

const noConnection = () => () => {};
const offline = (): LiveStatus => 'offline';

/** The live connection's state, for the status indicator. */
export function useLiveStatus(): LiveStatus {
  const connection = useContext(LiveContext);
  return useSyncExternalStore(
    connection?.onStatus ?? noConnection,
    connection?.getStatus ?? offline,
  );
}
