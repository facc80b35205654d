import type { Core } from '../platform/module.ts';

/**
 * Who may subscribe to `social:<id>`: `home-<profile id>` (new posts for a home timeline) to its
 * owner only; `post-<post id>` (live counts) to whoever may see the post.
 */
export async function authoriseSocialTopic(
  _userId: string,
  _id: string,
  _core: Core,
): Promise<boolean> {
  return false;
}
