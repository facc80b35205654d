import { fileTypeFromFile } from 'file-type';
import { Problem } from '../problems.ts';
import type { SpooledUpload } from './blob-store.ts';

/** What a client sends when it does not know or say the type: the bytes decide. */
const unclaimed = new Set(['application/octet-stream']);

/** Names some clients give a type, and the one `file-type` (and Meridian) uses. */
const aliases: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };

/**
 * The type an upload's `Content-Type` claims, without parameters, in lower case; undefined when
 * it claims none (no header, or `application/octet-stream`).
 */
export function claimedType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  if (!type || unclaimed.has(type)) return undefined;
  return aliases[type] ?? type;
}

/**
 * Refuses, before any byte is read, an upload whose claimed type is not accepted: reading it
 * would be wasted.
 */
export function checkClaim(claimed: string | undefined, allowed: readonly string[]): void {
  if (claimed !== undefined && !allowed.includes(claimed)) {
    throw new Problem(
      'unsupported-blob-type',
      `Uploads of type ${claimed} are not accepted; send one of ${allowed.join(', ')}`,
    );
  }
}

/**
 * The `admit` of a blob store's `put`: the upload's type as its bytes show it (magic numbers, by
 * `file-type`), which must be the claimed type if there is one (else `blob-type-mismatch`) and
 * one of `allowed` (else `unsupported-blob-type`). The client's word is never taken for the
 * type: a text file called `image/png` is no image, and must not be served as one.
 */
export function admitByContent(claimed: string | undefined, allowed: readonly string[]) {
  return async (upload: SpooledUpload): Promise<string> => {
    const sniffed = (await fileTypeFromFile(upload.path))?.mime;
    if (claimed !== undefined && sniffed !== claimed) {
      throw new Problem(
        'blob-type-mismatch',
        `The upload says it is ${claimed}, but its bytes are ${sniffed ?? 'of no type Meridian recognises'}`,
      );
    }
    if (sniffed === undefined || !allowed.includes(sniffed)) {
      throw new Problem(
        'unsupported-blob-type',
        `The bytes are ${sniffed ?? 'of no type Meridian recognises'}; send one of ${allowed.join(', ')}`,
      );
    }
    return sniffed;
  };
}
