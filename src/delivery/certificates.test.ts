import {
  createPrivateKey,
  createPublicKey,
  X509Certificate as NodeCertificate,
  randomBytes,
  type webcrypto,
} from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CertificateAuthority,
  type CreatedCertificateAuthority,
  createCertificateAuthority,
  unlockCertificateAuthority,
} from './certificates/authority.ts';
import {
  CertificateInputError,
  CertificateRequestError,
  KeyEnvelopeError,
} from './certificates/errors.ts';
import { readCertificate } from './certificates/inspect.ts';
import { openPrivateKey, sealPrivateKey } from './certificates/key-envelope.ts';
import {
  issueCertificateFromRequest,
  issueCertificateWithNewKey,
  type LeafOptions,
} from './certificates/leaves.ts';
import { parseCertificateRequest } from './certificates/requests.ts';
import {
  BasicConstraintsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  Pkcs10CertificateRequestGenerator,
  SubjectAlternativeNameExtension,
  X509Certificate,
  X509ChainBuilder,
} from './certificates/x509.ts';

// Real keys and real signatures throughout. A leaf is checked by @peculiar/x509, which made it,
// and by node:crypto (OpenSSL), which did not.

const secret = randomBytes(32).toString('base64');
const minute = 60_000;
const tolerance = 5_000;
const ecdsaP256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

let created: CreatedCertificateAuthority;
let authority: CertificateAuthority;

beforeAll(async () => {
  created = await createCertificateAuthority({
    organisationName: 'Acme, "Inc" #1',
    secret,
    now: new Date(),
  });
  authority = await unlockCertificateAuthority(created, secret);
});

function leafOptions(overrides: Partial<LeafOptions> = {}): LeafOptions {
  return {
    authority,
    identity: { trustDomain: 'acme.test', service: 'payments', node: 'web-1.acme.internal' },
    lifetimeMinutes: 60,
    now: new Date(),
    ...overrides,
  };
}

async function ecKeys(namedCurve = 'P-256'): Promise<webcrypto.CryptoKeyPair> {
  return crypto.subtle.generateKey({ name: 'ECDSA', namedCurve }, true, ['sign', 'verify']);
}

async function rsaKeys(modulusLength: number): Promise<webcrypto.CryptoKeyPair> {
  const algorithm = {
    name: 'RSASSA-PKCS1-v1_5',
    hash: 'SHA-256',
    modulusLength,
    publicExponent: new Uint8Array([1, 0, 1]),
  };
  return crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']) as Promise<any>;
}

