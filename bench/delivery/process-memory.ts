// A server process's memory, read from outside it so that reading costs it nothing: its resident
// set (/proc/<pid>/status), its open descriptors (/proc/<pid>/fd), and through the V8 inspector
// it was started with (`inspectable`) a full garbage collection and the heap in use after it.
// Two samples, each after a full collection, differ by live memory, not by garbage that one
// collection happened to leave. Linux only.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** The environment of a process to measure: Node opens its inspector on a free loopback port. */
export const inspectable = { NODE_OPTIONS: '--inspect=127.0.0.1:0' };

export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]) * 1024;
}

export const openDescriptors = (pid: number): number => readdirSync(`/proc/${pid}/fd`).length;

export interface Inspector {
  /** A full, compacting collection (`HeapProfiler.collectGarbage`). */
  collectGarbage(): Promise<void>;
  /** V8's heap in use, bytes (`Runtime.getHeapUsage`, as `process.memoryUsage().heapUsed`). */
  heapUsed(): Promise<number>;
  /** Must come before the process is stopped: Node waits for a connected debugger to leave. */
  close(): void;
}

/** Connects to the inspector of the process whose stderr is `logFile`. */
export async function connectInspector(logFile: string): Promise<Inspector> {
  // Node writes "Debugger listening on ws://127.0.0.1:<port>/<id>" to stderr as it starts.
  const url = /Debugger listening on (ws:\/\/\S+)/.exec(await readFile(logFile, 'utf8'))?.[1];
  if (!url) throw new Error(`no inspector address in ${logFile}`);
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error(`cannot connect to the inspector at ${url}`));
  });
  const answers = new Map<number, (result: Record<string, unknown>) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data));
    answers.get(message.id)?.(message.result);
    answers.delete(message.id);
  };
  let lastId = 0;
  const send = (method: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = ++lastId;
      answers.set(id, resolve);
      socket.send(JSON.stringify({ id, method }));
    });
  return {
    async collectGarbage() {
      await send('HeapProfiler.collectGarbage');
    },
    async heapUsed() {
      return Number((await send('Runtime.getHeapUsage')).usedSize);
    },
    close: () => socket.close(),
  };
}
