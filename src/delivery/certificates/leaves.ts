import { createECDH, createHash, sign } from 'node:crypto';
import type { CertificateAuthority } from './authority.ts';
import * as der from './der.ts';
import { CertificateInputError } from './errors.ts';
import { dnsNameOf, leafCommonName, type NodeIdentity, spiffeId } from './names.ts';
import { parseCertificateRequest } from './requests.ts';
import { backdatedStart, issueTime, randomSerialNumber, requireWholeNumber } from './validity.ts';
import { PemConverter } from './x509.ts';

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
  const key = newNodeKey();
  const issued = await signLeaf(key.spki, options);
  return { ...issued, privateKeyPem: key.privateKeyPem };
}

/**
 * A new P-256 key: its public key as SPKI DER, its private key as PKCS#8 PEM. Made by ECDH,
 * whose raw key bytes go into the two fixed structures (RFC 5480, RFC 5915): a key pair made as
 * KeyObjects costs three times as much to export as to make, most of a push's leaf.
 */
function newNodeKey(): { spki: Buffer; privateKeyPem: string } {
  const ecdh = createECDH('prime256v1');
  const publicPoint = ecdh.generateKeys(); // uncompressed: 0x04, x, y
  const privateScalar = Buffer.alloc(32);
  const scalar = ecdh.getPrivateKey();
  scalar.copy(privateScalar, privateScalar.length - scalar.length);
  const ecPrivateKey = der.sequence(
    der.unsignedInteger(Buffer.of(1)),
    der.octetString(privateScalar),
    der.explicit(1, der.bitString(publicPoint)),
  );
  const pkcs8 = der.sequence(
    der.unsignedInteger(Buffer.of(0)),
    p256Key,
    der.octetString(ecPrivateKey),
  );
  return {
    spki: der.sequence(p256Key, der.bitString(publicPoint)),
    privateKeyPem: `${PemConverter.encode(pkcs8, 'PRIVATE KEY')}\n`,
  };
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
  const serialNumber = randomSerialNumber();
  const commonName = leafCommonName(identity.node);
  const tbs = der.sequence(
    der.explicit(0, der.unsignedInteger(Buffer.of(2))), // v3
    der.unsignedInteger(Buffer.from(serialNumber, 'hex')),
    ecdsaWithSha256,
    authority.subjectDer,
    der.sequence(der.certificateTime(notBefore), der.certificateTime(notAfter)),
    commonName === undefined
      ? der.sequence()
      : der.sequence(der.set(der.sequence(commonNameOid, der.utf8String(commonName)))),
    publicKey,
    der.explicit(
      3,
      der.sequence(
        extension(oids.basicConstraints, true, der.sequence()), // cA false
        extension(oids.keyUsage, true, digitalSignatureOnly),
        extension(oids.extendedKeyUsage, false, serverAndClientAuth),
        // RFC 5280 4.2.1.6: with an empty subject, the SAN must be critical.
        extension(oids.subjectAltName, commonName === undefined, alternativeNames(id, dnsName)),
        extension(oids.subjectKeyIdentifier, false, der.octetString(keyIdentifierOf(publicKey))),
        extension(
          oids.authorityKeyIdentifier,
          false,
          der.sequence(der.tlv(0x80, Buffer.from(authority.keyIdentifier, 'hex'))),
        ),
      ),
    ),
  );
  const signature = sign('sha256', tbs, authority.signingKey); // DER ECDSA-Sig-Value
  const leaf = der.sequence(tbs, ecdsaWithSha256, der.bitString(signature));
  const certificatePem = `${PemConverter.encode(leaf, 'CERTIFICATE')}\n`;
  return {
    certificatePem,
    chainPem: `${certificatePem}${authority.certificatePem.trim()}\n`,
    serialNumber,
    notBefore,
    notAfter,
    spiffeId: id,
    ...(dnsName ? { dnsName } : {}),
  };
}

// The leaf's fixed parts (RFC 5280, 4.2.1): written once, spliced into every leaf.
const oids = {
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extendedKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
};
const ecdsaWithSha256 = der.sequence(der.objectIdentifier('1.2.840.10045.4.3.2'));
/** AlgorithmIdentifier: id-ecPublicKey on prime256v1. */
const p256Key = der.sequence(
  der.objectIdentifier('1.2.840.10045.2.1'),
  der.objectIdentifier('1.2.840.10045.3.1.7'),
);
const commonNameOid = der.objectIdentifier('2.5.4.3');
/** KeyUsage: digitalSignature (bit 0) alone, so 7 unused bits. */
const digitalSignatureOnly = der.tlv(0x03, Buffer.of(7, 0x80));
const serverAndClientAuth = der.sequence(
  der.objectIdentifier('1.3.6.1.5.5.7.3.1'),
  der.objectIdentifier('1.3.6.1.5.5.7.3.2'),
);

function extension(oid: string, critical: boolean, value: Uint8Array): Buffer {
  return der.sequence(
    der.objectIdentifier(oid),
    ...(critical ? [der.booleanTrue] : []),
    der.octetString(value),
  );
}

/** The SAN: the node's DNS name when it has one ([2] dNSName), then its SPIFFE ID ([6] URI). */
function alternativeNames(spiffe: string, dnsName: string | undefined): Buffer {
  const names = dnsName ? [der.tlv(0x82, Buffer.from(dnsName, 'ascii'))] : [];
  return der.sequence(...names, der.tlv(0x86, Buffer.from(spiffe, 'ascii')));
}

/** RFC 5280 4.2.1.2, method 1: the SHA-1 of the subject's public key bits. */
function keyIdentifierOf(spki: Uint8Array): Buffer {
  return createHash('sha1').update(der.subjectPublicKeyOf(spki)).digest();
}
