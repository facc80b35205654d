import { Type } from 'typebox';
import { LooseSocialId, SocialIdText } from './ids.ts';
import { Post } from './post-schemas.ts';

// The bodies of briefs 002 and 003 as their design notes write them (`userID`, `tweetId`,
// `content`), answered with ids as strings: a 64-bit id does not survive a JSON number.

/** `POST /send` (brief 002): the text, and the profile that posts it. */
export const SendBody = Type.Object(
  {
    text: Type.String({ maxLength: 20_000, description: 'As `text` of POST /v1/social/posts' }),
    userID: {
      ...LooseSocialId,
      description: 'Your profile id; an operator may name another profile to post as it',
    },
  },
  { additionalProperties: false },
);

/** `POST /send`: the post, and its id under the brief's name. */
export const SentPost = Type.Object({ tweetId: SocialIdText, ...Post.properties });

/** `GET /fetch` (brief 002): whose home timeline, and how many posts of it. */
export const FetchQuery = Type.Object(
  {
    userID: { ...SocialIdText, description: 'Your profile id (an operator: anyone’s)' },
    length: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Posts, 1–100' }),
  },
  { additionalProperties: false },
);

export const TweetParams = Type.Object({ id: SocialIdText });

/** `GET /api/v1/tweet/:id` (brief 003): the post in the brief's shape. */
export const Tweet = Type.Object({
  tweetId: SocialIdText,
  userId: SocialIdText,
  content: Type.String({ description: "A repost's: the text of the post reposted" }),
  media: Type.String({ description: 'The URL of the first image, or "" when none' }),
  impressions: Type.Integer(),
  likes: Type.Integer(),
  date: Type.String({ format: 'date-time' }),
});

/** `POST /api/v1/tweet` (brief 003). */
export const TweetBody = Type.Object(
  {
    content: Type.String({ maxLength: 20_000 }),
    media: Type.Optional(
      Type.String({
        maxLength: 2048,
        description:
          'One of your unattached images: its media id, or its URL (`/v1/blobs/<hash>`); "" for none',
      }),
    ),
  },
  { additionalProperties: false },
);

/** `POST /api/v1/like` (brief 003). */
export const LikeBody = Type.Object(
  { tweetId: { ...LooseSocialId, description: 'The post to like' } },
  { additionalProperties: false },
);

/** What `POST /api/v1/tweet` and `POST /api/v1/like` answer. */
export const TweetRef = Type.Object({ tweetId: SocialIdText });
