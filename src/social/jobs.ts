import type { JobRegistration } from '../platform/jobs/define.ts';
import type { Core } from '../platform/module.ts';
import { foldCounts, foldCountsJob } from './counters.ts';
import { rotateSeen, rotateSeenJob } from './impressions.ts';
import { notificationJobs } from './notify-jobs.ts';
import { socialOf } from './social.ts';

/** The microblog's job handlers; each kind is defined beside the code that enqueues it. */
export function socialJobs(core: Core): JobRegistration[] {
  return [
    foldCountsJob.handle(async () => {
      await foldCounts(socialOf(core));
    }),
    rotateSeenJob.handle(() => rotateSeen(core)),
    ...notificationJobs(core),
  ];
}
