import type pg from 'pg';
import type { SocialId } from './ids.ts';
import { type PostBodyRow, postBodies } from './store/hydrate.ts';

/**
 * The bodies of posts (author, text, media, mentions, tags), kept in the process: a post is
 * written once and read on every timeline that holds it, so a page reads the bodies it has not
 * seen lately and takes the rest from memory. Nothing here decides what is shown: deletion,
 * blocks and mutes are read for every page (`postStates`), so a deleted post is gone from the
 * next read whatever is kept. What may be stale, for `keepMs`: an author's new name or avatar, and
 * a media's edited alt text.
 */
export interface PostBodies {
  /** The bodies of `ids` that exist, by id. */
  get(ids: SocialId[]): Promise<Map<SocialId, PostBodyRow>>;
}

/** Bodies kept per process: some 20 MB at about 1 KB each. */
const maxKept = 20_000;
/** How long a body is kept: how long an author's new name can take to reach every timeline. */
const keepMs = 60_000;

export function createPostBodies(pool: pg.Pool): PostBodies {
  const kept = new Map<SocialId, { body: PostBodyRow; readAt: number }>();
  return {
    async get(ids) {
      const now = Date.now();
      const found = new Map<SocialId, PostBodyRow>();
      const missing: SocialId[] = [];
      for (const id of ids) {
        const entry = kept.get(id);
        if (entry && now - entry.readAt < keepMs) found.set(id, entry.body);
        else missing.push(id);
      }
      if (missing.length === 0) return found;
      for (const body of await postBodies(pool, missing)) {
        found.set(body.id, body);
        kept.delete(body.id);
        kept.set(body.id, { body, readAt: now });
      }
      // The oldest read go first (a Map iterates in insertion order).
      for (const id of kept.keys()) {
        if (kept.size <= maxKept) break;
        kept.delete(id);
      }
      return found;
    },
  };
}
