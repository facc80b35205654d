import { type Static, Type } from 'typebox';
import { SocialIdText } from './ids.ts';

// The post JSON every route answers with (docs/social.md, "Posts"): hydrated in one query by
// hydrate.ts, whatever the route.

const Timestamp = Type.String({ format: 'date-time' });

export const ProfileSummary = Type.Object({
  id: SocialIdText,
  handle: Type.String(),
  display_name: Type.String(),
  avatar_url: Type.Union([Type.String(), Type.Null()]),
});
export type ProfileSummary = Static<typeof ProfileSummary>;

export const MediaJson = Type.Object({
  id: SocialIdText,
  content_type: Type.String(),
  url: Type.String({ description: 'The processed image: no EXIF, no GPS' }),
  thumbnail_url: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  blurhash: Type.String(),
  alt: Type.String(),
});
export type MediaJson = Static<typeof MediaJson>;

export const PostCounts = Type.Object({
  likes: Type.Integer(),
  reposts: Type.Integer(),
  replies: Type.Integer(),
  impressions: Type.Integer(),
});
export type PostCounts = Static<typeof PostCounts>;

/** A post as the viewer sees it; a repost carries the post reposted in `repost_of`. */
const postFields = {
  id: SocialIdText,
  author: ProfileSummary,
  text: Type.String(),
  created_at: Timestamp,
  reply_to_id: Type.Union([SocialIdText, Type.Null()]),
  conversation_id: SocialIdText,
  media: Type.Array(MediaJson),
  mentions: Type.Array(Type.Object({ id: SocialIdText, handle: Type.String() })),
  tags: Type.Array(Type.String()),
  counts: PostCounts,
  /** What the viewer did to it (false for an anonymous read). */
  viewer: Type.Object({ liked: Type.Boolean(), reposted: Type.Boolean() }),
};
export const OriginalPost = Type.Object(postFields);
export const Post = Type.Object({
  ...postFields,
  repost_of: Type.Union([OriginalPost, Type.Null()]),
});
export type Post = Static<typeof Post>;
