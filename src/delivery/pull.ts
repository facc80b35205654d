import { transaction } from '../platform/db/database.ts';
import { Problem } from '../platform/problems.ts';
import { CertificateRequestError } from './certificates/errors.ts';
import { parseCertificateRequest } from './certificates/requests.ts';
import type { Delivery } from './delivery.ts';
import { handOnSlots } from './dispatch.ts';
import { type BuiltMetadata, buildMetadata, MetadataError, versionDocument } from './metadata.ts';
import { type DeliveryEnd, nodeEndOf, recordDeliveryEnd } from './outcomes.ts';
import { describeFailure, recordOutcome, renewalOf, retryTime } from './push.ts';
import * as agents from './store/agents.ts';
import * as nodes from './store/nodes.ts';
import { beginDeliveryEnds } from './store/rollouts.ts';
import { bringNextDueForward, findService, shareService } from './store/services.ts';
import type { NodeRow, ServiceRow } from './store/tables.ts';

// Pull mode (docs/delivery.md, "Pull mode and the agent"). A pull node's delivery is prepared by
// the same dispatcher and slots as a push: when the node is due, its next version is built (a
// certificate from the CSR its agent sent last), kept for the agent, and the agent's long poll is
// woken by an event published in the same transaction. The agent then acknowledges or refuses
// the version (a NACK with its error), recorded as a push node's answer is.

/** The longest error of an agent's that is kept, as for a push node's answer. */
const maxErrorLength = 1000;

/** The event topic that wakes the long polls of the node's agent. */
export const offerTopic = (nodeId: string) => `delivery:${nodeId}`;

/** When a new node is first due: at once in push mode, at its agent's join in pull mode. */
export function firstDeliveryAt(service: ServiceRow, now: Date): Date {
  return service.mode === 'pull' ? agents.awaitingAgent : now;
}

/** The delivery of a pull node (the `delivery.push` job): prepares its next version. */
export async function offerToAgent(
  delivery: Delivery,
  service: ServiceRow,
  node: NodeRow,
  signal: AbortSignal,
): Promise<void> {
  const { db } = delivery.core.database;
  const agent = await agents.findAgent(db, node.id);
  if (!agent) {
    await transaction(db, async (tx) => {
      await shareService(tx, service.id);
      await agents.awaitAgent(tx, node.id);
      await handOnSlots(delivery, tx, service, {
        ids: [node.id],
        dueAgainAt: agents.awaitingAgent,
      });
    });
    return;
  }
  let built: BuiltMetadata;
  try {
    if (service.kind === 'certificate' && !agent.csr) {
      throw new MetadataError('the agent has sent no CSR to certify');
    }
    built = await buildMetadata(delivery, service, node.name, signal, agent.csr ?? undefined);
  } catch (error) {
    if (signal.aborted) throw error;
    const failure = { kind: 'failed' as const, error: describeFailure(delivery, error) };
    await recordOutcome(delivery, service, node, failure, undefined);
    return;
  }
  await keepOffer(delivery, service, node, built);
}

async function keepOffer(
  delivery: Delivery,
  service: ServiceRow,
  node: NodeRow,
  built: BuiltMetadata,
): Promise<void> {
  const version = node.delivered_version;
  const offer = versionDocument(service, node, built);
  const renewAt = renewalOf(service, built);
  await transaction(delivery.core.database.db, async (tx) => {
    await shareService(tx, service.id);
    // The node's row first, as an agent's answer takes it (answerOffer).
    await agents.recordOffered(tx, node.id, renewAt);
    await agents.storeOffer(tx, node.id, version, offer);
    await handOnSlots(delivery, tx, service, { ids: [node.id], dueAgainAt: renewAt });
    // Last: the event log's lock is held from the publish to the commit.
    await delivery.core.events.publish(tx, {
      topic: offerTopic(node.id),
      type: 'delivery.offered',
      data: { version },
    });
  });
}

/** What an agent answers for a version (`POST /v1/delivery/agent/ack`). */
export interface AgentAnswer {
  version: number;
  /** Set: a NACK, the version was refused with this error. */
  error?: string;
  /** The agent's clock when it sent the answer (ISO 8601). */
  agent_time: string;
  /** The CSR for the next certificate (a new key); without it, the last one is certified again. */
  csr?: string;
}

