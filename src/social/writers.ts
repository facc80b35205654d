import type { Core } from '../platform/module.ts';

/** The microblog's group-commit writers (posts, likes): built once per process. */
export type SocialWriters = Record<string, never>;

export function socialWriters(_core: Core): SocialWriters {
  return {};
}
