import type { NodePhase } from './renewal.ts';

// Which alarms a node's phase holds raised, and what changed between two evaluations (issue 14;
// docs/design/delivery-renewal.md): the rules alarms.ts applies to the open alarms it keeps.
// Pure: no clock, no I/O.

/** An alarm's identity: its kind and what it is about (a node or service id). */
export type AlarmKey = `${'node-danger' | 'node-expired' | 'service-failing'}:${string}`;

/**
 * The alarms a node in `phase` holds raised. An expired node keeps its danger alarm: resolving
 * it on expiry would tell the on-call that things got better; both resolve once it is fresh.
 */
export function nodeAlarms(nodeId: string, phase: NodePhase): AlarmKey[] {
  if (phase === 'expired') return [`node-danger:${nodeId}`, `node-expired:${nodeId}`];
  return phase === 'danger' ? [`node-danger:${nodeId}`] : [];
}

/**
 * What changed between two evaluations of the alarms that should be raised: the ones to raise
 * (new in `current`) and to resolve (gone from `previous`). An alarm still raised is in neither,
 * so each fires once and resolves once.
 */
export function alarmTransitions(
  previous: ReadonlySet<AlarmKey>,
  current: ReadonlySet<AlarmKey>,
): { raise: AlarmKey[]; resolve: AlarmKey[] } {
  return {
    raise: [...current].filter((key) => !previous.has(key)),
    resolve: [...previous].filter((key) => !current.has(key)),
  };
}
