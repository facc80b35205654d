import { transaction } from '../platform/db/database.ts';
import { type AlarmKey, alarmTransitions, nodeAlarms } from './alarm-rules.ts';
import type { Delivery } from './delivery.ts';
import { openAlarms, type RaisedAlarm, raiseAlarms, resolveAlarms } from './store/alarms.ts';
import type { ServiceCounts } from './store/evaluation.ts';
import { endangeredNodes } from './store/evaluation.ts';
import type { AlarmKind, AlarmRow } from './store/operation-tables.ts';

// Alarms to a service's owners and admins (docs/delivery.md, "Alarms"): a node in its danger
// zone, a node expired, a service whose share of failing nodes crossed its threshold. Each
// evaluation computes the alarms that should be open (alarm-rules.ts's keys); what is new is raised
// and what is gone resolved (`alarmTransitions`), so each alarm fires once and resolves once.
// The keepers hear of each service's changes in one notification per kind and evaluation, not
// one per node: a fleet expiring together is one message, not thousands.

/** A service alarm resolves only once its ratio falls below this share of its threshold. */
const resolveBelow = 0.5;

/** How many node names a notification lists. */
const namesListed = 10;

/**
 * Whether the service-failing alarm should be open: raised when the failing share of nodes with
 * a delivery ended reaches `threshold`, resolved only once it is below half of it, so a ratio at
 * the threshold does not raise and resolve at every evaluation.
 *
 * @example
 * serviceFailing({ open: false, failing: 2, decided: 10, threshold: 0.2 }); // true
 * serviceFailing({ open: true, failing: 1, decided: 10, threshold: 0.2 }); // true (0.1 is not below 0.1)
 */
export function serviceFailing(input: {
  open: boolean;
  failing: number;
  decided: number;
  threshold: number;
}): boolean {
  const { open, failing, decided, threshold } = input;
  if (decided === 0 || failing === 0) return false;
  const ratio = failing / decided;
  return open ? ratio >= threshold * resolveBelow : ratio >= threshold;
}

interface Wanted {
  alarm: RaisedAlarm;
  orgId: string;
  service: string;
}

/** Raises and resolves alarms from this evaluation's counts; notifies the keepers. */
export async function evaluateAlarms(
  delivery: Delivery,
  counts: ServiceCounts[],
  now: Date,
): Promise<void> {
  const { db } = delivery.core.database;
  const byService = new Map(counts.map((c) => [c.service_id, c]));
  const open = await openAlarms(db);
  const openKeys = new Set(open.map((alarm) => alarm.key as AlarmKey));
  const wanted = new Map<AlarmKey, Wanted>();
  for (const node of await endangeredNodes(db, now)) {
    const service = byService.get(node.service_id);
    if (!service) continue;
    for (const key of nodeAlarms(node.id, node.expired ? 'expired' : 'danger')) {
      const kind = key.slice(0, key.indexOf(':')) as AlarmKind;
      const expiry = node.expires_at.toISOString();
      wanted.set(key, {
        orgId: service.org_id,
        service: service.name,
        alarm: {
          serviceId: node.service_id,
          kind,
          key,
          node: node.name,
          summary:
            kind === 'node-expired'
              ? `${node.name} expired at ${expiry}`
              : `${node.name} is in its danger zone: it expires at ${expiry}`,
          details: { node: node.name, expires_at: expiry },
        },
      });
    }
  }
  for (const service of counts) {
    const key: AlarmKey = `service-failing:${service.service_id}`;
    const { failing, decided, failure_alarm_ratio: threshold } = service;
    if (!serviceFailing({ open: openKeys.has(key), failing, decided, threshold })) continue;
    const percent = Math.round((failing / decided) * 100);
    wanted.set(key, {
      orgId: service.org_id,
      service: service.name,
      alarm: {
        serviceId: service.service_id,
        kind: 'service-failing',
        key,
        node: null,
        summary: `${failing} of ${decided} nodes (${percent}%) failed their last delivery; the threshold is ${Math.round(threshold * 100)}%`,
        details: { failing, nodes: decided, ratio: failing / decided, threshold },
      },
    });
  }
  const { raise, resolve } = alarmTransitions(openKeys, new Set(wanted.keys()));
  const raised = raise.map((key) => wanted.get(key) as Wanted);
  const resolving = new Set(resolve);
  await applyByService(
    delivery,
    raised,
    open.filter((alarm) => resolving.has(alarm.key as AlarmKey)),
    counts,
    now,
  );
}

