import { OutboundTimeout } from '../platform/outbound/client.ts';
import { OutboundRefused } from '../platform/outbound/target-guard.ts';
import { type Outcome, readAnswer } from './answers.ts';
import { KeyEnvelopeError } from './certificates/errors.ts';
import type { Delivery } from './delivery.ts';
import { type BuiltMetadata, buildMetadata, versionDocument } from './metadata.ts';
import { offerToAgent } from './pull.ts';
import { allowedRangesFrom } from './ranges.ts';
import { type RenewalWindow, renewalTime, retryDelay } from './renewal.ts';
import type * as nodes from './store/nodes.ts';
import { findService } from './store/services.ts';
import type { NodeRow, ServiceRow } from './store/tables.ts';
import { expandTemplate } from './templates.ts';

// One push delivery (the `delivery.push` job): build the node's metadata, POST it to the node's
// URL within the call deadline, read its acknowledgement or refusal, and record the outcome in
// one transaction that also hands the service's slot to its next due node. Every failure of the
// delivery itself is recorded on the node and retried by its due time (renewal.ts: never past
// the danger point or expiry), not by the job: the job ends either way.

/** No retry comes sooner: full jitter may draw 0, and a node must not be called in a loop. */
const minimumRetryMs = 1_000;

/** Delivers the node's next version; nothing when the node or its service is gone. */
export async function deliverToNode(
  delivery: Delivery,
  nodeId: string,
  signal: AbortSignal,
): Promise<void> {
  const at = delivery.core.clock.now();
  const node = await delivery.writers.beginAttempt({ nodeId, at });
  const service = node && (await serviceOf(delivery, node));
  if (!node || !service) return;
  if (service.mode === 'pull') return offerToAgent(delivery, service, node, signal);
  let built: BuiltMetadata | undefined;
  let outcome: Outcome;
  try {
    built = await buildMetadata(delivery, service, node.name, signal);
    outcome = await pushMetadata(delivery, service, node, built, signal);
  } catch (error) {
    // Shutdown or a lost lease: the job runs again elsewhere, the node keeps its slot.
    if (signal.aborted) throw error;
    outcome = { kind: 'failed', error: describeFailure(delivery, error) };
  }
  await recordOutcome(delivery, service, node, outcome, built);
}

/**
 * Per process, each service as last read: a delivery reads its service again only when its
 * version moved on. Every change its owner makes bumps it; the rest of its row (when to
 * dispatch, the source's reads) is not what a delivery reads.
 */
const servicesRead = new WeakMap<Delivery, Map<string, ServiceRow>>();

/** Services a process keeps as read (the oldest read goes first). */
const keptServices = 1_000;

async function serviceOf(delivery: Delivery, node: nodes.AttemptRow) {
  let kept = servicesRead.get(delivery);
  if (!kept) {
    kept = new Map();
    servicesRead.set(delivery, kept);
  }
  const known = kept.get(node.service_id);
  if (known?.version === node.service_version) return known;
  const service = await findService(delivery.core.database.db, node.service_id);
  if (!service) return undefined;
  kept.delete(service.id);
  if (kept.size >= keptServices) kept.delete(kept.keys().next().value as string);
  kept.set(service.id, service);
  return service;
}

async function pushMetadata(
  delivery: Delivery,
  service: ServiceRow,
  node: nodes.AttemptRow,
  built: BuiltMetadata,
  signal: AbortSignal,
): Promise<Outcome> {
  const version = node.delivered_version;
  const body = JSON.stringify(versionDocument(service, node, built));
  const response = await delivery.core.outbound.post(
    // A push service always has a template (a CHECK of the table).
    expandTemplate(service.push_url_template as string, node.name),
    {
      headers: {
        'content-type': 'application/json',
        'meridian-delivery-version': String(version),
        // The same delivery sent twice (a worker lost mid-call) is one to the node.
        'idempotency-key': `${node.id}:${version}`,
      },
      body,
      signal,
      timeoutMs: delivery.settings.callTimeoutMs,
      allowedRanges: allowedRangesFrom(service.org_id, node.allowed_ranges),
    },
  );
  return readAnswer(response, version);
}

/** What a failed delivery tells the customer; an operator's problem is logged, not shown. */
export function describeFailure(delivery: Delivery, error: unknown): string {
  if (error instanceof KeyEnvelopeError) {
    delivery.core.log.error({ err: error }, 'delivery cannot open a certificate authority');
    return 'Meridian cannot sign certificates at the moment; its operators are alerted';
  }
  if (error instanceof OutboundTimeout || error instanceof OutboundRefused) return error.message;
  const { code, message } = error as { code?: string; message?: string };
  return code ? `${code}${message ? `: ${message}` : ''}` : (message ?? String(error));
}

/**
 * Records how the node's delivery ended, and hands its slot on (outcomes.ts). An acknowledged
 * outcome comes with the metadata sent (`built`).
 */
export async function recordOutcome(
  delivery: Delivery,
  service: ServiceRow,
  node: NodeRow,
  outcome: Outcome,
  built: BuiltMetadata | undefined,
): Promise<void> {
  const now = delivery.core.clock.now().getTime();
  const dueAgainAt =
    outcome.kind === 'acknowledged' && built
      ? renewalOf(service, built)
      : retryTime(service, node, now);
  await delivery.writers.endDelivery({ service, node, outcome, built, dueAgainAt });
}

/** When the node renews what it was sent: a time drawn in the service's window (renewal.ts). */
export function renewalOf(service: ServiceRow, built: BuiltMetadata): Date {
  const { issuedAt, expiresAt } = built;
  return new Date(renewalTime(issuedAt.getTime(), expiresAt.getTime(), windowOf(service)));
}

/** The service's renewal window as renewal.ts takes it. */
export function windowOf(service: ServiceRow): RenewalWindow {
  return { start: service.window_start, end: service.window_end, dangerAt: service.danger_at };
}

/**
 * When a failed delivery is tried again, by the phase of what the node runs (renewal.ts). A node
 * that never had metadata needs it as much as an expired one, and is retried as one.
 */
export function retryTime(service: ServiceRow, node: NodeRow, now: number): Date {
  const attempt = node.attempts + 1;
  const window = windowOf(service);
  const current = node.issued_at && node.expires_at;
  const never = Math.min(node.created_at.getTime(), now);
  const { delayMs } = retryDelay({
    attempt,
    now,
    window,
    issuedAt: current ? (node.issued_at as Date).getTime() : never - 1,
    expiresAt: current ? (node.expires_at as Date).getTime() : never,
  });
  return new Date(now + Math.max(delayMs, minimumRetryMs));
}
