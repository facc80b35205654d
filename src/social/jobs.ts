import type { JobRegistration } from '../platform/jobs/define.ts';
import type { Core } from '../platform/module.ts';
import { cullTimelines, cullTimelinesJob } from './activity.ts';
import { foldCounts, foldCountsJob } from './counters.ts';
import {
  fanoutBatchJob,
  fanoutJob,
  planFanout,
  runFanoutBatch,
  unfanout,
  unfanoutJob,
} from './fanout.ts';
import {
  backfillAuthor,
  backfillAuthorJob,
  evaluateHotAccounts,
  hotAccountsJob,
} from './hot-accounts.ts';
import { rotateSeen, rotateSeenJob } from './impressions.ts';
import { notificationJobs } from './notify-jobs.ts';
import { socialOf } from './social.ts';

/** The microblog's job handlers; each kind is defined beside the code that enqueues it. */
export function socialJobs(core: Core): JobRegistration[] {
  // Built on first use: handlers are registered before the migrations run.
  const social = () => socialOf(core);
  return [
    fanoutJob.handle(async (job) => {
      await planFanout(social(), job.payload.postId);
    }),
    fanoutBatchJob.handle(async ({ payload }) => {
      await runFanoutBatch(social(), payload.postId, payload);
    }),
    unfanoutJob.handle(({ payload }) => unfanout(social(), payload.postId, payload.authorId)),
    hotAccountsJob.handle(async () => {
      await evaluateHotAccounts(social());
    }),
    backfillAuthorJob.handle(({ payload }) => backfillAuthor(social(), payload.authorId)),
    cullTimelinesJob.handle(async () => {
      await cullTimelines(social());
    }),
    foldCountsJob.handle(async () => {
      await foldCounts(socialOf(core));
    }),
    rotateSeenJob.handle(() => rotateSeen(core)),
    ...notificationJobs(core),
  ];
}