/** One transaction per service: its alarms raised and resolved, and its keepers told. */
async function applyByService(
  delivery: Delivery,
  raised: Wanted[],
  resolved: { key: string; service_id: string }[],
  counts: ServiceCounts[],
  now: Date,
): Promise<void> {
  const services = new Set([
    ...raised.map((w) => w.alarm.serviceId),
    ...resolved.map((a) => a.service_id),
  ]);
  const byService = new Map(counts.map((c) => [c.service_id, c]));
  const keepers = new Map<
    string,
    Awaited<ReturnType<typeof delivery.core.identity.membersWithRole>>
  >();
  for (const serviceId of services) {
    const service = byService.get(serviceId);
    // A service removed since: its alarms went with it.
    if (!service) continue;
    if (!keepers.has(service.org_id)) {
      keepers.set(
        service.org_id,
        await delivery.core.identity.membersWithRole(service.org_id, ['owner', 'admin']),
      );
    }
    const toRaise = raised.filter((w) => w.alarm.serviceId === serviceId).map((w) => w.alarm);
    const toResolve = resolved.filter((a) => a.service_id === serviceId).map((a) => a.key);
    await transaction(delivery.core.database.db, async (tx) => {
      const opened = await raiseAlarms(tx, toRaise, now);
      const closed = await resolveAlarms(tx, toResolve, now);
      for (const message of messagesOf(service, opened, closed)) {
        for (const keeper of keepers.get(service.org_id) ?? []) {
          await delivery.core.notify.send(tx, { userId: keeper.id, ...message });
        }
      }
    });
  }
}

const raisedEvents: Record<AlarmKind, string> = {
  'node-danger': 'delivery.node_danger',
  'node-expired': 'delivery.node_expired',
  'service-failing': 'delivery.service_failing',
};

/** The notifications of one service's changes: one per kind raised, one for all resolved. */
function messagesOf(service: ServiceCounts, opened: AlarmRow[], closed: AlarmRow[]) {
  const data = (alarms: AlarmRow[]) => ({
    org_id: service.org_id,
    service_id: service.service_id,
    service: service.name,
    alarms: alarms.slice(0, 100).map((a) => ({ id: a.id, kind: a.kind, key: a.key, node: a.node })),
    count: alarms.length,
  });
  const messages = [];
  for (const kind of Object.keys(raisedEvents) as AlarmKind[]) {
    const ofKind = opened.filter((alarm) => alarm.kind === kind);
    if (ofKind.length === 0) continue;
    messages.push({
      event: raisedEvents[kind],
      title: raisedTitle(kind, service.name, ofKind),
      body:
        ofKind
          .slice(0, namesListed)
          .map((a) => a.summary)
          .join('\n') + more(ofKind),
      data: { ...data(ofKind), kind },
    });
  }
  if (closed.length > 0) {
    messages.push({
      event: 'delivery.alarm_resolved',
      title: `Delivery: ${closed.length} alarm${closed.length === 1 ? '' : 's'} of ${service.name} resolved`,
      body:
        closed
          .slice(0, namesListed)
          .map((a) => `Resolved: ${a.summary}`)
          .join('\n') + more(closed),
      data: data(closed),
    });
  }
  return messages;
}

function raisedTitle(kind: AlarmKind, service: string, alarms: AlarmRow[]): string {
  const nodes = alarms.length === 1 ? (alarms[0]?.node ?? '') : `${alarms.length} nodes`;
  if (kind === 'service-failing') return `Delivery: ${service} is failing`;
  if (kind === 'node-expired') return `Delivery: ${nodes} of ${service} expired`;
  return `Delivery: ${nodes} of ${service} in the danger zone`;
}

function more(alarms: AlarmRow[]): string {
  return alarms.length > namesListed ? `\n…and ${alarms.length - namesListed} more` : '';
}