/** A CSR as a node makes one; it asks for `evil.example` as its subject and DNS SAN. */
async function csrPem(
  keys: webcrypto.CryptoKeyPair,
  signingAlgorithm: object = { name: 'ECDSA', hash: 'SHA-256' },
): Promise<string> {
  const csr = await Pkcs10CertificateRequestGenerator.create(
    {
      name: 'CN=evil.example',
      keys: keys as any,
      signingAlgorithm: signingAlgorithm as any,
      extensions: [new SubjectAlternativeNameExtension([{ type: 'dns', value: 'evil.example' }])],
    },
    crypto,
  );
  return csr.toString('pem');
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

function expectNear(actual: Date, expected: number): void {
  expect(Math.abs(actual.getTime() - expected)).toBeLessThan(tolerance);
}

describe('createCertificateAuthority', () => {
  it('makes a self-signed P-256 CA that may sign leaves only', async () => {
    const before = Date.now();
    const ca = new X509Certificate(created.certificatePem);
    expect(await ca.isSelfSigned(crypto)).toBe(true);
    expect(ca.subjectName.getField('CN')).toEqual(['Meridian CA Acme, "Inc" #1']);
    expect(ca.publicKey.algorithm).toMatchObject(ecdsaP256);
    const constraints = ca.getExtension(BasicConstraintsExtension);
    expect(constraints).toMatchObject({ ca: true, pathLength: 0, critical: true });
    expect(ca.getExtension(KeyUsagesExtension)).toMatchObject({
      usages: KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign,
      critical: true,
    });
    const node = new NodeCertificate(created.certificatePem);
    expect(node.ca).toBe(true);
    expect(node.verify(node.publicKey)).toBe(true);
    expectNear(created.notBefore, before - 5 * minute);
    const tenYears = new Date(before);
    tenYears.setUTCFullYear(tenYears.getUTCFullYear() + 10);
    expectNear(created.notAfter, tenYears.getTime());
    expect(ca.notAfter).toEqual(created.notAfter);
    expect(ca.serialNumber).toBe(created.serialNumber);
  });

  it('cuts a long organisation name to the 64 characters of a common name', async () => {
    const long = await createCertificateAuthority({
      organisationName: 'Ö'.repeat(100),
      secret,
      now: new Date(),
      validityYears: 1,
    });
    const [commonName] = new X509Certificate(long.certificatePem).subjectName.getField('CN');
    expect([...(commonName ?? '')]).toHaveLength(64);
    expect(commonName).toBe(`Meridian CA ${'Ö'.repeat(51)}…`);
  });

  it('refuses a blank name, control and bidirectional characters, and odd validities', async () => {
    for (const organisationName of ['  ', 'Acme\nCA', 'Acme\u202Egpj.exe']) {
      const error = await rejection(
        createCertificateAuthority({ organisationName, secret, now: new Date() }),
      );
      expect(error).toBeInstanceOf(CertificateInputError);
      expect(error).toMatchObject({ field: 'organisationName' });
    }
    for (const validityYears of [0, 1.5, 31]) {
      const error = await rejection(
        createCertificateAuthority({
          organisationName: 'Acme',
          secret,
          now: new Date(),
          validityYears,
        }),
      );
      expect(error).toMatchObject({ field: 'validityYears' });
    }
  });

  it('refuses a server secret too short to be random', async () => {
    const error = await rejection(
      createCertificateAuthority({ organisationName: 'Acme', secret: 'hunter2', now: new Date() }),
    );
    expect(error).toBeInstanceOf(KeyEnvelopeError);
    expect(error.message).toMatch(/7 bytes; at least 32/);
  });
});

describe('the sealed CA key', () => {
  it('round-trips and is the key of the CA certificate', () => {
    const key = openPrivateKey(created.sealedPrivateKey, secret);
    const privateKey = createPrivateKey({ key, format: 'der', type: 'pkcs8' });
    const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
    const certificateKey = new NodeCertificate(created.certificatePem).publicKey;
    expect(spki.equals(certificateKey.export({ type: 'spki', format: 'der' }))).toBe(true);
    expect(created.sealedPrivateKey).toMatch(/^v1\.[\w-]{22}\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
  });

  it('does not open with another secret', async () => {
    const error = await rejection(
      unlockCertificateAuthority(created, randomBytes(32).toString('base64')),
    );
    expect(error).toBeInstanceOf(KeyEnvelopeError);
    expect(error.message).toMatch(/not the one it was sealed with, or the envelope was altered/);
  });

  it('refuses an envelope with any byte of any part flipped', () => {
    const envelope = sealPrivateKey(randomBytes(138), secret);
    const parts = envelope.split('.');
    for (let part = 1; part < parts.length; part++) {
      const bytes = Buffer.from(parts[part]!, 'base64url');
      for (const index of [0, bytes.length - 1]) {
        const flipped = Buffer.from(bytes);
        flipped[index]! ^= 0x01;
        const altered = parts.with(part, flipped.toString('base64url')).join('.');
        expect(() => openPrivateKey(altered, secret)).toThrow(KeyEnvelopeError);
      }
    }
    expect(openPrivateKey(envelope, secret)).toHaveLength(138);
  });

  it('refuses malformed envelopes with what is wrong', () => {
    const envelope = sealPrivateKey(randomBytes(32), secret);
    const parts = envelope.split('.');
    const cases: [string, RegExp][] = [
      ['', /not a v1 envelope/],
      [`v2${envelope.slice(2)}`, /not a v1 envelope/],
      [parts.slice(0, 4).join('.'), /has 4 parts/],
      [parts.with(4, `${parts[4]}!`).join('.'), /ciphertext is not base64url/],
      [parts.with(2, parts[2]!.slice(0, 12)).join('.'), /iv has 9 bytes, not 12/],
      [parts.with(3, '').join('.'), /tag is not base64url/],
    ];
    for (const [altered, message] of cases) {
      const error = thrown(() => openPrivateKey(altered, secret));
      expect(error).toBeInstanceOf(KeyEnvelopeError);
      expect(error.message).toMatch(message);
    }
  });

  it("is refused as the key of another CA's certificate", async () => {
    const other = await createCertificateAuthority({
      organisationName: 'Other',
      secret,
      now: new Date(),
    });
    const swapped = { ...created, sealedPrivateKey: other.sealedPrivateKey };
    const error = await rejection(unlockCertificateAuthority(swapped, secret));
    expect(error).toBeInstanceOf(KeyEnvelopeError);
    expect(error.message).toMatch(/not the key of this CA's certificate/);
  });
});

describe('issueCertificateFromRequest', () => {
  it('issues a leaf that verifies against the CA, by @peculiar/x509 and by OpenSSL', async () => {
    const issued = await issueCertificateFromRequest(await csrPem(await ecKeys()), leafOptions());
    const leaf = new X509Certificate(issued.certificatePem);
    const ca = new X509Certificate(created.certificatePem);
    expect(await leaf.verify({ publicKey: ca.publicKey }, crypto)).toBe(true);
    const chain = await new X509ChainBuilder({ certificates: [ca] }).build(leaf, crypto);
    expect(chain.map((certificate) => certificate.serialNumber)).toEqual([
      issued.serialNumber,
      created.serialNumber,
    ]);

    const nodeLeaf = new NodeCertificate(issued.certificatePem);
    const nodeCa = new NodeCertificate(created.certificatePem);
    expect(nodeLeaf.verify(nodeCa.publicKey)).toBe(true);
    expect(nodeLeaf.checkIssued(nodeCa)).toBe(true);
    expect(nodeLeaf.ca).toBe(false);
    expect(nodeLeaf.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    const otherCa = await createCertificateAuthority({
      organisationName: 'Other',
      secret,
      now: new Date(),
    });
    expect(nodeLeaf.verify(new NodeCertificate(otherCa.certificatePem).publicKey)).toBe(false);
  });

  it("writes Meridian's names, not the ones the CSR asks for", async () => {
    const csr = await csrPem(await ecKeys());
    expect(await parseCertificateRequest(csr)).toMatchObject({
      keyType: 'EC P-256',
      requestedSubject: 'CN=evil.example',
    });
    const issued = await issueCertificateFromRequest(csr, leafOptions());
    const summary = readCertificate(issued.certificatePem);
    expect(summary.dnsNames).toEqual(['web-1.acme.internal']);
    expect(summary.uris).toEqual(['spiffe://acme.test/payments/web-1.acme.internal']);
    expect(summary.subject).toBe('CN=web-1.acme.internal');
    expect(issued).toMatchObject({
      spiffeId: 'spiffe://acme.test/payments/web-1.acme.internal',
      dnsName: 'web-1.acme.internal',
    });
    expect(issued.certificatePem).not.toContain('evil');
    expect(new NodeCertificate(issued.certificatePem).subjectAltName).toBe(
      'DNS:web-1.acme.internal, URI:spiffe://acme.test/payments/web-1.acme.internal',
    );
    const leaf = new X509Certificate(issued.certificatePem);
    expect(leaf.getExtension(KeyUsagesExtension)).toMatchObject({
      usages: KeyUsageFlags.digitalSignature,
      critical: true,
    });
    expect(leaf.getExtension(BasicConstraintsExtension)).toMatchObject({ ca: false });
  });

  it('starts five minutes back and ends the lifetime after the issue time', async () => {
    const now = Date.now();
    const issued = await issueCertificateFromRequest(
      await csrPem(await ecKeys()),
      leafOptions({ lifetimeMinutes: 90 }),
    );
    expectNear(issued.notBefore, now - 5 * minute);
    expectNear(issued.notAfter, now + 90 * minute);
    const summary = readCertificate(issued.certificatePem);
    expect(summary.notBefore).toEqual(issued.notBefore);
    expect(summary.notAfter).toEqual(issued.notAfter);
    expect(issued.notAfter.getTime() - issued.notBefore.getTime()).toBe(95 * minute);

    const unbackdated = await issueCertificateWithNewKey(
      leafOptions({ backdateMinutes: 0, lifetimeMinutes: 3 * 24 * 60 }),
    );
    expectNear(unbackdated.notBefore, now);
    expect(unbackdated.notAfter.getTime() - unbackdated.notBefore.getTime()).toBe(3 * 86_400_000);
  });

  it('gives each leaf its own 16-byte serial number', async () => {
    const csr = await csrPem(await ecKeys());
    const first = await issueCertificateFromRequest(csr, leafOptions());
    const second = await issueCertificateFromRequest(csr, leafOptions());
    expect(first.serialNumber).toMatch(/^[4-7][0-9a-f]{31}$/);
    expect(second.serialNumber).toMatch(/^[4-7][0-9a-f]{31}$/);
    expect(first.serialNumber).not.toBe(second.serialNumber);
  });

  it('puts the leaf first in the chain, then the CA', async () => {
    const issued = await issueCertificateFromRequest(await csrPem(await ecKeys()), leafOptions());
    const blocks = issued.chainPem.match(
      /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g,
    );
    expect(blocks?.map((block) => readCertificate(block).serialNumber)).toEqual([
      issued.serialNumber,
      created.serialNumber,
    ]);
    expect(readCertificate(issued.chainPem).serialNumber).toBe(issued.serialNumber);
  });

  it('accepts P-384 and RSA 2048 keys, as PEM or DER', async () => {
    const p384 = await issueCertificateFromRequest(
      await csrPem(await ecKeys('P-384')),
      leafOptions(),
    );
    expect(new X509Certificate(p384.certificatePem).publicKey.algorithm).toMatchObject({
      namedCurve: 'P-384',
    });
    const rsaPem = await csrPem(await rsaKeys(2048), { name: 'RSASSA-PKCS1-v1_5' });
    const der = Buffer.from(rsaPem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    expect(await parseCertificateRequest(der)).toMatchObject({ keyType: 'RSA 2048' });
    const rsa = await issueCertificateFromRequest(der, leafOptions());
    const nodeLeaf = new NodeCertificate(rsa.certificatePem);
    expect(nodeLeaf.verify(new NodeCertificate(created.certificatePem).publicKey)).toBe(true);
    expect(nodeLeaf.publicKey.asymmetricKeyType).toBe('rsa');
  });

  it('percent-encodes SPIFFE path segments and leaves out a DNS SAN that is no host name', async () => {
    const cases = [
      { service: 'pay/ments', node: 'Node 7/β', uri: 'pay%2Fments/Node%207%2F%CE%B2' },
      { service: 'payments', node: '10.0.0.7', uri: 'payments/10.0.0.7' },
      { service: 'payments', node: 'web_1', uri: 'payments/web_1' },
      { service: 'payments', node: '-web', uri: 'payments/-web' },
    ];
    for (const { service, node, uri } of cases) {
      const issued = await issueCertificateWithNewKey(
        leafOptions({ identity: { trustDomain: 'acme.test', service, node } }),
      );
      const summary = readCertificate(issued.certificatePem);
      expect(summary.uris).toEqual([`spiffe://acme.test/${uri}`]);
      expect(summary.dnsNames).toEqual([]);
      expect(issued.dnsName).toBeUndefined();
    }
  });

  it('writes a node name as it is, whatever RFC 4514 would make of it', async () => {
    for (const node of ['#0c02', 'a,b="c"+d', ' spaced ']) {
      const issued = await issueCertificateWithNewKey(
        leafOptions({ identity: { trustDomain: 'acme.test', service: 's', node } }),
      );
      const leaf = new X509Certificate(issued.certificatePem);
      expect(leaf.subjectName.getField('CN')).toEqual([node]);
    }
  });

  it('leaves the subject empty, and the SAN critical, for a name that is no common name', async () => {
    for (const node of ['n'.repeat(65), 'evil\u202Etxt.exe']) {
      const issued = await issueCertificateWithNewKey(
        leafOptions({ identity: { trustDomain: 'acme.test', service: 's', node } }),
      );
      const leaf = new X509Certificate(issued.certificatePem);
      expect(leaf.subject).toBe('');
      expect(leaf.getExtension(SubjectAlternativeNameExtension)?.critical).toBe(true);
      const nodeCa = new NodeCertificate(created.certificatePem);
      expect(new NodeCertificate(issued.certificatePem).verify(nodeCa.publicKey)).toBe(true);
    }
  });

  it('refuses names and lifetimes it cannot use, saying which', async () => {
    const identity = { trustDomain: 'acme.test', service: 'payments', node: 'web-1' };
    const cases: [Partial<LeafOptions>, string][] = [
      [{ identity: { ...identity, node: '..' } }, 'node'],
      [{ identity: { ...identity, node: '' } }, 'node'],
      [{ identity: { ...identity, service: '.' } }, 'service'],
      [{ identity: { ...identity, node: 'n'.repeat(2100) } }, 'node'],
      [{ identity: { ...identity, trustDomain: 'Acme.test' } }, 'trustDomain'],
      [{ identity: { ...identity, trustDomain: 'acme.test/x' } }, 'trustDomain'],
      [{ lifetimeMinutes: 0 }, 'lifetimeMinutes'],
      [{ lifetimeMinutes: 1.5 }, 'lifetimeMinutes'],
      [{ lifetimeMinutes: 399 * 24 * 60 }, 'lifetimeMinutes'],
      [{ backdateMinutes: -1 }, 'backdateMinutes'],
    ];
    const csr = await csrPem(await ecKeys());
    for (const [overrides, field] of cases) {
      const error = await rejection(issueCertificateFromRequest(csr, leafOptions(overrides)));
      expect(error).toBeInstanceOf(CertificateInputError);
      expect(error).toMatchObject({ field });
    }
  });

  it('refuses a leaf that would outlast its CA', async () => {
    const short = await createCertificateAuthority({
      organisationName: 'Short-lived',
      secret,
      now: new Date(),
      validityYears: 1,
    });
    const opened = await unlockCertificateAuthority(short, secret);
    const error = await rejection(
      issueCertificateWithNewKey(
        leafOptions({ authority: opened, lifetimeMinutes: 370 * 24 * 60 }),
      ),
    );
    expect(error).toMatchObject({ field: 'lifetimeMinutes' });
    expect(error.message).toMatch(/after its CA .* the CA must be renewed first/);
  });
});

describe('refused certificate requests', () => {
  async function refusal(csr: string | Uint8Array): Promise<Error> {
    const error = await rejection(issueCertificateFromRequest(csr, leafOptions()));
    expect(error).toBeInstanceOf(CertificateRequestError);
    expect(error).toMatchObject({ field: 'csr' });
    return error;
  }

  it('refuses a CSR signed by another key than the one it carries', async () => {
    const [carried, signer] = await Promise.all([ecKeys(), ecKeys()]);
    const forged = await csrPem({ publicKey: carried.publicKey, privateKey: signer.privateKey });
    expect((await refusal(forged)).message).toMatch(/signature does not verify/);
  });

  it('refuses Ed25519 and RSA 1024 keys, and SHA-1 signatures', async () => {
    const ed25519 = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
      'sign',
      'verify',
    ])) as unknown as webcrypto.CryptoKeyPair;
    const edCsr = await csrPem(ed25519, { name: 'Ed25519' });
    expect((await refusal(edCsr)).message).toMatch(/key is ed25519, which is not accepted/);

    const rsaCsr = await csrPem(await rsaKeys(1024), { name: 'RSASSA-PKCS1-v1_5' });
    expect((await refusal(rsaCsr)).message).toMatch(/RSA of 1024 bits, which is not accepted/);

    const sha1 = await csrPem(await ecKeys(), { name: 'ECDSA', hash: 'SHA-1' });
    expect((await refusal(sha1)).message).toMatch(/signed with SHA-1; sign it with SHA-256/);
  });

  it('refuses garbage, truncated, mistyped and oversized input with what is wrong', async () => {
    const pem = await csrPem(await ecKeys());
    const lines = pem.trim().split('\n');
    const cases: [string | Uint8Array, RegExp][] = [
      ['', /is empty/],
      ['hello', /is not PEM/],
      [pem.slice(0, pem.length / 2), /cut short: no "-----END CERTIFICATE REQUEST-----" line/],
      [[...lines.slice(0, 2), ...lines.slice(-1)].join('\n'), /cannot be read as a PKCS#10/],
      [pem.replace(/\n[A-Za-z0-9+/]{8}/, '\n*&^%$#@!'), /PEM body is not base64/],
      [created.certificatePem, /is a CERTIFICATE, not a CERTIFICATE REQUEST/],
      [`${'#'.repeat(16 * 1024)}${pem}`, /is \d+ bytes; at most 16384 are accepted/],
      [randomBytes(300), /cannot be read as a PKCS#10/],
      [new Uint8Array(16 * 1024 + 1), /at most 16384/],
    ];
    for (const [input, message] of cases) {
      expect((await refusal(input)).message).toMatch(message);
    }
  });
});

describe('issueCertificateWithNewKey', () => {
  it('returns a PKCS#8 key whose public half the leaf certifies', async () => {
    const issued = await issueCertificateWithNewKey(leafOptions());
    expect(issued.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const publicKey = createPublicKey(issued.privateKeyPem);
    expect(publicKey.asymmetricKeyDetails).toEqual({ namedCurve: 'prime256v1' });
    const nodeLeaf = new NodeCertificate(issued.certificatePem);
    expect(nodeLeaf.checkPrivateKey(createPrivateKey(issued.privateKeyPem))).toBe(true);
    expect(nodeLeaf.verify(new NodeCertificate(created.certificatePem).publicKey)).toBe(true);
    expect(readCertificate(issued.certificatePem).uris).toEqual([
      'spiffe://acme.test/payments/web-1.acme.internal',
    ]);
  });

  it('makes a different, whole key each time, short scalars included', async () => {
    // One private scalar in 256 has a leading zero byte: 600 keys meet one 9 times in 10.
    const seen = new Set<string>();
    for (let i = 0; i < 600; i++) {
      const issued = await issueCertificateWithNewKey(leafOptions());
      const privateKey = createPrivateKey(issued.privateKeyPem);
      expect(new NodeCertificate(issued.certificatePem).checkPrivateKey(privateKey)).toBe(true);
      seen.add(issued.privateKeyPem);
    }
    expect(seen.size).toBe(600);
  });
});

describe('readCertificate', () => {
  it('refuses what is not a certificate', async () => {
    const csr = await csrPem(await ecKeys());
    for (const [input, message] of [
      ['not a certificate', /not PEM/],
      [csr, /is a CERTIFICATE REQUEST, not a CERTIFICATE/],
      [randomBytes(64), /cannot be read as an X.509 certificate/],
    ] as const) {
      const error = thrown(() => readCertificate(input));
      expect(error).toBeInstanceOf(CertificateInputError);
      expect(error).toMatchObject({ field: 'certificate' });
      expect(error.message).toMatch(message);
    }
  });
});
