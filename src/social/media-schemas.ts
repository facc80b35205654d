import { Type } from 'typebox';
import { SocialIdText } from './ids.ts';

// The media routes' requests (docs/social.md, "Media"); the answer is post-schemas.ts' MediaJson.

/** Alt text: what a screen reader says for the image (Mastodon's limit). No NUL: PostgreSQL's text cannot hold it. */
const Alt = Type.String({
  maxLength: 1500,
  pattern: '^[^\\u0000]*$',
  description: 'Alt text for screen readers',
});

export const MediaParams = Type.Object({ id: SocialIdText });

export const MediaUploadQuery = Type.Object({ alt: Type.Optional(Alt) });

export const MediaPatch = Type.Object({ alt: Alt }, { additionalProperties: false });
