import { type Db, transaction } from '../db/database.ts';
import type { AlertRow } from '../db/tables.ts';
import { defineJob } from '../jobs/define.ts';
import type { AlertFiring, AlertRule, Core } from '../module.ts';
import { fireOrRefresh, resolveAllBut } from './alert-store.ts';
import { forgetOldTraffic } from './traffic.ts';

// The alert evaluator: every rule asked what fires now, and the difference with the firing
// alerts applied in one transaction per rule, with the operators' notifications in the same
// transaction, so an alert is recorded iff its operators are told (docs/operations.md, Alerts).

/**
 * Evaluates every alert rule; enqueued every `ALERTS_EVALUATE_SECONDS` by the observe module. A
 * failed run (the database away) is retried twice at once, then left to the next slot.
 */
export const evaluateAlertsJob = defineJob('observe.evaluate_alerts', {
  maxAttempts: 3,
  backoff: { initialMs: 1_000, factor: 2, maxMs: 10_000 },
  timeoutMs: 60_000,
});

/** What one evaluation did, by rule: the alerts it fired and resolved, the rules that failed. */
export interface Evaluation {
  fired: AlertRow[];
  resolved: AlertRow[];
  failed: { rule: string; error: unknown }[];
}

/**
 * Asks each rule what fires now and applies it: a key not yet firing fires (operators told), one
 * firing already is refreshed (not told again), a firing key the rule no longer returns resolves
 * (operators told). A rule that throws is logged and skipped: its alerts stay as they were, since
 * a rule that cannot look has not seen the trouble end.
 */
export async function evaluateAlerts(
  core: Core,
  rules: readonly AlertRule[],
  now: Date = new Date(),
): Promise<Evaluation> {
  const evaluation: Evaluation = { fired: [], resolved: [], failed: [] };
  for (const rule of rules) {
    let firing: AlertFiring[];
    try {
      firing = distinctByKey(await rule.evaluate(core, now));
    } catch (error) {
      core.log.warn({ err: error, rule: rule.name }, 'an alert rule failed to evaluate');
      evaluation.failed.push({ rule: rule.name, error });
      continue;
    }
    const applied = await transaction(core.database.db, async (tx) => {
      const fired: AlertRow[] = [];
      for (const entry of firing) {
        const result = await fireOrRefresh(
          tx,
          {
            rule: rule.name,
            key: entry.key,
            severity: rule.severity,
            summary: entry.summary,
            details: entry.details ?? {},
            value: entry.value ?? null,
          },
          now,
        );
        if (result.fired) fired.push(result.alert);
      }
      const resolved = await resolveAllBut(
        tx,
        rule.name,
        firing.map((entry) => entry.key),
        now,
      );
      await tellOperators(core, tx, fired, resolved);
      return { fired, resolved };
    });
    evaluation.fired.push(...applied.fired);
    evaluation.resolved.push(...applied.resolved);
  }
  await forgetOldTraffic(core.database.db);
  return evaluation;
}

/** One entry per key, the last one winning; sorted, so overlapping evaluations lock in order. */
function distinctByKey(firing: AlertFiring[]): AlertFiring[] {
  const byKey = new Map(firing.map((entry) => [entry.key, entry]));
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Tells every operator of each alert fired and resolved, inside the evaluation's transaction. */
async function tellOperators(
  core: Core,
  tx: Db,
  fired: AlertRow[],
  resolved: AlertRow[],
): Promise<void> {
  if (fired.length === 0 && resolved.length === 0) return;
  const operators = await core.identity.listOperators();
  for (const operator of operators) {
    for (const alert of fired) {
      await core.notify.send(tx, {
        userId: operator.id,
        event: 'observe.alert_fired',
        title: `[${alert.severity}] ${alert.summary}`,
        body: `Alert ${alert.rule} (${alert.key}) fired at ${alert.fired_at.toISOString()}.\n\n${JSON.stringify(alert.details, null, 2)}`,
        data: dataOf(alert),
      });
    }
    for (const alert of resolved) {
      await core.notify.send(tx, {
        userId: operator.id,
        event: 'observe.alert_resolved',
        title: `[resolved] ${alert.summary}`,
        body: `Alert ${alert.rule} (${alert.key}), firing since ${alert.fired_at.toISOString()}, resolved at ${alert.resolved_at?.toISOString()}.`,
        data: dataOf(alert),
      });
    }
  }
}

function dataOf(alert: AlertRow) {
  return { alert_id: alert.id, rule: alert.rule, key: alert.key, state: alert.state };
}
