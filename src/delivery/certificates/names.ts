import { codePoint, notInNames } from '../../platform/http/validation.ts';
import { CertificateInputError } from './errors.ts';
import { Name } from './x509.ts';

// What Meridian writes into a certificate's names. A value goes in as an explicit UTF8String:
// @peculiar/x509 reads plain strings in a name as RFC 4514 text (quotes, `\` escapes, and a
// leading `#` as hex), so a plain string from a user could become another name.

/** The longest common name X.509 allows (ub-common-name, RFC 5280). */
const maxCommonName = 64;
/** The longest SPIFFE ID every SPIFFE implementation must accept (SPIFFE-ID.md, 2.3). */
const maxSpiffeIdBytes = 2048;
const dnsLabel = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const trustDomainPattern = /^[a-z0-9._-]{1,255}$/;
const spiffeSegmentSafe = /^[A-Za-z0-9._-]$/;

/** Where a leaf certificate belongs: `spiffe://<trustDomain>/<service>/<node>`. */
export interface NodeIdentity {
  /** The SPIFFE trust domain, e.g. `meridian.example.com`: lower-case letters, digits, `.-_`. */
  trustDomain: string;
  /** The customer's service name. */
  service: string;
  /** The node's name in the service; also its DNS SAN when it is a host name. */
  node: string;
}

/**
 * The CA's subject, `CN=Meridian CA <organisation>`, cut to X.509's 64 characters with `…` (the
 * name is for people; the key identifiers link the chain). Throws `CertificateInputError` for a
 * blank name or one with control or bidirectional formatting characters.
 */
export function authoritySubject(organisationName: string): Name {
  const organisation = organisationName.trim();
  if (!organisation) {
    throw new CertificateInputError('organisationName', 'The organisation name is blank');
  }
  const refused = notInNames.exec(organisation);
  if (refused) {
    throw new CertificateInputError(
      'organisationName',
      `The organisation name contains U+${codePoint(refused[0])}, a control or bidirectional formatting character`,
    );
  }
  return commonNameSubject(truncate(`Meridian CA ${organisation}`, maxCommonName));
}

/**
 * A leaf's common name: the node's name when it fits in a common name and displays as itself;
 * else none, and the subject is empty (the SAN, then critical, carries the identity, as RFC 5280
 * 4.2.1.6 asks).
 */
export function leafCommonName(node: string): string | undefined {
  return [...node].length <= maxCommonName && !notInNames.test(node) ? node : undefined;
}

/**
 * The node's SPIFFE ID. A path segment keeps `A-Z a-z 0-9 . _ -` and percent-encodes the rest
 * (UTF-8), so a `/` in a name cannot add a segment. Throws `CertificateInputError` for an invalid
 * trust domain, an empty, `.` or `..` segment, or an ID past SPIFFE's 2048 bytes.
 *
 * @example
 * spiffeId({ trustDomain: 'acme.test', service: 'payments', node: 'web 1' });
 * // 'spiffe://acme.test/payments/web%201'
 */
export function spiffeId({ trustDomain, service, node }: NodeIdentity): string {
  if (!trustDomainPattern.test(trustDomain)) {
    throw new CertificateInputError(
      'trustDomain',
      `The trust domain "${trustDomain}" must be 1 to 255 lower-case letters, digits, ".", "-" or "_"`,
    );
  }
  const id = `spiffe://${trustDomain}/${pathSegment('service', service)}/${pathSegment('node', node)}`;
  if (id.length > maxSpiffeIdBytes) {
    throw new CertificateInputError(
      'node',
      `The SPIFFE ID would be ${id.length} bytes; at most ${maxSpiffeIdBytes} are allowed`,
    );
  }
  return id;
}

/**
 * The node's name as a DNS SAN (lower-cased) when it is a host name: labels of letters, digits
 * and inner hyphens, 253 characters in all, and a last label that is not all digits (so an IPv4
 * address is not one). Otherwise undefined: the certificate then has no DNS SAN.
 */
export function dnsNameOf(node: string): string | undefined {
  const name = node.toLowerCase();
  if (name.length > 253) return undefined;
  const labels = name.split('.');
  if (!labels.every((label) => dnsLabel.test(label))) return undefined;
  return /^\d+$/.test(labels.at(-1) ?? '') ? undefined : name;
}

function pathSegment(field: 'service' | 'node', value: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw new CertificateInputError(
      field,
      `The ${field} name "${value}" cannot be a SPIFFE path segment`,
    );
  }
  return [...value]
    .map((character) =>
      spiffeSegmentSafe.test(character)
        ? character
        : [...Buffer.from(character, 'utf8')]
            .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
            .join(''),
    )
    .join('');
}

function commonNameSubject(commonName: string): Name {
  return new Name([{ CN: [{ utf8String: commonName }] }]);
}

/** At most `length` characters (code points, never half a surrogate pair), `…` marking a cut. */
function truncate(text: string, length: number): string {
  const characters = [...text];
  return characters.length <= length ? text : `${characters.slice(0, length - 1).join('')}…`;
}
