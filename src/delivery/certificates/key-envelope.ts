import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { KeyEnvelopeError } from './errors.ts';

// A CA private key at rest: AES-256-GCM under a key derived with HKDF-SHA256 from the server
// secret and a random salt of the envelope's own, so no two envelopes share a key and a database
// dump without the secret opens nothing. The envelope is one string,
// `v1.<salt>.<iv>.<tag>.<ciphertext>`, each part base64url; the version names the whole recipe.

const version = 'v1';
const hkdfInfo = 'meridian/delivery/ca-private-key/v1';
const saltBytes = 16;
const ivBytes = 12;
const tagBytes = 16;

/**
 * The shortest server secret accepted, in UTF-8 bytes. HKDF does not slow down guessing as a
 * password hash would, so the secret must be random: `openssl rand -base64 32` gives 44.
 */
export const minimumSecretBytes = 32;

/**
 * Encrypts a private key (PKCS#8 DER) under the server secret for storage: a `v1.` envelope.
 * Throws `KeyEnvelopeError` if the secret is shorter than `minimumSecretBytes`.
 *
 * @example
 * const envelope = sealPrivateKey(pkcs8, config.deliveryKeySecret); // 'v1.Qm9…'
 */
export function sealPrivateKey(privateKey: Uint8Array, secret: string): string {
  const salt = randomBytes(saltBytes);
  const iv = randomBytes(ivBytes);
  const header = `${version}.${salt.toString('base64url')}.${iv.toString('base64url')}`;
  const cipher = createCipheriv('aes-256-gcm', envelopeKey(secret, salt), iv, {
    authTagLength: tagBytes,
  });
  cipher.setAAD(Buffer.from(header));
  const ciphertext = Buffer.concat([cipher.update(privateKey), cipher.final()]);
  return `${header}.${cipher.getAuthTag().toString('base64url')}.${ciphertext.toString('base64url')}`;
}

/**
 * The private key sealed in `envelope`. Throws `KeyEnvelopeError`, never returns other bytes,
 * when the envelope is malformed, of an unknown version, altered, or sealed under another secret.
 */
export function openPrivateKey(envelope: string, secret: string): Buffer {
  const parts = envelope.split('.');
  if (parts[0] !== version) {
    throw new KeyEnvelopeError(
      `The sealed key is not a ${version} envelope (it starts "${envelope.slice(0, 8)}")`,
    );
  }
  if (parts.length !== 5) {
    throw new KeyEnvelopeError(`The sealed key has ${parts.length} parts, a ${version} has 5`);
  }
  const [, saltText, ivText, tagText, ciphertextText] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  const salt = decodePart(saltText, 'salt', saltBytes);
  const iv = decodePart(ivText, 'iv', ivBytes);
  const tag = decodePart(tagText, 'tag', tagBytes);
  const ciphertext = decodePart(ciphertextText, 'ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', envelopeKey(secret, salt), iv, {
    authTagLength: tagBytes,
  });
  decipher.setAAD(Buffer.from(`${version}.${saltText}.${ivText}`));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new KeyEnvelopeError(
      'The sealed key does not open: the server secret is not the one it was sealed with, or the envelope was altered',
    );
  }
}

function envelopeKey(secret: string, salt: Buffer): Buffer {
  const secretBytes = Buffer.from(secret, 'utf8');
  if (secretBytes.length < minimumSecretBytes) {
    throw new KeyEnvelopeError(
      `The server secret has ${secretBytes.length} bytes; at least ${minimumSecretBytes} random bytes are needed`,
    );
  }
  return Buffer.from(hkdfSync('sha256', secretBytes, salt, hkdfInfo, 32));
}

/**
 * One base64url part, decoded strictly: Node's decoder skips characters it does not know and
 * ignores the spare bits of the last one, so a part is accepted only if it encodes back the same.
 */
function decodePart(text: string, part: string, length?: number): Buffer {
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length === 0 || bytes.toString('base64url') !== text) {
    throw new KeyEnvelopeError(`The sealed key's ${part} is not base64url`);
  }
  if (length !== undefined && bytes.length !== length) {
    throw new KeyEnvelopeError(`The sealed key's ${part} has ${bytes.length} bytes, not ${length}`);
  }
  return bytes;
}
