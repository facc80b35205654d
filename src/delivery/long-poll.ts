import type { Events } from '../platform/events/publish.ts';
import { offerTopic } from './pull.ts';

// The agents' long polls of one process. A version kept for a node is announced by an event
// (`delivery:<node id>`, published in the transaction that keeps it), which reaches every
// process through the event bus's one LISTEN connection; here it is handed to the polls of that
// node waiting in this process. A node with polls waiting holds one subscription, however many
// polls (an agent and its retry) wait on it; no poll reads the database while it waits.

export interface OfferWaiters {
  /**
   * Resolves when a version is announced for the node, after `timeoutMs`, when `signal` aborts
   * (the client went away) or when the process closes, whichever comes first. Subscribes before
   * it returns, so the caller can read the database afterwards without missing an announcement.
   */
  wait(nodeId: string, timeoutMs: number, signal: AbortSignal): Promise<void>;
  /** Ends every wait now (the server is closing: polls answer at once instead of holding it). */
  closeAll(): void;
}

export function createOfferWaiters(events: Events): OfferWaiters {
  const waiting = new Map<string, { wake: Set<() => void>; unsubscribe: () => void }>();
  let closed = false;

  function wakeNode(nodeId: string) {
    for (const wake of [...(waiting.get(nodeId)?.wake ?? [])]) wake();
  }

  return {
    wait(nodeId, timeoutMs, signal) {
      if (closed || signal.aborted) return Promise.resolve();
      let entry = waiting.get(nodeId);
      if (!entry) {
        const unsubscribe = events.subscribe([offerTopic(nodeId)], () => wakeNode(nodeId));
        entry = { wake: new Set(), unsubscribe };
        waiting.set(nodeId, entry);
      }
      const node = entry;
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        signal.addEventListener('abort', done, { once: true });
        node.wake.add(done);
        function done() {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          node.wake.delete(done);
          if (node.wake.size === 0 && waiting.get(nodeId) === node) {
            waiting.delete(nodeId);
            node.unsubscribe();
          }
          resolve();
        }
      });
    },
    closeAll() {
      closed = true;
      for (const nodeId of [...waiting.keys()]) wakeNode(nodeId);
    },
  };
}
