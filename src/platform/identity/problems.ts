import { defineProblems } from '../problems.ts';

/** The problems of accounts: sign-up and log-in. */
export const identityProblems = defineProblems({
  'invalid-credentials': { status: 401, title: 'Invalid email or password' },
  'email-taken': { status: 409, title: 'Email already registered' },
});

type IdentityProblems = typeof identityProblems;

declare module '../problems.ts' {
  interface ProblemNames extends IdentityProblems {}
}
