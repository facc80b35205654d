import { defineProblems } from '../problems.ts';

/** The problems of the stream gateway: the topics a client may not subscribe to. */
export const eventsProblems = defineProblems({
  'topic-invalid': { status: 400, title: 'Not a stream topic' },
  'topic-forbidden': { status: 403, title: 'Stream topic not allowed' },
});

type EventsProblems = typeof eventsProblems;

declare module '../problems.ts' {
  interface ProblemNames extends EventsProblems {}
}
