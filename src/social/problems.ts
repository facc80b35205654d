import { defineProblems } from '../platform/problems.ts';

/** The microblog's own problems, besides the platform's (`not-found`, `bad-request`, …). */
export const socialProblems = defineProblems({
  'handle-taken': { status: 409, title: 'Another profile has this handle' },
  'follow-self': { status: 422, title: 'You cannot follow, block or mute yourself' },
  'following-limit': { status: 422, title: 'You follow as many accounts as one may' },
  blocked: { status: 409, title: 'This account blocked you, or you blocked it' },
  'post-empty': { status: 422, title: 'A post needs text or media' },
  'post-too-long': { status: 422, title: 'The post is longer than allowed' },
  'reply-to-deleted': { status: 422, title: 'The post you reply to was deleted' },
  'media-unusable': {
    status: 422,
    title: 'This media cannot be attached (not yours, already attached, or unknown)',
  },
  'media-type-mismatch': {
    status: 422,
    title: 'The file is not the type it claims to be',
  },
  'media-unreadable': { status: 422, title: 'The image could not be read' },
});

type SocialProblems = typeof socialProblems;

declare module '../platform/problems.ts' {
  interface ProblemNames extends SocialProblems {}
}
