import type { Core } from '../platform/module.ts';
import { type SocialConfig, socialConfig } from './config.ts';
import { createImpressionRecorder, type ImpressionRecorder } from './impressions.ts';
import { createPostBodies, type PostBodies } from './post-bodies.ts';
import { createProfileIds, type ProfileIds } from './profiles.ts';
import { type TimelineStore, timelineStoreFor } from './timeline-store/timeline-store.ts';
import { type SocialWriters, socialWriters } from './writers.ts';

// The microblog of one running Meridian: the core, its settings, the timeline store, the writers
// that group-commit posts and likes, the impressions buffer, the profile-id cache and the posts'
// bodies kept in memory. One per core, shared by the routes and the jobs of the process.

export interface Social {
  core: Core;
  config: SocialConfig;
  timelines: TimelineStore;
  writers: SocialWriters;
  impressions: ImpressionRecorder;
  profileIds: ProfileIds;
  postBodies: PostBodies;
}

const built = new WeakMap<Core, Social>();

/** The process's microblog for `core`, built on first use. */
export function socialOf(core: Core): Social {
  let social = built.get(core);
  if (!social) {
    social = {
      core,
      config: socialConfig.of(core.config),
      timelines: timelineStoreFor(core),
      writers: socialWriters(core),
      impressions: createImpressionRecorder(core),
      profileIds: createProfileIds(core.database),
      postBodies: createPostBodies(core.database.pool),
    };
    built.set(core, social);
  }
  return social;
}
