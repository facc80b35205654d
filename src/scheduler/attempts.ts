import type { Db } from '../platform/db/database.ts';
import { Problem } from '../platform/problems.ts';
import { executionJson, requireTask } from './service.ts';
import * as executionStore from './store/executions.ts';

// An execution's attempts as its owner sees them. Each is a row of `scheduler_attempts`, opened
// by the begin transaction and closed by the finish transaction of jobs.ts (one multi-row
// statement per batch each), so this history costs the hot path no extra transaction.

/** An execution of the caller's task with its attempts, oldest first (`duration_ms` once ended). */
export async function executionDetail(
  db: Db,
  ownerId: string,
  taskId: string,
  executionId: string,
) {
  const task = await requireTask(db, ownerId, taskId);
  const execution = await executionStore.findExecution(db, executionId);
  if (!execution || execution.task_id !== task.id) {
    throw new Problem('not-found', `No execution ${executionId} of task ${taskId}`);
  }
  const attempts = await executionStore.listAttempts(db, execution.id);
  return {
    ...executionJson(execution),
    attempt_history: attempts.map((attempt) => ({
      attempt: attempt.attempt,
      started_at: attempt.started_at,
      finished_at: attempt.finished_at,
      outcome: attempt.succeeded === null ? 'running' : attempt.succeeded ? 'succeeded' : 'failed',
      http_status: attempt.http_status,
      error: attempt.error,
      duration_ms:
        attempt.finished_at && attempt.finished_at.getTime() - attempt.started_at.getTime(),
      response_excerpt: attempt.response_excerpt,
    })),
  };
}
