import { Agent } from 'undici';
import {
  type AllowedRanges,
  checkUrl,
  guardedLookupAllowing,
} from '../platform/outbound/target-guard.ts';
import { openAuthority } from './authority.ts';
import { issueCertificateFromRequest, issueCertificateWithNewKey } from './certificates/leaves.ts';
import type { Delivery } from './delivery.ts';
import { allowedRangesOf } from './ranges.ts';
import type { ServiceRow } from './store/tables.ts';
import { expandTemplate } from './templates.ts';

// What a node receives: its metadata for one version, by the service's kind. A certificate is a
// new key and leaf from the organisation's CA (push nodes send no CSR); fetched metadata is read
// from the service's URL for the node, bounded in time and size; static metadata is the
// service's JSON. Every version has its own issue and expiry times. A pull node's agent sends a
// CSR instead: its certificate certifies that key, and no private key is made or sent.

/** The most bytes of fetched metadata taken (the brief's metadata is about 10 KB). */
export const maxFetchedBytes = 256 * 1024;

export interface BuiltMetadata {
  issuedAt: Date;
  expiresAt: Date;
  /** The certificate's serial number, for status. */
  serial: string | null;
  metadata: Record<string, unknown>;
}

/** A version as a node receives it: the body of a push, the answer to an agent's poll. */
export function versionDocument(
  service: ServiceRow,
  node: { name: string; delivered_version: number },
  built: BuiltMetadata,
) {
  return {
    service: { id: service.id, name: service.name },
    node: node.name,
    kind: service.kind,
    version: node.delivered_version,
    issued_at: built.issuedAt.toISOString(),
    expires_at: built.expiresAt.toISOString(),
    metadata: built.metadata,
  };
}

/** Metadata could not be made (no CA, the fetch failed): the delivery fails with this message. */
export class MetadataError extends Error {
  override readonly name = 'MetadataError';
}

/**
 * The node's metadata for a delivery now; a certificate certifies the key of `csr` when given
 * (an agent's), else a new key. Throws `MetadataError` when it cannot be made.
 */
export async function buildMetadata(
  delivery: Delivery,
  service: ServiceRow,
  node: string,
  signal: AbortSignal,
  csr?: string,
): Promise<BuiltMetadata> {
  const issuedAt = delivery.core.clock.now();
  const expiresAt = new Date(issuedAt.getTime() + service.lifetime_minutes * 60_000);
  if (service.kind === 'certificate') return certificateFor(delivery, service, node, issuedAt, csr);
  if (service.kind === 'static') {
    return { issuedAt, expiresAt, serial: null, metadata: service.static_metadata ?? {} };
  }
  const url = expandTemplate(service.fetch_url_template ?? '', node);
  const allowed = await allowedRangesOf(delivery.core.database.db, service.org_id);
  return {
    issuedAt,
    expiresAt,
    serial: null,
    metadata: await fetchMetadata(delivery, url, signal, allowed),
  };
}

async function certificateFor(
  delivery: Delivery,
  service: ServiceRow,
  node: string,
  now: Date,
  csr: string | undefined,
): Promise<BuiltMetadata> {
  const authority = await openAuthority(delivery, delivery.core.database.db, service.org_id);
  if (!authority) throw new MetadataError('the organisation has no certificate authority');
  const options = {
    authority,
    identity: {
      trustDomain: `${service.org_id}.${delivery.settings.trustDomain}`,
      service: service.name,
      node,
    },
    lifetimeMinutes: service.lifetime_minutes,
    now,
  };
  const issued = csr
    ? await issueCertificateFromRequest(csr, options)
    : await issueCertificateWithNewKey(options);
  return {
    issuedAt: now,
    expiresAt: issued.notAfter,
    serial: issued.serialNumber,
    metadata: {
      certificate_pem: issued.certificatePem,
      ...('privateKeyPem' in issued ? { private_key_pem: issued.privateKeyPem } : {}),
      chain_pem: issued.chainPem,
      ca_certificate_pem: authority.certificatePem,
      serial_number: issued.serialNumber,
      spiffe_id: issued.spiffeId,
      dns_name: issued.dnsName ?? null,
      not_before: issued.notBefore.toISOString(),
      not_after: issued.notAfter.toISOString(),
    },
  };
}

/**
 * GETs the node's metadata from the customer's URL: 200 only, at most `maxFetchedBytes`, within
 * the call deadline, with the private-address guard unless the operator allows private targets.
 * A JSON answer is delivered as JSON, anything else as text.
 */
async function fetchMetadata(
  delivery: Delivery,
  url: string,
  signal: AbortSignal,
  allowed: AllowedRanges | undefined,
): Promise<Record<string, unknown>> {
  const allowPrivate = delivery.core.config.outboundAllowPrivate;
  const target = checkUrl(url, allowPrivate, allowed);
  const agent = new Agent({
    connect: allowPrivate ? {} : { lookup: guardedLookupAllowing(allowed) },
  });
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(delivery.settings.callTimeoutMs)]);
  // A signal reaches undici only once connected; destroying the agent ends a connect too.
  const stop = () => void agent.destroy().catch(() => {});
  deadline.addEventListener('abort', stop, { once: true });
  try {
    const response = await agent.request({
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method: 'GET',
      headers: { accept: 'application/json, */*;q=0.5', 'user-agent': 'Meridian delivery' },
      signal: deadline,
    });
    const body = await readAtMost(response.body, maxFetchedBytes);
    if (response.statusCode !== 200) {
      throw new MetadataError(`metadata URL answered ${response.statusCode}, not 200`);
    }
    const type = String(response.headers['content-type'] ?? 'application/octet-stream');
    return { content_type: type, content: parsedIfJson(type, body) };
  } catch (error) {
    if (error instanceof MetadataError) throw error;
    const reason = deadline.aborted && !signal.aborted ? 'timed out' : (error as Error).message;
    throw new MetadataError(`metadata URL ${target.host}: ${reason}`);
  } finally {
    deadline.removeEventListener('abort', stop);
    await agent.destroy().catch(() => {});
  }
}

async function readAtMost(body: AsyncIterable<Buffer>, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) throw new MetadataError(`metadata is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parsedIfJson(type: string, body: string): unknown {
  if (!/\bjson\b/i.test(type)) return body;
  try {
    return JSON.parse(body);
  } catch {
    throw new MetadataError('metadata URL answered JSON that does not parse');
  }
}
