import type { JobRegistration } from '../platform/jobs/define.ts';
import type { Core } from '../platform/module.ts';

/** The microblog's job handlers; each kind is defined beside the code that enqueues it. */
export function socialJobs(_core: Core): JobRegistration[] {
  return [];
}
