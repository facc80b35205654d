import { defineJob } from '../platform/jobs/define.ts';
import type { Core } from '../platform/module.ts';
import { socialConfig } from './config.ts';
import type { SocialId } from './ids.ts';
import { recordFirstSightings, truncateSeen } from './store/impressions.ts';

// Impressions (docs/social.md, "Counts and impressions"): a post served to someone other than its
// author, counted once per viewer per post per window. Reads only append to a buffer in memory;
// every second (or at 20,000 pairs) the buffer is de-duplicated and written in one statement into
// the window's seen-set, whose newly inserted rows — first sightings across every process — become
// one impressions delta per post. A killed process loses at most its last second of impressions.

/** Counts impressions in memory and writes them in batches. */
export interface ImpressionRecorder {
  /** Notes that `viewerId` was served `postIds`; no database work. */
  record(viewerId: SocialId, postIds: SocialId[]): void;
  /** Writes what is buffered now (the timer does it every second; tests and shutdown call it). */
  flush(): Promise<void>;
  /** Flushes and stops the timer (server shutdown). */
  close(): Promise<void>;
}

/** Pairs buffered before a flush is started without waiting for the timer. */
const flushAtPairs = 20_000;
const flushEveryMs = 1_000;

/** Which of the two seen tables window `at` uses: the parity of its window number. */
export function seenParity(at: number, windowSeconds: number): 0 | 1 {
  return (Math.floor(at / 1000 / windowSeconds) % 2) as 0 | 1;
}

export function createImpressionRecorder(core: Core): ImpressionRecorder {
  const { impressionWindowSeconds } = socialConfig.of(core.config);
  let pending = new Map<string, [SocialId, SocialId]>();
  let writing: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    if (pending.size === 0) return writing;
    const pairs = [...pending.values()];
    pending = new Map();
    const parity = seenParity(Date.now(), impressionWindowSeconds);
    // One flush at a time, in order: the next waits for the one before.
    writing = writing.then(() =>
      recordFirstSightings(core.database.db, parity, pairs).catch((error) =>
        core.log.warn({ err: error, pairs: pairs.length }, 'impressions lost: flush failed'),
      ),
    );
    return writing;
  }

  const timer = setInterval(() => void flush(), flushEveryMs);
  timer.unref();
  return {
    record(viewerId, postIds) {
      for (const postId of postIds) pending.set(`${viewerId}:${postId}`, [viewerId, postId]);
      if (pending.size >= flushAtPairs) void flush();
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}

/** Empties the seen table the next window will use (`social.rotate-seen`). */
export const rotateSeenJob = defineJob('social.rotate-seen', { maxAttempts: 3 });

/**
 * The periodic entry of `rotateSeenJob`: four times a window, so the table of the next window is
 * emptied during the current one, after any late flush of the window before.
 */
export function rotateSeenPeriodic(windowSeconds: number) {
  return {
    name: rotateSeenJob.kind,
    every: Math.max(1_000, Math.floor((windowSeconds * 1000) / 4)),
    job: rotateSeenJob.spec(),
  };
}

/** Truncates the seen table that the window after the current one will use. */
export async function rotateSeen(core: Core): Promise<void> {
  const { impressionWindowSeconds } = socialConfig.of(core.config);
  const next = seenParity(Date.now() + impressionWindowSeconds * 1000, impressionWindowSeconds);
  await truncateSeen(core.database.db, next);
}
