import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem } from '../problems.ts';

/**
 * Optimistic concurrency. A resource carries a `version` (also sent as its ETag, `"<version>"`).
 * A write names the version it read, in `If-Match` or in the body; if the resource has moved on,
 * the write is refused instead of silently overwriting someone else's change.
 */
export function setVersionTag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

export interface ExpectedVersion {
  version: number;
  /** `If-Match` refusals are 412 (RFC 9110); a version in the body is a 409. */
  fromHeader: boolean;
}

export function expectedVersion(
  request: FastifyRequest,
  bodyVersion?: number,
): ExpectedVersion | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) {
    return bodyVersion === undefined ? undefined : { version: bodyVersion, fromHeader: false };
  }
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match?.[1]) {
    throw new Problem('bad-request', 'If-Match must be an ETag from this API, such as "3"');
  }
  return { version: Number(match[1]), fromHeader: true };
}

export function versionMismatch(expected: ExpectedVersion, current: number): Problem {
  const detail = `Expected version ${expected.version}, but the resource is at version ${current}`;
  return expected.fromHeader
    ? new Problem('precondition-failed', detail, { current_version: current })
    : new Problem('version-conflict', detail, { current_version: current });
}
