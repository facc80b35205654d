// The refusals of the certificate authority library. Routes answer the two input errors as 422
// (`field` names the part to fix); a `KeyEnvelopeError` is the operator's to fix, never the user's.

/** An input the library cannot use as given: a name, a lifetime, a certificate to read. */
export class CertificateInputError extends Error {
  override readonly name: string = 'CertificateInputError';
  /** Which input is wrong: `organisationName`, `trustDomain`, `service`, `node`, `csr`, … */
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

/** A node's certificate signing request cannot be read or is refused (key type, signature). */
export class CertificateRequestError extends CertificateInputError {
  override readonly name = 'CertificateRequestError';

  constructor(message: string) {
    super('csr', message);
  }
}

/**
 * A sealed CA private key cannot be opened: not an envelope, an unknown version, a wrong server
 * secret or altered bytes (AES-GCM cannot tell those two apart), or a key that is not the CA's.
 */
export class KeyEnvelopeError extends Error {
  override readonly name = 'KeyEnvelopeError';
}
