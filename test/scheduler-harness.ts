import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect } from 'vitest';
import type { Api } from './helpers.ts';

// What the scheduler's end-to-end tests share: a local webhook target, and the task API as one
// user (create a task, read its executions).

/** A request the local webhook target received, its body read. */
export interface ReceivedCall {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Starts a local webhook target for the calling test file and closes it after the file's tests;
 * returns its base URL. `answer` gets each request once its body is read, and ends the response
 * (or keeps it open, for a target that hangs).
 */
export async function startReceiver(
  answer: (call: ReceivedCall, response: ServerResponse) => void,
): Promise<string> {
  const receiver = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      const call = {
        path: request.url ?? '/',
        method: request.method ?? '',
        headers: request.headers,
      };
      answer({ ...call, body }, response);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  afterAll(() => {
    receiver.closeAllConnections();
    return new Promise<void>((resolve) => receiver.close(() => resolve()));
  });
  return `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
}

/** An execution as `GET /v1/tasks/:id/executions` lists it (the fields the tests read). */
export interface Execution {
  id: string;
  state: string;
  attempts: number;
  scheduled_for: string;
  started_at: string | null;
}

/**
 * The task API as one user. `as` is read at each call, so a file may set its API client and
 * user in `beforeAll` and bind the helpers at the top:
 *
 * ```ts
 * const { createTask, executions } = tasksOf(() => ({ api, token: user.token }));
 * ```
 */
export function tasksOf(as: () => { api: Api; token: string }) {
  return {
    /** Creates a task, expecting 201; returns it. */
    async createTask(body: Record<string, unknown>) {
      const { api, token } = as();
      const response = await api('POST', '/v1/tasks', { token, body });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body;
    },
    /** The task's executions, newest first (up to 100). */
    async executions(taskId: string): Promise<Execution[]> {
      const { api, token } = as();
      const response = await api('GET', `/v1/tasks/${taskId}/executions?limit=100`, { token });
      expect(response.status).toBe(200);
      return response.body.items;
    },
  };
}

/** `s` seconds after `from` (now by default), as an ISO time for a schedule. */
export const inSeconds = (s: number, from = new Date()) =>
  new Date(from.getTime() + s * 1000).toISOString();
