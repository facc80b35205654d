import { Type } from 'typebox';

const Id = Type.String({ format: 'uuid' });
// A Date in the code, an ISO 8601 string on the wire.
const Timestamp = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });

/** Event names as modules send them: `scheduler.task_failed`, `inventory.low_stock`. */
export const eventNamePattern = '^[a-z][a-z0-9_.:-]{0,99}$';

export const Notification = Type.Object({
  id: Id,
  event: Type.String(),
  title: Type.String(),
  body: Type.String(),
  data: Type.Unknown(),
  read_at: Type.Union([Timestamp, Type.Null()]),
  created_at: Timestamp,
});

export const NotificationPage = Type.Object({
  items: Type.Array(Notification),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
  unread: Type.Integer({ description: 'Unread notifications in all, not only on this page' }),
});

export const NotificationParams = Type.Object({ notificationId: Id });

export const ReadAllResult = Type.Object({
  marked: Type.Integer({ description: 'How many were unread and are now read' }),
});

// Channel names are checked by the service (an unknown one is a 422 naming it), not here.
const Channels = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
  maxItems: 10,
  uniqueItems: true,
});

export const Preferences = Type.Object(
  {
    default_channels: Type.Array(Type.String(), {
      description: 'Channels of any event not listed in `events`',
    }),
    events: Type.Record(Type.String({ pattern: eventNamePattern }), Type.Array(Type.String()), {
      description: 'Event name → its channels; [] mutes the event',
    }),
  },
  { additionalProperties: false },
);

export const PreferencesBody = Type.Object(
  {
    default_channels: Channels,
    events: Type.Record(Type.String({ pattern: eventNamePattern }), Channels, {
      additionalProperties: false,
      maxProperties: 200,
    }),
  },
  { additionalProperties: false },
);

/** A browser's `PushSubscription.toJSON()`, as it comes. */
export const PushSubscriptionBody = Type.Object(
  {
    endpoint: Type.String({ minLength: 1, maxLength: 2048 }),
    expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    keys: Type.Object(
      {
        p256dh: Type.String({ minLength: 1, maxLength: 200 }),
        auth: Type.String({ minLength: 1, maxLength: 100 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const PushSubscription = Type.Object({
  id: Id,
  endpoint: Type.String(),
  created_at: Timestamp,
});

export const PushSubscriptionParams = Type.Object({ subscriptionId: Id });

export const VapidPublicKey = Type.Object({
  public_key: Type.String({
    description: 'The application server key for pushManager.subscribe (base64url)',
  }),
});

export const WebhookEndpointBody = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2048 }),
    description: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const WebhookEndpoint = Type.Object({
  id: Id,
  url: Type.String(),
  description: Type.String(),
  created_at: Timestamp,
});

export const NewWebhookEndpoint = Type.Object({
  id: Id,
  url: Type.String(),
  description: Type.String(),
  created_at: Timestamp,
  secret: Type.String({ description: 'The signing secret (whsec_…): shown this once' }),
});

export const WebhookEndpointParams = Type.Object({ webhookId: Id });

export const MailboxMessage = Type.Object({
  id: Id,
  to_address: Type.String(),
  from_address: Type.String(),
  subject: Type.String(),
  text_body: Type.String(),
  html_body: Type.String(),
  created_at: Timestamp,
});
