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
export type OriginalPost = Static<typeof OriginalPost>;
export const Post = Type.Object({
  ...postFields,
  repost_of: Type.Union([OriginalPost, Type.Null()]),
});
export type Post = Static<typeof Post>;

/** `POST /v1/social/posts`. */
export const PostInput = Type.Object(
  {
    text: Type.String({
      maxLength: 20_000,
      description: 'NFC; at most SOCIAL_POST_MAX_CHARS characters',
    }),
    media_ids: Type.Optional(
      Type.Array(SocialIdText, { maxItems: 16, description: 'Up to 4 of your unattached media' }),
    ),
    reply_to_id: Type.Optional(SocialIdText),
  },
  { additionalProperties: false },
);

export const PostParams = Type.Object({ id: SocialIdText });
export const TagParams = Type.Object({ tag: Type.String({ minLength: 1, maxLength: 100 }) });

/** A page of a profile or tag timeline: newest first, below `max_id`, above `since_id`. */
export const TimelineQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    max_id: Type.Optional(SocialIdText),
    since_id: Type.Optional(SocialIdText),
  },
  { additionalProperties: false },
);

export const PostPage = Type.Object({
  items: Type.Array(Post),
  /** The `max_id` of the next (older) page, or null at the end. */
  next_max_id: Type.Union([SocialIdText, Type.Null()]),
});

export const LikeState = Type.Object({ liked: Type.Boolean(), likes: Type.Integer() });
export const RepostState = Type.Object({ reposted: Type.Boolean(), reposts: Type.Integer() });

/** A post of a thread that was deleted: it keeps its place so replies below it make sense. */
export const DeletedPost = Type.Object({ id: SocialIdText, deleted: Type.Literal(true) });

export const ThreadQuery = Type.Object(
  { after: Type.Optional(SocialIdText) },
  { additionalProperties: false },
);

/** `GET …/posts/:id/context`: ancestors root first (up to 40), the post, a page of descendants. */
export const PostContext = Type.Object({
  ancestors: Type.Array(Type.Union([Post, DeletedPost])),
  post: Post,
  descendants: Type.Array(Type.Union([Post, DeletedPost])),
  /** The `after` of the next page of descendants, or null at the end. */
  next_after: Type.Union([SocialIdText, Type.Null()]),
});
