import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, signUp, startTestServer, type TestServer } from '../../../test/helpers.ts';
import type { Db } from '../../platform/db/database.ts';
import { schedulerModule } from '../module.ts';
import * as executionStore from './executions.ts';
import type { ExecutionRow, ExecutionState, TaskRow, TaskState } from './tables.ts';
import * as taskStore from './tasks.ts';

// Each transition changes a row only from the states docs/scheduler.md ("States") says it leaves,
// and returns nothing for a row in any other state, which it leaves as it was.

let server: TestServer;
let db: Db;
let template: TaskRow;

beforeAll(async () => {
  server = await startTestServer({ systems: [schedulerModule] });
  db = server.database.db;
  const api = apiClient(server.url);
  const user = await signUp(api);
  const created = await api('POST', '/v1/tasks', {
    token: user.token,
    body: {
      name: 'template',
      schedule: { frequency: 'daily', start: '2099-01-01T09:00:00Z' },
    },
  });
  expect(created.status).toBe(201);
  template = (await taskStore.findTask(db, null, created.body.id)) as TaskRow;
});

const executionStates: ExecutionState[] = [
  'pending',
  'running',
  'succeeded',
  'retrying',
  'dead',
  'missed',
  'cancelled',
  'skipped',
];

let dueOffset = 0;

/** A new execution of the template task in `state` (due at a time of its own). */
async function executionIn(state: ExecutionState): Promise<ExecutionRow> {
  const [inserted] = await executionStore.insertExecutions(db, [
    {
      id: uuidv7(),
      task_id: template.id,
      scheduled_for: new Date(Date.UTC(2000, 0, 1) + ++dueOffset),
    },
  ]);
  // Those that started have an attempt; the others never had one (a cancelled one is taken
  // back by a new id when scheduled again).
  const started = ['running', 'succeeded', 'retrying', 'dead'].includes(state);
  const { rows } = await sql<ExecutionRow>`
    UPDATE scheduler_executions SET state = ${state}, attempts = ${started ? 1 : 0}
     WHERE id = ${inserted?.id}
    RETURNING *`.execute(db);
  if (started) {
    await sql`INSERT INTO scheduler_attempts (execution_id, attempt, started_at)
              VALUES (${inserted?.id}, 1, now())`.execute(db);
  }
  return rows[0] as ExecutionRow;
}

const now = new Date();
const executionTransitions: {
  name: string;
  leaves: ExecutionState[];
  to?: ExecutionState;
  run: (execution: ExecutionRow) => Promise<ExecutionRow | undefined>;
}[] = [
  {
    name: 'startExecutions',
    leaves: ['pending', 'retrying', 'running', 'dead'],
    to: 'running',
    run: async (e) => (await executionStore.startExecutions(db, [e.id], now))[0],
  },
  {
    name: 'recordAttemptOutcomes',
    leaves: ['running'],
    to: 'retrying',
    run: async (e) =>
      (
        await executionStore.recordAttemptOutcomes(db, now, [
          {
            execution_id: e.id,
            attempt: 1,
            state: 'retrying',
            http_status: 500,
            response_excerpt: null,
            error: 'the target answered 500',
          },
        ])
      )[0],
  },
  {
    name: 'markExecutionLost',
    leaves: ['pending', 'running', 'retrying'],
    to: 'dead',
    run: (e) => executionStore.markExecutionLost(db, e.id, 'lost', now),
  },
  {
    name: 'markMissed',
    leaves: ['pending'],
    to: 'missed',
    run: async (e) => (await executionStore.markMissed(db, [e.id], now))[0],
  },
  {
    name: 'bufferExecution',
    leaves: ['pending'],
    run: (e) => executionStore.bufferExecution(db, e.id),
  },
  {
    name: 'skipExecution',
    leaves: ['pending'],
    to: 'skipped',
    run: (e) => executionStore.skipExecution(db, e.id, 'overlap', now),
  },
  {
    name: 'cancelPendingExecutions',
    leaves: ['pending'],
    to: 'cancelled',
    run: async (e) =>
      (await executionStore.cancelPendingExecutions(db, template.id, now)).find(
        (row) => row.id === e.id,
      ),
  },
  {
    name: 'redriveExecution',
    leaves: ['dead'],
    to: 'retrying',
    run: (e) => executionStore.redriveExecution(db, e.id),
  },
  {
    name: 'holdExecution',
    leaves: ['pending'],
    run: (e) => executionStore.holdExecution(db, e.id),
  },
  {
    name: 'attachRunJob',
    leaves: ['pending', 'retrying'],
    run: (e) => executionStore.attachRunJob(db, e.id, 1),
  },
];