/**
 * Records the agent's acknowledgement or refusal of the version it was offered, its clock's
 * skew, and the CSR it sent for the next version. Answering the offered version again is
 * harmless; any other version is a 409 naming the one offered.
 */
export async function answerOffer(
  delivery: Delivery,
  nodeId: string,
  answer: AgentAnswer,
): Promise<{ version: number; state: 'acknowledged' | 'refused'; server_time: string }> {
  if (answer.csr !== undefined) await checkedCsr(answer.csr);
  const { core } = delivery;
  const now = core.clock.now();
  const skewMs = now.getTime() - Date.parse(answer.agent_time);
  return transaction(core.database.db, async (tx) => {
    const found = await nodes.findNodeById(tx, nodeId);
    const [rollout] = found ? await beginDeliveryEnds(tx, [found]) : [];
    const service = found && (await findService(tx, found.service_id));
    // Locked: a version offered meanwhile waits for this answer (keepOffer).
    const node = service && (await nodes.lockNode(tx, nodeId));
    const agent = node && (await agents.findAgent(tx, nodeId));
    if (!service || !node || !agent) throw new Problem('unauthorized', 'The node is gone');
    const offered = agent.offered_version;
    const repeated = answer.version === node.current_version && !answer.error;
    if (answer.version !== offered && !repeated) {
      throw new Problem(
        'conflict',
        `Version ${answer.version} is not the version offered to this node (${offered ?? 'none yet'})`,
        { offered_version: offered },
      );
    }
    // A repeated acknowledgement of the version the node runs changes nothing but the clocks.
    let retryAt: Date | undefined;
    if (answer.version === offered) {
      const end = answerEnd(service, node, agent.offer ?? {}, answer, now);
      await nodes.recordEnds(tx, [nodeEndOf(end)]);
      await recordDeliveryEnd(delivery, tx, end.node, end.outcome, rollout);
      if (end.outcome.kind === 'refused') retryAt = end.dueAgainAt;
    }
    if (answer.csr !== undefined) await agents.setCsr(tx, nodeId, answer.csr);
    await agents.recordAgentSeen(tx, nodeId, now, Number.isFinite(skewMs) ? skewMs : undefined);
    if (retryAt) await bringNextDueForward(tx, service.id, retryAt);
    const state = answer.error === undefined ? 'acknowledged' : 'refused';
    return { version: answer.version, state, server_time: now.toISOString() };
  });
}

/** The version offered, as the end of a delivery records it (outcomes.ts). */
function builtFrom(offer: Record<string, unknown>): BuiltMetadata {
  const metadata = (offer.metadata ?? {}) as Record<string, unknown>;
  return {
    issuedAt: new Date(String(offer.issued_at)),
    expiresAt: new Date(String(offer.expires_at)),
    serial: typeof metadata.serial_number === 'string' ? metadata.serial_number : null,
    metadata,
  };
}

/** The agent's answer as the end of the delivery of the version it was offered. */
function answerEnd(
  service: ServiceRow,
  node: NodeRow,
  offer: Record<string, unknown>,
  answer: AgentAnswer,
  now: Date,
): DeliveryEnd {
  const answered = { ...node, delivered_version: answer.version };
  if (answer.error !== undefined) {
    const error = answer.error.slice(0, maxErrorLength) || '(empty error)';
    const dueAgainAt = retryTime(service, node, now.getTime());
    return { service, node: answered, outcome: { kind: 'refused', error }, dueAgainAt };
  }
  return {
    service,
    node: answered,
    outcome: { kind: 'acknowledged' },
    built: builtFrom(offer),
    // Set when the version was kept (its renewal time), or since then by a forced delivery.
    dueAgainAt: node.renew_at,
  };
}

/** A CSR an agent sends, checked now so that a bad one is its 422, not a failed delivery later. */
export async function checkedCsr(csr: string): Promise<void> {
  try {
    await parseCertificateRequest(csr);
  } catch (error) {
    if (!(error instanceof CertificateRequestError)) throw error;
    throw new Problem('invalid-csr', error.message);
  }
}
