import { CertificateInputError } from './errors.ts';
import { derOf } from './pem.ts';
import { SubjectAlternativeNameExtension, X509Certificate } from './x509.ts';

// What the agent, the delivery jobs and the tests need to know of a certificate they hold.

export interface CertificateSummary {
  /** Lower-case hex. */
  serialNumber: string;
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  dnsNames: string[];
  uris: string[];
}

/**
 * Reads the first certificate of `input` (PEM text, say a chain whose leaf comes first, or PEM
 * or DER bytes; at most 16 KB). Throws `CertificateInputError` (field `certificate`) for input
 * that is not a certificate.
 *
 * @example
 * const { notAfter } = readCertificate(await readFile('/etc/meridian/node.pem', 'utf8'));
 */
export function readCertificate(input: string | Uint8Array): CertificateSummary {
  const refuse = (message: string) => new CertificateInputError('certificate', message);
  const der = derOf(input, ['CERTIFICATE'], refuse);
  try {
    const certificate = new X509Certificate(der);
    const names = certificate.getExtension(SubjectAlternativeNameExtension)?.names.items ?? [];
    return {
      serialNumber: certificate.serialNumber,
      subject: certificate.subject,
      issuer: certificate.issuer,
      notBefore: certificate.notBefore,
      notAfter: certificate.notAfter,
      dnsNames: names.filter((name) => name.type === 'dns').map((name) => name.value),
      uris: names.filter((name) => name.type === 'url').map((name) => name.value),
    };
  } catch {
    throw refuse('The certificate cannot be read as an X.509 certificate');
  }
}
