import type { Db } from '../platform/db/database.ts';
import {
  type CertificateAuthority,
  createCertificateAuthority,
  unlockCertificateAuthority,
} from './certificates/authority.ts';
import type { Delivery } from './delivery.ts';
import { findAuthority, insertAuthority } from './store/authorities.ts';
import type { AuthorityRow } from './store/tables.ts';

// Each organisation's certificate authority: made when its first certificate service is
// created, its key sealed under the server secret, opened (in memory only) to sign a leaf.
// The platform tells modules no organisation's name, so the CA is named by its id.

/** The organisation's CA as stored, made now if it has none. */
export async function ensureAuthority(delivery: Delivery, orgId: string): Promise<AuthorityRow> {
  const { db } = delivery.core.database;
  const stored = await findAuthority(db, orgId);
  if (stored) return stored;
  const created = await createCertificateAuthority({
    organisationName: orgId,
    secret: await delivery.secret(),
    now: delivery.core.clock.now(),
  });
  // Two requests may make one at once: the first stored wins, the other's is dropped unused.
  return insertAuthority(db, {
    org_id: orgId,
    certificate_pem: created.certificatePem,
    sealed_private_key: created.sealedPrivateKey,
    serial_number: created.serialNumber,
    not_after: created.notAfter,
  });
}

/**
 * The organisation's CA opened to sign; undefined when it has none. An organisation's CA row is
 * never updated (store/authorities.ts), so one opened is used without reading it again.
 */
export async function openAuthority(
  delivery: Delivery,
  db: Db,
  orgId: string,
): Promise<CertificateAuthority | undefined> {
  const kept = openedBy(delivery);
  const known = kept.get(orgId);
  if (known) return known.authority;
  const stored = await findAuthority(db, orgId);
  if (!stored) return undefined;
  const authority = unlockCertificateAuthority(
    { certificatePem: stored.certificate_pem, sealedPrivateKey: stored.sealed_private_key },
    await delivery.secret(),
  );
  const entry = { authority };
  if (kept.size >= keptAuthorities) kept.delete(kept.keys().next().value as string);
  kept.set(orgId, entry);
  // A CA that does not open is not kept: the next delivery tries (and reports) again.
  authority.catch(() => kept.get(orgId) === entry && kept.delete(orgId));
  return authority;
}

/** Organisations whose opened CA a process keeps (the oldest opened goes first). */
const keptAuthorities = 1_000;

/**
 * Per process, each organisation's CA as opened: opening one (reading its row, unsealing its
 * key, reading its certificate, checking they match) costs about a third of the leaf it signs.
 */
const opened = new WeakMap<Delivery, Map<string, { authority: Promise<CertificateAuthority> }>>();

function openedBy(delivery: Delivery) {
  let kept = opened.get(delivery);
  if (!kept) {
    kept = new Map();
    opened.set(delivery, kept);
  }
  return kept;
}
