import type { Module } from '../platform/module.ts';
import { cullTimelinesPeriodic } from './activity.ts';
import { briefRoutes } from './brief-routes.ts';
import { socialConfig } from './config.ts';
import { foldCountsPeriodic } from './counters.ts';
import { hotAccountsPeriodic } from './hot-accounts.ts';
import { rotateSeenPeriodic } from './impressions.ts';
import { socialJobs } from './jobs.ts';
import { authoriseSocialTopic, startLiveDelivery } from './live.ts';
import { mediaRoutes } from './media-routes.ts';
import { postRoutes } from './post-routes.ts';
import { socialProblems } from './problems.ts';
import { profileRoutes } from './profile-routes.ts';
import { searchRoutes } from './search-routes.ts';
import { socialOf } from './social.ts';
import { timelineRoutes } from './timeline-routes.ts';

/**
 * The microblog (briefs 002 and 003): profiles and follows, posts with media, likes and reposts,
 * home timelines fanned out in batches (or merged at read for huge accounts), impressions and
 * live delivery. See docs/social.md.
 */
export const socialModule: Module = {
  name: 'social',
  migrations: new URL('./migrations/', import.meta.url),
  config: socialConfig,
  problems: socialProblems,
  routes(app, core) {
    const social = socialOf(core);
    profileRoutes(app, social);
    postRoutes(app, social);
    timelineRoutes(app, social);
    mediaRoutes(app, social);
    searchRoutes(app, social);
    briefRoutes(app, social);
    startLiveDelivery(app, social);
  },
  jobs: socialJobs,
  periodic: (config) => [
    foldCountsPeriodic,
    rotateSeenPeriodic(socialConfig.of(config).impressionWindowSeconds),
    hotAccountsPeriodic,
    cullTimelinesPeriodic,
  ],
  topics: { social: authoriseSocialTopic },
};
