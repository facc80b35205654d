import { randomBytes } from 'node:crypto';
import { CertificateInputError } from './errors.ts';

// What every certificate Meridian signs gets, the CA's and the leaves': a random serial number
// and a validity that starts a little in the past.

/** How far before the issue time a certificate starts, for nodes whose clock is behind. */
export const defaultBackdateMinutes = 5;
const maximumBackdateMinutes = 24 * 60;

/**
 * A fresh serial number: 16 random bytes as lower-case hex, positive and exactly 16 bytes long
 * in DER (the top bit clear so it is positive, the next one set so no leading zero is dropped),
 * which leaves 126 random bits, well past the 64 that CAs must use.
 */
export function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return bytes.toString('hex');
}

/** `now` cut to the whole second, as X.509 times are. */
export function issueTime(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 1000) * 1000);
}

/**
 * The start of validity for a certificate issued at `issuedAt`: `backdateMinutes` (0 to a day)
 * earlier. Throws `CertificateInputError` for another value.
 */
export function backdatedStart(issuedAt: Date, backdateMinutes = defaultBackdateMinutes): Date {
  requireWholeNumber('backdateMinutes', backdateMinutes, 0, maximumBackdateMinutes);
  return new Date(issuedAt.getTime() - backdateMinutes * 60_000);
}

/** Throws `CertificateInputError` unless `value` is an integer from `min` to `max`. */
export function requireWholeNumber(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CertificateInputError(
      field,
      `${field} is ${value}; it must be a whole number from ${min} to ${max}`,
    );
  }
}
