// A DER writer (X.690) for the few shapes of a leaf certificate, and a reader for the one
// structure a leaf needs taken apart (a SubjectPublicKeyInfo). The leaf is assembled with these
// rather than with the ASN.1 library, which cost about 3 ms a leaf, 150 times the signature
// (docs/design/delivery-benchmark.md); the library still makes the CAs and reads CSRs.

/** A TLV: `tag`, the definite length of `content`, then `content`. */
export function tlv(tag: number, ...content: Uint8Array[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.of(tag), lengthOf(body.length), body]);
}

function lengthOf(length: number): Buffer {
  if (length < 0x80) return Buffer.of(length);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.of(0x80 | bytes.length, ...bytes);
}

export const sequence = (...items: Uint8Array[]) => tlv(0x30, ...items);
export const set = (...items: Uint8Array[]) => tlv(0x31, ...items);
export const octetString = (bytes: Uint8Array) => tlv(0x04, bytes);
/** A BIT STRING of whole bytes (no unused bits). */
export const bitString = (bytes: Uint8Array) => tlv(0x03, Buffer.of(0), bytes);
export const utf8String = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));
/** `[n]` EXPLICIT around `content`. */
export const explicit = (n: number, content: Uint8Array) => tlv(0xa0 | n, content);
export const booleanTrue = Buffer.of(0x01, 0x01, 0xff);

/** A non-negative INTEGER from its big-endian bytes (a zero byte added when the top bit is set). */
export function unsignedInteger(bytes: Uint8Array): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  const pad = (trimmed[0] ?? 0) & 0x80 ? [Buffer.of(0)] : [];
  return tlv(0x02, ...pad, trimmed);
}

/** An OBJECT IDENTIFIER from its dotted form. */
export function objectIdentifier(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * first + second];
  for (const arc of rest) {
    const groups = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) {
      groups.unshift((value & 0x7f) | 0x80);
    }
    bytes.push(...groups);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** A certificate time: UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 4.1.2.5). */
export function certificateTime(date: Date): Buffer {
  const iso = date.toISOString(); // 2026-12-06T05:15:49.000Z
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return date.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(digits.slice(2), 'ascii'))
    : tlv(0x18, Buffer.from(digits, 'ascii'));
}

/** The TLV of `der` at `offset`: its tag, where its content starts, and where it ends. */
export function readTlv(der: Uint8Array, offset: number) {
  const tag = der[offset];
  let length = der[offset + 1] ?? 0;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[start + i] ?? 0);
    start += count;
  }
  const end = start + length;
  if (tag === undefined || end > der.length) throw new RangeError('truncated DER');
  return { tag, offset, start, end };
}

/** The key bits of a SubjectPublicKeyInfo (its BIT STRING's content, past the unused-bits byte). */
export function subjectPublicKeyOf(spki: Uint8Array): Uint8Array {
  const outer = readTlv(spki, 0);
  const algorithm = readTlv(spki, outer.start);
  const key = readTlv(spki, algorithm.end);
  if (outer.tag !== 0x30 || key.tag !== 0x03) throw new RangeError('not a SubjectPublicKeyInfo');
  return spki.subarray(key.start + 1, key.end);
}

/** The subject Name of a certificate, as its bytes are (an issuer must repeat them exactly). */
export function subjectNameOf(certificate: Uint8Array): Uint8Array {
  const tbs = readTlv(certificate, readTlv(certificate, 0).start);
  let field = readTlv(certificate, tbs.start);
  // version [0], serialNumber, signature, issuer, validity, then the subject
  const skip = field.tag === 0xa0 ? 5 : 4;
  for (let i = 0; i < skip; i++) field = readTlv(certificate, field.end);
  return certificate.subarray(field.offset, field.end);
}
