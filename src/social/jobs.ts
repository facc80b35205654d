import type { JobRegistration } from '../platform/jobs/define.ts';
import type { Core } from '../platform/module.ts';
import { notificationJobs } from './notify-jobs.ts';

/** The microblog's job handlers; each kind is defined beside the code that enqueues it. */
export function socialJobs(core: Core): JobRegistration[] {
  return [...notificationJobs(core)];
}
