import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { subjectNameOf } from './der.ts';
import { CertificateInputError, KeyEnvelopeError } from './errors.ts';
import { openPrivateKey, sealPrivateKey } from './key-envelope.ts';
import { authoritySubject } from './names.ts';
import { derOf } from './pem.ts';
import { backdatedStart, issueTime, randomSerialNumber, requireWholeNumber } from './validity.ts';
import {
  BasicConstraintsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectKeyIdentifierExtension,
  X509Certificate,
  X509CertificateGenerator,
} from './x509.ts';

// One certificate authority per organisation: an ECDSA P-256 key and a self-signed certificate
// that may sign leaves only (path length 0). Its private key leaves this file sealed under the
// server secret (key-envelope.ts) and is opened again, in memory only, to sign.

/** ECDSA over P-256 with SHA-256: the CA's key, and the signature on everything it signs. */
const caKeyAlgorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const caSigningAlgorithm = { name: 'ECDSA', hash: 'SHA-256' } as const;
const defaultValidityYears = 10;
const maximumValidityYears = 30;

export interface NewCertificateAuthority {
  /** The organisation's name, for people: the CA is `CN=Meridian CA <name>`. */
  organisationName: string;
  /** The server secret that seals the CA's private key (at least 32 random bytes). */
  secret: string;
  /** The issue time (`core.clock.now()`). */
  now: Date;
  /** Whole years from 1 to 30; default 10. */
  validityYears?: number;
  /** How far the start of validity is set back for slow clocks; default 5. */
  backdateMinutes?: number;
}

/** A CA as it is stored: its certificate, and its private key sealed under the server secret. */
export interface StoredCertificateAuthority {
  certificatePem: string;
  /** A `v1.` envelope (key-envelope.ts): AES-256-GCM of the PKCS#8 key. */
  sealedPrivateKey: string;
}

export interface CreatedCertificateAuthority extends StoredCertificateAuthority {
  /** Lower-case hex. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
}

/** A CA opened to sign: in memory only, never stored as is. */
export interface CertificateAuthority {
  certificate: X509Certificate;
  certificatePem: string;
  /** Its subject as encoded in its certificate: each leaf's issuer, byte for byte. */
  subjectDer: Uint8Array;
  signingKey: KeyObject;
  /** The CA's subject key identifier (hex), which each leaf names as its authority key. */
  keyIdentifier: string;
}

/**
 * Creates an organisation's CA: a P-256 key and a self-signed CA certificate (basic constraints
 * CA, path length 0, critical; key usage keyCertSign and cRLSign, critical). Throws
 * `CertificateInputError` for an unusable name or validity, `KeyEnvelopeError` for a short secret.
 *
 * @example
 * const ca = await createCertificateAuthority({
 *   organisationName: org.name, secret: config.deliveryKeySecret, now: core.clock.now(),
 * });
 * // store ca.certificatePem and ca.sealedPrivateKey
 */
export async function createCertificateAuthority(
  options: NewCertificateAuthority,
): Promise<CreatedCertificateAuthority> {
  const { validityYears = defaultValidityYears } = options;
  requireWholeNumber('validityYears', validityYears, 1, maximumValidityYears);
  const subject = authoritySubject(options.organisationName);
  const issuedAt = issueTime(options.now);
  const notBefore = backdatedStart(issuedAt, options.backdateMinutes);
  const notAfter = new Date(issuedAt);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + validityYears);
  const keys = await crypto.subtle.generateKey(caKeyAlgorithm, true, ['sign', 'verify']);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  // Sealed before anything is signed: a short secret is refused before a CA exists to lose.
  const sealedPrivateKey = sealPrivateKey(pkcs8, options.secret);
  const certificate = await X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: randomSerialNumber(),
      name: subject,
      notBefore,
      notAfter,
      keys,
      signingAlgorithm: caSigningAlgorithm,
      extensions: [
        new BasicConstraintsExtension(true, 0, true),
        new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
        await SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  return {
    certificatePem: `${certificate.toString('pem')}\n`,
    sealedPrivateKey,
    serialNumber: certificate.serialNumber,
    notBefore,
    notAfter,
  };
}

/**
 * Opens a stored CA to sign leaves: unseals its key with the server secret and checks that the
 * key is the certificate's. Throws `KeyEnvelopeError` for a wrong secret, an altered envelope or
 * a key of another CA, `CertificateInputError` for a certificate that cannot be read.
 */
export async function unlockCertificateAuthority(
  stored: StoredCertificateAuthority,
  secret: string,
): Promise<CertificateAuthority> {
  const certificate = readAuthorityCertificate(stored.certificatePem);
  const pkcs8 = openPrivateKey(stored.sealedPrivateKey, secret);
  const signingKey = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(signingKey).export({ type: 'spki', format: 'der' });
  if (!spki.equals(Buffer.from(certificate.publicKey.rawData))) {
    throw new KeyEnvelopeError("The sealed key is not the key of this CA's certificate");
  }
  const keyIdentifier = certificate.getExtension(SubjectKeyIdentifierExtension)?.keyId;
  if (!keyIdentifier) {
    throw new CertificateInputError(
      'certificate',
      'The CA certificate has no subject key identifier',
    );
  }
  return {
    certificate,
    certificatePem: stored.certificatePem,
    subjectDer: subjectNameOf(new Uint8Array(certificate.rawData)),
    signingKey,
    keyIdentifier,
  };
}

function readAuthorityCertificate(pem: string): X509Certificate {
  const refuse = (message: string) => new CertificateInputError('certificate', message);
  const der = derOf(pem, ['CERTIFICATE'], refuse);
  try {
    return new X509Certificate(der);
  } catch {
    throw refuse('The CA certificate cannot be read as an X.509 certificate');
  }
}
