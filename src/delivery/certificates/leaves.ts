import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { type CertificateAuthority, caSigningAlgorithm } from './authority.ts';
import { CertificateInputError } from './errors.ts';
import { dnsNameOf, leafSubject, type NodeIdentity, spiffeId } from './names.ts';
import { parseCertificateRequest } from './requests.ts';
import { backdatedStart, issueTime, randomSerialNumber, requireWholeNumber } from './validity.ts';
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  type JsonGeneralName,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator,
} from './x509.ts';

// A node's leaf certificate, for TLS both ways (serverAuth and clientAuth). Its names are
// Meridian's: the SPIFFE ID of the node in its service and, when the node's name is a host name,
// that DNS name; whatever names a CSR asks for are ignored.

const maximumLifetimeMinutes = 398 * 24 * 60;

export interface LeafOptions {
  /** The organisation's CA, opened by `unlockCertificateAuthority`. */
  authority: CertificateAuthority;
  identity: NodeIdentity;
  /** From 1 minute to 398 days; the certificate ends `lifetimeMinutes` after the issue time. */
  lifetimeMinutes: number;
  /** The issue time (`core.clock.now()`). */
  now: Date;
  /** How far the start of validity is set back for nodes whose clock is behind; default 5. */
  backdateMinutes?: number;
}

export interface IssuedCertificate {
  certificatePem: string;
  /** The leaf, then the CA: what a node serves in its TLS handshake. */
  chainPem: string;
  /** Lower-case hex. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  spiffeId: string;
  /** The DNS SAN, when the node's name is a host name. */
  dnsName?: string;
}

export interface IssuedCertificateWithKey extends IssuedCertificate {
  /** The node's new private key, PKCS#8 PEM: deliver it with the certificate, never store it. */
  privateKeyPem: string;
}

/**
 * Certifies the key of a node's CSR (PEM or DER; see `parseCertificateRequest`). Throws
 * `CertificateRequestError` for a CSR that is refused, `CertificateInputError` for an unusable
 * identity or lifetime, or a lifetime that would outlast the CA.
 *
 * @example
 * const ca = await unlockCertificateAuthority(stored, config.deliveryKeySecret);
 * const issued = await issueCertificateFromRequest(body.csr, {
 *   authority: ca, identity: { trustDomain, service: 'payments', node: 'web-1.acme.internal' },
 *   lifetimeMinutes: 60, now: core.clock.now(),
 * });
 */
export async function issueCertificateFromRequest(
  csr: string | Uint8Array,
  options: LeafOptions,
): Promise<IssuedCertificate> {
  const request = await parseCertificateRequest(csr);
  return signLeaf(request.publicKey, options);
}

/**
 * Makes a P-256 key for a node that sends no CSR (push mode), and certifies it as
 * `issueCertificateFromRequest` does. Throws `CertificateInputError` as that does.
 */
export async function issueCertificateWithNewKey(
  options: LeafOptions,
): Promise<IssuedCertificateWithKey> {
  const keys = await promisify(generateKeyPair)('ec', { namedCurve: 'P-256' });
  const spki = keys.publicKey.export({ type: 'spki', format: 'der' });
  const issued = await signLeaf(new Uint8Array(spki), options);
  const privateKeyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { ...issued, privateKeyPem };
}

async function signLeaf(publicKey: Uint8Array, options: LeafOptions): Promise<IssuedCertificate> {
  const { authority, identity, lifetimeMinutes } = options;
  const id = spiffeId(identity);
  const dnsName = dnsNameOf(identity.node);
  requireWholeNumber('lifetimeMinutes', lifetimeMinutes, 1, maximumLifetimeMinutes);
  const issuedAt = issueTime(options.now);
  const notBefore = backdatedStart(issuedAt, options.backdateMinutes);
  const notAfter = new Date(issuedAt.getTime() + lifetimeMinutes * 60_000);
  if (notAfter > authority.certificate.notAfter) {
    throw new CertificateInputError(
      'lifetimeMinutes',
      `The certificate would end ${notAfter.toISOString()}, after its CA (${authority.certificate.notAfter.toISOString()}): the CA must be renewed first`,
    );
  }
  const subject = leafSubject(identity.node);
  const names: JsonGeneralName[] = [{ type: 'url', value: id }];
  if (dnsName) names.unshift({ type: 'dns', value: dnsName });
  const leaf = await X509CertificateGenerator.create(
    {
      serialNumber: randomSerialNumber(),
      subject,
      issuer: authority.certificate.subjectName,
      notBefore,
      notAfter,
      publicKey,
      signingKey: authority.signingKey,
      signingAlgorithm: caSigningAlgorithm,
      extensions: [
        new BasicConstraintsExtension(false, undefined, true),
        new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
        new ExtendedKeyUsageExtension([ExtendedKeyUsage.serverAuth, ExtendedKeyUsage.clientAuth]),
        // RFC 5280 4.2.1.6: with an empty subject, the SAN must be critical.
        new SubjectAlternativeNameExtension(names, subject.toJSON().length === 0),
        await SubjectKeyIdentifierExtension.create(publicKey, false, crypto),
        new AuthorityKeyIdentifierExtension(authority.keyIdentifier),
      ],
    },
    crypto,
  );
  const certificatePem = `${leaf.toString('pem')}\n`;
  return {
    certificatePem,
    chainPem: `${certificatePem}${authority.certificatePem.trim()}\n`,
    serialNumber: leaf.serialNumber,
    notBefore,
    notAfter,
    spiffeId: id,
    ...(dnsName ? { dnsName } : {}),
  };
}
