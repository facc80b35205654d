import { groupCommit } from '../platform/db/group-commit.ts';
import type { Core } from '../platform/module.ts';
import { type LikeChange, type LikeState, writeLikes } from './likes.ts';
import { type PostOutcome, type PreparedPost, writePosts } from './post-creation.ts';
import { socialOf } from './social.ts';

// The group-commit writers of the microblog: posts and likes that arrive together in a process
// are written in one transaction each, so the commit, the planning and the round trips are paid
// once per batch, and a viral post's counter gets one delta per batch instead of one per like.

/** The microblog's group-commit writers (posts, likes): built once per process. */
export interface SocialWriters {
  /** Writes a checked post with whatever else arrived meanwhile; a refusal comes back, not thrown. */
  createPost(post: PreparedPost): Promise<PostOutcome>;
  /** Likes or unlikes with whatever else arrived meanwhile (batches of up to 500). */
  changeLike(change: LikeChange): Promise<LikeState>;
}

/** Likes written per transaction at most. */
const likeBatch = 500;

export function socialWriters(core: Core): SocialWriters {
  const { db } = core.database;
  // The social context is built with these writers: look it up when a batch runs, not now.
  return {
    createPost: groupCommit(db, (tx, posts: PreparedPost[]) =>
      writePosts(socialOf(core), tx, posts),
    ),
    changeLike: groupCommit(db, writeLikes, { maxBatch: likeBatch }),
  };
}
