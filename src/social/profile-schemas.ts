import { type Static, Type } from 'typebox';
import { Name } from '../platform/http/schemas.ts';
import { SocialIdText } from './ids.ts';
import { ProfileSummary } from './post-schemas.ts';

// The JSON of profiles, the graph and profile search (docs/social.md, "Profiles and the graph").

/**
 * A handle as typed: letters (any case), digits and `_`, at least one not a digit — so that
 * `/profiles/12345` can only mean an id. Stored and compared lower-case.
 */
export const HandleInput = Type.String({
  pattern: '^(?=.*[A-Za-z_])[A-Za-z0-9_]{1,30}$',
  description: 'Letters, digits and _, 1 to 30, not only digits; case is ignored (kept lower-case)',
  examples: ['ada_lovelace'],
});

/** `PUT /v1/social/profile`: what is given changes, what is left out stays. */
export const ProfileInput = Type.Object(
  {
    handle: Type.Optional(HandleInput),
    display_name: Type.Optional(Name({ maxLength: 50 })),
    bio: Type.Optional(Type.String({ maxLength: 500 })),
    avatar_media_id: Type.Optional(
      Type.Union([SocialIdText, Type.Null()], {
        description: 'One of your uploaded images (POST /v1/social/media), or null for none',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ProfileInput = Static<typeof ProfileInput>;

/** A profile's counts: the folded counters plus the pending deltas. */
export const ProfileCounts = Type.Object({
  followers: Type.Integer(),
  following: Type.Integer(),
  posts: Type.Integer(),
});

/** A profile's page: who, what they wrote of themselves, and their counts (exact at any time). */
export const Profile = Type.Object({
  ...ProfileSummary.properties,
  bio: Type.String(),
  avatar_media_id: Type.Union([SocialIdText, Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  counts: ProfileCounts,
});
export type Profile = Static<typeof Profile>;

/** How the caller stands to a profile; what follow, block and mute answer. */
export const Relation = Type.Object({
  following: Type.Boolean(),
  followed_by: Type.Boolean(),
  blocking: Type.Boolean(),
  muting: Type.Boolean(),
  notify: Type.Boolean({ description: 'You are told of each of their posts (the bell)' }),
});
export type Relation = Static<typeof Relation>;

/** Another profile as the caller sees it. */
export const ProfileView = Type.Object({ ...Profile.properties, relation: Relation });

/** `…/profiles/:id/…`: a profile id, as a decimal string. */
export const ProfileParams = Type.Object({ id: SocialIdText });

/** `GET …/profiles/:idOrHandle`. */
export const ProfileLookupParams = Type.Object({
  idOrHandle: Type.String({
    pattern: '^(@?[A-Za-z0-9_]{1,30})$',
    description: 'A profile id (digits only), or a handle (optionally after @)',
  }),
});

/** `POST …/profiles/:id/follow` (the body may be left out). */
export const FollowInput = Type.Object(
  { notify: Type.Optional(Type.Boolean({ description: 'Be told of each of their posts' })) },
  { additionalProperties: false },
);
