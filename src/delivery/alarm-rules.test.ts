import { describe, expect, it } from 'vitest';
import { type AlarmKey, alarmTransitions, nodeAlarms } from './alarm-rules.ts';
import type { NodePhase } from './renewal.ts';

describe('alarms', () => {
  it('raise each alarm once and resolve it once through an outage', () => {
    const phases: NodePhase[] = [
      'fresh',
      'renewing',
      'danger',
      'danger',
      'expired',
      'expired',
      'fresh',
      'fresh',
    ];
    const events: string[] = [];
    let raised = new Set<AlarmKey>();
    for (const [step, phase] of phases.entries()) {
      const current = new Set(nodeAlarms('n1', phase));
      const { raise, resolve } = alarmTransitions(raised, current);
      events.push(
        ...raise.map((key) => `${step} ${phase}: raise ${key}`),
        ...resolve.map((key) => `${step} ${phase}: resolve ${key}`),
      );
      raised = current;
    }
    // The danger alarm stays raised through expiry: resolving it then would read as a recovery.
    expect(events).toEqual([
      '2 danger: raise node-danger:n1',
      '4 expired: raise node-expired:n1',
      '6 fresh: resolve node-danger:n1',
      '6 fresh: resolve node-expired:n1',
    ]);
  });

  it('keep alarms of different subjects apart', () => {
    const previous = new Set<AlarmKey>(['node-danger:n1', 'service-failing:s1']);
    const current = new Set<AlarmKey>(['node-danger:n1', 'node-danger:n2']);
    expect(alarmTransitions(previous, current)).toEqual({
      raise: ['node-danger:n2'],
      resolve: ['service-failing:s1'],
    });
    expect(alarmTransitions(current, current)).toEqual({ raise: [], resolve: [] });
  });
});
