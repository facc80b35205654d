import { defineProblems } from '../platform/problems.ts';

/** The scheduler's own problems, besides the platform's (`not-found`, `conflict`, …). */
export const schedulerProblems = defineProblems({
  'invalid-task': { status: 422, title: 'The task cannot be scheduled as given' },
});

type SchedulerProblems = typeof schedulerProblems;

declare module '../platform/problems.ts' {
  interface ProblemNames extends SchedulerProblems {}
}
