-- The in-app inbox: one row per notification sent to the in_app channel.
CREATE TABLE notifications (
  id         uuid        PRIMARY KEY,
  user_id    uuid        NOT NULL REFERENCES users ON DELETE CASCADE,
  event      text        NOT NULL,
  title      text        NOT NULL,
  body       text        NOT NULL,
  data       jsonb       NOT NULL DEFAULT '{}',
  read_at    timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX notifications_user_id ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- Which channels each event goes to; a user without a row has the defaults (docs/notifications.md).
CREATE TABLE notification_preferences (
  user_id          uuid        PRIMARY KEY REFERENCES users ON DELETE CASCADE,
  default_channels text[]      NOT NULL,
  events           jsonb       NOT NULL DEFAULT '{}',  -- event -> channels
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Web Push subscriptions (a browser's PushSubscription). An endpoint belongs to one browser, so
-- to whoever registered it last.
CREATE TABLE push_subscriptions (
  id         uuid        PRIMARY KEY,
  user_id    uuid        NOT NULL REFERENCES users ON DELETE CASCADE,
  endpoint   text        NOT NULL UNIQUE,
  p256dh     text        NOT NULL,
  auth       text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX push_subscriptions_user_id ON push_subscriptions (user_id, id);

-- The VAPID key pair (RFC 8292), made once so that every process signs with the same key.
CREATE TABLE vapid_keys (
  singleton   boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
  public_key  text        NOT NULL,  -- base64url, uncompressed P-256 point
  private_key text        NOT NULL,  -- base64url
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Webhook endpoints registered by users; the secret signs every delivery (Standard Webhooks).
CREATE TABLE webhook_endpoints (
  id          uuid        PRIMARY KEY,
  user_id     uuid        NOT NULL REFERENCES users ON DELETE CASCADE,
  url         text        NOT NULL,
  description text        NOT NULL DEFAULT '',
  secret      text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX webhook_endpoints_user_id ON webhook_endpoints (user_id, id);

-- Mail kept instead of sent when no SMTP_URL is set; the id is the delivery's, so a retried
-- job stores its message once.
CREATE TABLE mailbox (
  id           uuid        PRIMARY KEY,
  to_address   text        NOT NULL,
  from_address text        NOT NULL,
  subject      text        NOT NULL,
  text_body    text        NOT NULL,
  html_body    text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
