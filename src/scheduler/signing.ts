import { transaction } from '../platform/db/database.ts';
import type { Core } from '../platform/module.ts';
import { newWebhookSecret } from '../platform/outbound/signing.ts';
import { requireTask } from './service.ts';
import type { TaskRow } from './store/tables.ts';
import * as taskStore from './store/tasks.ts';

// A task's signing secrets: rotation with an overlap during which calls carry both signatures
// (docs/scheduler.md, "Rotating the signing secret").

/**
 * A new signing secret for the task. For `overlapMinutes`, calls are signed with the new and the
 * old secret (two signatures in `webhook-signature`), so the receiver can switch without a miss.
 */
export async function rotateTaskSecret(
  core: Core,
  ownerId: string,
  taskId: string,
  overlapMinutes: number,
): Promise<TaskRow> {
  return transaction(core.database.db, async (tx) => {
    const task = await requireTask(tx, ownerId, taskId, true);
    const expiresAt = new Date(core.clock.now().getTime() + overlapMinutes * 60_000);
    return taskStore.rotateSigningSecret(tx, task.id, newWebhookSecret(), expiresAt);
  });
}

/** The secrets that sign the task's calls at `now`: its own, and the previous until it expires. */
export function signingSecrets(task: TaskRow, now: Date): string[] {
  const { previous_signing_secret: previous, previous_secret_expires_at: expires } = task;
  return previous && expires && expires.getTime() > now.getTime()
    ? [task.signing_secret, previous]
    : [task.signing_secret];
}
