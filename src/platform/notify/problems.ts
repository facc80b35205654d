import { defineProblems } from '../problems.ts';

/** The problems of notification preferences and push subscriptions. */
export const notifyProblems = defineProblems({
  'unknown-channel': { status: 422, title: 'No such notification channel' },
  'invalid-push-subscription': { status: 422, title: 'Not a usable Web Push subscription' },
});

type NotifyProblems = typeof notifyProblems;

declare module '../problems.ts' {
  interface ProblemNames extends NotifyProblems {}
}
