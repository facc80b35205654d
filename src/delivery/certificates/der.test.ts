import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCertificateAuthority } from './authority.ts';
import {
  certificateTime,
  objectIdentifier,
  readTlv,
  subjectNameOf,
  subjectPublicKeyOf,
  tlv,
  unsignedInteger,
} from './der.ts';
import * as x509 from './x509.ts';

// The DER writer against encodings known from X.690 and RFC 5280; the leaves it assembles are
// checked whole by certificates.test.ts (two X.509 implementations) and by openssl's strict mode.

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('the DER writer', () => {
  it('writes short and long definite lengths', () => {
    expect(hex(tlv(0x04, Buffer.alloc(3)))).toBe('0403000000');
    expect(hex(tlv(0x04, Buffer.alloc(200))).slice(0, 6)).toBe('0481c8');
    expect(hex(tlv(0x04, Buffer.alloc(300))).slice(0, 8)).toBe('0482012c');
  });

  it('writes object identifiers, multi-byte arcs included', () => {
    expect(hex(objectIdentifier('1.2.840.10045.4.3.2'))).toBe('06082a8648ce3d040302');
    expect(hex(objectIdentifier('2.5.29.17'))).toBe('0603551d11');
    expect(hex(objectIdentifier('1.3.6.1.5.5.7.3.1'))).toBe('06082b06010505070301');
  });

  it('writes non-negative integers minimally, with a zero byte before a set top bit', () => {
    expect(hex(unsignedInteger(Buffer.of(2)))).toBe('020102');
    expect(hex(unsignedInteger(Buffer.of(0x80)))).toBe('02020080');
    expect(hex(unsignedInteger(Buffer.of(0, 0, 0x7f)))).toBe('02017f');
    expect(hex(unsignedInteger(Buffer.of(0)))).toBe('020100');
  });

  it('writes UTCTime through 2049 and GeneralizedTime from 2050', () => {
    const utc = certificateTime(new Date('2049-12-31T23:59:59Z'));
    expect(utc[0]).toBe(0x17);
    expect(utc.subarray(2).toString('ascii')).toBe('491231235959Z');
    const generalized = certificateTime(new Date('2050-01-01T00:00:00Z'));
    expect(generalized[0]).toBe(0x18);
    expect(generalized.subarray(2).toString('ascii')).toBe('20500101000000Z');
  });
});

describe('the DER reader', () => {
  it("finds a SubjectPublicKeyInfo's key bits", () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const spki = publicKey.export({ type: 'spki', format: 'der' });
    const bits = subjectPublicKeyOf(spki);
    expect(bits.length).toBe(65); // an uncompressed P-256 point
    expect(bits[0]).toBe(0x04);
    expect(hex(spki).endsWith(hex(bits))).toBe(true);
  });

  it('refuses truncated input and what is not a SubjectPublicKeyInfo', () => {
    expect(() => readTlv(Buffer.from('3005020101', 'hex'), 0)).toThrow(RangeError);
    expect(() => subjectPublicKeyOf(Buffer.from('0403000000', 'hex'))).toThrow(RangeError);
  });

  it("takes a certificate's subject out as its bytes are", async () => {
    const ca = await createCertificateAuthority({
      organisationName: 'Acme',
      secret: 's'.repeat(32),
      now: new Date(),
    });
    const certificate = new X509Certificate(ca.certificatePem);
    const subject = subjectNameOf(new Uint8Array(certificate.raw));
    expect(subject[0]).toBe(0x30);
    expect(hex(subject)).toBe(
      hex(new Uint8Array(new x509.X509Certificate(ca.certificatePem).subjectName.toArrayBuffer())),
    );
    expect(Buffer.from(subject).toString('utf8')).toContain('Meridian CA Acme');
  });
});
