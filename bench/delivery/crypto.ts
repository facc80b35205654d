// The machine's signing ceilings, on one core (this process, nothing else of the benchmark
// running): a raw ECDSA P-256 signature by node:crypto, a P-256 key pair, and a whole leaf as
// the delivery module makes one for a push (a new key, then the certificate signed by the CA
// through @peculiar/x509), which is what each certificate delivery costs before it is sent.
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import {
  createCertificateAuthority,
  unlockCertificateAuthority,
} from '../../src/delivery/certificates/authority.ts';
import { issueCertificateWithNewKey } from '../../src/delivery/certificates/leaves.ts';

export interface CryptoRates {
  /** ECDSA P-256 / SHA-256 signatures of 256 bytes a second. */
  signatures: number;
  /** P-256 key pairs a second. */
  keyPairs: number;
  /** The module's leaves (key + certificate) a second. */
  leaves: number;
}

/** Calls `work` for `seconds` (async work one at a time); how many a second. */
async function rate(seconds: number, work: () => unknown): Promise<number> {
  const started = performance.now();
  let done = 0;
  while (performance.now() - started < seconds * 1000) {
    for (let i = 0; i < 20; i++) await work();
    done += 20;
  }
  return done / ((performance.now() - started) / 1000);
}

export async function measureCrypto(seconds: number): Promise<CryptoRates> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const data = randomBytes(256);
  const signatures = await rate(seconds, () => sign('sha256', data, privateKey));
  const keyPairs = await rate(seconds, () => generateKeyPairSync('ec', { namedCurve: 'P-256' }));
  const secret = randomBytes(32).toString('base64');
  const created = await createCertificateAuthority({
    organisationName: 'bench',
    secret,
    now: new Date(),
  });
  const authority = await unlockCertificateAuthority(created, secret);
  const identity = {
    trustDomain: 'bench.delivery.meridian.local',
    service: 'bench',
    node: 'node-1',
  };
  const leaves = await rate(seconds, () =>
    issueCertificateWithNewKey({ authority, identity, lifetimeMinutes: 60, now: new Date() }),
  );
  return { signatures, keyPairs, leaves };
}
