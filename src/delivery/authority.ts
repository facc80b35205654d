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

/** The organisation's CA opened to sign; undefined when it has none. */
export async function openAuthority(
  delivery: Delivery,
  db: Db,
  orgId: string,
): Promise<CertificateAuthority | undefined> {
  const stored = await findAuthority(db, orgId);
  if (!stored) return undefined;
  return unlockCertificateAuthority(
    { certificatePem: stored.certificate_pem, sealedPrivateKey: stored.sealed_private_key },
    await delivery.secret(),
  );
}