describe('execution transitions', () => {
  for (const transition of executionTransitions) {
    it(`${transition.name} leaves only ${transition.leaves.join(', ')}`, async () => {
      for (const state of executionStates) {
        const before = await executionIn(state);
        const result = await transition.run(before);
        const after = (await executionStore.findExecution(db, before.id)) as ExecutionRow;
        if (transition.leaves.includes(state)) {
          expect(result?.id, `${transition.name} from ${state}`).toBe(before.id);
          expect(after.state).toBe(transition.to ?? state);
        } else {
          expect(result, `${transition.name} from ${state}`).toBeUndefined();
          expect(after).toEqual(before);
        }
      }
    });
  }

  it('recordAttemptOutcomes closes a superseded attempt but leaves the execution to the next', async () => {
    // Attempt 1's worker was judged lost while only paused; attempt 2 runs the execution now.
    const first = await executionIn('running');
    const [second] = await executionStore.startExecutions(db, [first.id], now);
    expect(second?.attempts).toBe(2);
    const [stale] = await executionStore.recordAttemptOutcomes(db, now, [
      {
        execution_id: first.id,
        attempt: 1,
        state: 'succeeded',
        http_status: 200,
        response_excerpt: null,
        error: null,
      },
    ]);
    expect(stale).toBeUndefined();
    expect(await executionStore.findExecution(db, first.id)).toEqual(second);
    const { rows } = await sql<{ attempt: number; succeeded: boolean | null }>`
      SELECT attempt, succeeded FROM scheduler_attempts WHERE execution_id = ${first.id}
      ORDER BY attempt`.execute(db);
    expect(rows).toEqual([
      { attempt: 1, succeeded: true },
      { attempt: 2, succeeded: null },
    ]);
  });

  it('insertExecutions takes a cancelled occurrence back to pending, and no other', async () => {
    for (const state of executionStates) {
      const before = await executionIn(state);
      const [again] = await executionStore.insertExecutions(db, [
        { id: uuidv7(), task_id: template.id, scheduled_for: before.scheduled_for },
      ]);
      expect(again?.state, `insert over ${state}`).toBe(
        state === 'cancelled' ? 'pending' : undefined,
      );
    }
  });
});

const taskStates: TaskState[] = ['active', 'paused', 'completed', 'deleted'];

async function taskIn(state: TaskState): Promise<TaskRow> {
  const [task] = await taskStore.insertTasks(db, [
    { ...template, id: uuidv7(), state, next_run_at: null },
  ]);
  return task as TaskRow;
}

const taskTransitions: {
  name: string;
  leaves: TaskState[];
  to?: TaskState;
  run: (task: TaskRow) => Promise<TaskRow | undefined>;
}[] = [
  {
    name: 'pauseTask',
    leaves: ['active'],
    to: 'paused',
    run: (t) => taskStore.pauseTask(db, t.id),
  },
  {
    name: 'resumeTask',
    leaves: ['paused'],
    to: 'active',
    run: (t) => taskStore.resumeTask(db, t.id),
  },
  {
    name: 'completeTasks',
    leaves: ['active'],
    to: 'completed',
    run: async (t) => (await taskStore.completeTasks(db, [t.id]))[0],
  },
  {
    name: 'rescheduleTask',
    leaves: ['active', 'completed'],
    to: 'active',
    run: (t) => taskStore.rescheduleTask(db, t.id, { schedule: t.schedule }),
  },
  {
    name: 'deleteTask',
    leaves: ['active', 'paused', 'completed'],
    to: 'deleted',
    run: (t) => taskStore.deleteTask(db, t.id),
  },
  {
    name: 'setPausedUntil',
    leaves: ['paused'],
    run: (t) => taskStore.setPausedUntil(db, t.id, new Date('2099-01-01T00:00:00Z')),
  },
  {
    name: 'updateTaskSettings',
    leaves: ['active', 'paused', 'completed'],
    run: (t) => taskStore.updateTaskSettings(db, t.id, { name: 'renamed' }),
  },
];

async function readTask(id: string): Promise<TaskRow> {
  return (await sql<TaskRow>`SELECT * FROM scheduler_tasks WHERE id = ${id}`.execute(db))
    .rows[0] as TaskRow;
}

describe('task transitions', () => {
  for (const transition of taskTransitions) {
    it(`${transition.name} leaves only ${transition.leaves.join(', ')}`, async () => {
      for (const state of taskStates) {
        const before = await taskIn(state);
        const result = await transition.run(before);
        const after = await readTask(before.id);
        if (transition.leaves.includes(state)) {
          expect(result?.id, `${transition.name} from ${state}`).toBe(before.id);
          expect(after.state).toBe(transition.to ?? state);
        } else {
          expect(result, `${transition.name} from ${state}`).toBeUndefined();
          expect(after).toEqual(before);
        }
      }
    });
  }
});
