import { type Static, Type } from 'typebox';
import { SocialIdText } from './ids.ts';
import { Post } from './post-schemas.ts';

// The home timeline's request and answer (docs/social.md, "Home timelines").

/** `GET /v1/social/timelines/home`: Mastodon's cursors, ids as strings. */
export const HomeQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    max_id: Type.Optional({ ...SocialIdText, description: 'Entries older than this id' }),
    since_id: Type.Optional({ ...SocialIdText, description: 'Entries newer than this id' }),
    min_id: Type.Optional({
      ...SocialIdText,
      description: 'The entries just newer than this id (filling a gap upwards)',
    }),
  },
  { additionalProperties: false },
);
export type HomeQuery = Static<typeof HomeQuery>;

const NullableId = Type.Union([SocialIdText, Type.Null()]);

/** A page of the home timeline, newest first, and where to continue either way. */
export const HomePage = Type.Object({
  items: Type.Array(Post),
  next_max_id: { ...NullableId, description: 'Send as max_id for the older page; null at the end' },
  next_since_id: {
    ...NullableId,
    description:
      'Send as since_id to poll for newer posts. At most the newest id older than 5 s: fan-out ' +
      'batches commit out of order, so the last seconds are asked again (drop duplicates by id)',
  },
  rebuilt: Type.Boolean({
    description: 'The timeline was rebuilt for this read (first read after a long absence)',
  }),
});
export type HomePage = Static<typeof HomePage>;
