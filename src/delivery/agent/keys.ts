import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { Pkcs10CertificateRequestGenerator } from '../certificates/x509.ts';

// The agent's keys: made on the node and never sent anywhere. Meridian receives only a CSR,
// which proves the agent holds the key and carries its public half; the names it asks for are
// ignored (the leaf's names are Meridian's), so the subject is the node's name for logs only.

const algorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export interface NodeKey {
  /** PKCS#8 PEM: written to key.pem (mode 600) once a certificate for it arrives. */
  privateKeyPem: string;
  /** The PKCS#10 request for this key, PEM. */
  csrPem: string;
}

/**
 * A new P-256 key and a CSR for it, signed with it (SHA-256).
 *
 * @example
 * const { privateKeyPem, csrPem } = await newNodeKey('web-1'); // send csrPem, keep the key
 */
export async function newNodeKey(node: string): Promise<NodeKey> {
  const keys = await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const csr = await Pkcs10CertificateRequestGenerator.create({
    name: [{ CN: [node] }],
    keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
  });
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  const privateKeyPem = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return { privateKeyPem, csrPem: csr.toString('pem') };
}

/** Whether the certificate (PEM) certifies the public half of `privateKeyPem`. */
export function certifiesKey(certificatePem: string, privateKeyPem: string): boolean {
  try {
    const certificate = new X509Certificate(certificatePem);
    const key = createPublicKey(createPrivateKey(privateKeyPem));
    return certificate.publicKey.equals(key);
  } catch {
    return false;
  }
}
