import { createPublicKey, type KeyObject } from 'node:crypto';
import { CertificateRequestError } from './errors.ts';
import { derOf } from './pem.ts';
import { Pkcs10CertificateRequest } from './x509.ts';

// A node's certificate signing request (PKCS#10), read as untrusted input. Only its public key
// counts: the signature proves the node holds the private key, and the subject and SANs it asks
// for are ignored, because the leaf's names are Meridian's to decide (leaves.ts).

const csrLabels = ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST'] as const;
const acceptedCurves: Readonly<Record<string, string>> = {
  prime256v1: 'EC P-256',
  secp384r1: 'EC P-384',
};
const minimumRsaBits = 2048;
// A larger key buys no safety, and a 16 KB CSR could carry a modulus that is slow to check.
const maximumRsaBits = 8192;
const acceptedHashes = new Set(['SHA-256', 'SHA-384', 'SHA-512']);
const acceptedKeys = `EC P-256, EC P-384 or RSA of ${minimumRsaBits} to ${maximumRsaBits} bits`;

/** A CSR that was read, whose key is accepted and whose signature verifies. */
export interface CertificateRequest {
  /** The key to certify, as a DER SubjectPublicKeyInfo. */
  publicKey: Uint8Array;
  /** For people and logs: `EC P-256`, `EC P-384`, `RSA 2048`, … */
  keyType: string;
  /** The subject the node asked for, for logs only: the leaf does not use it. */
  requestedSubject: string;
}

/**
 * Reads a node's CSR (PEM text, or PEM or DER bytes, at most 16 KB) and checks it: the key is EC
 * P-256 or P-384 or RSA of 2048 to 8192 bits, and the CSR is signed (SHA-2) by that key. Throws
 * `CertificateRequestError` with a message the node's operator can act on otherwise.
 *
 * @example
 * const request = await parseCertificateRequest(body.csr); // { keyType: 'EC P-256', … }
 */
export async function parseCertificateRequest(
  input: string | Uint8Array,
): Promise<CertificateRequest> {
  const der = derOf(input, csrLabels, (message) => new CertificateRequestError(message));
  let csr: Pkcs10CertificateRequest;
  try {
    csr = new Pkcs10CertificateRequest(der);
  } catch {
    throw new CertificateRequestError(
      'The CSR cannot be read as a PKCS#10 certificate request: it is damaged or of another kind',
    );
  }
  const publicKey = new Uint8Array(csr.publicKey.rawData);
  const keyType = acceptedKeyType(publicKey);
  await requireOwnSignature(csr);
  return { publicKey, keyType, requestedSubject: csr.subject };
}

function acceptedKeyType(spki: Uint8Array): string {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch {
    throw new CertificateRequestError(`The CSR's public key cannot be read; use ${acceptedKeys}`);
  }
  const { namedCurve, modulusLength } = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec') {
    const curve = acceptedCurves[namedCurve ?? ''];
    if (curve) return curve;
    throw new CertificateRequestError(
      `The CSR's key is on curve ${namedCurve}, which is not accepted; use ${acceptedKeys}`,
    );
  }
  if (key.asymmetricKeyType === 'rsa' && modulusLength !== undefined) {
    if (modulusLength >= minimumRsaBits && modulusLength <= maximumRsaBits) {
      return `RSA ${modulusLength}`;
    }
    throw new CertificateRequestError(
      `The CSR's key is RSA of ${modulusLength} bits, which is not accepted; use ${acceptedKeys}`,
    );
  }
  throw new CertificateRequestError(
    `The CSR's key is ${key.asymmetricKeyType}, which is not accepted; use ${acceptedKeys}`,
  );
}

/** The CSR is signed, with SHA-2, by the private key of the public key it carries. */
async function requireOwnSignature(csr: Pkcs10CertificateRequest): Promise<void> {
  const hash = signatureHash(csr);
  if (!hash || !acceptedHashes.has(hash)) {
    throw new CertificateRequestError(
      `The CSR is signed with ${hash ?? 'an unknown algorithm'}; sign it with SHA-256, SHA-384 or SHA-512`,
    );
  }
  let verified = false;
  try {
    verified = await csr.verify(crypto);
  } catch {
    // A signature that cannot be checked (a malformed value, a mismatched algorithm) is refused
    // like one that does not verify.
  }
  if (!verified) {
    throw new CertificateRequestError(
      "The CSR's signature does not verify with its public key: it must be signed by the private key it asks a certificate for",
    );
  }
}

function signatureHash(csr: Pkcs10CertificateRequest): string | undefined {
  try {
    return csr.signatureAlgorithm.hash?.name;
  } catch {
    return undefined;
  }
}
