CREATE TABLE users (
  id            uuid        PRIMARY KEY,
  email         text        NOT NULL,
  name          text        NOT NULL,
  password_hash text        NOT NULL,  -- scrypt$N$r$p$salt$hash
  is_operator   boolean     NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

CREATE TABLE organisations (
  id         uuid        PRIMARY KEY,
  name       text        NOT NULL,
  version    integer     NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  org_id     uuid        NOT NULL REFERENCES organisations ON DELETE CASCADE,
  user_id    uuid        NOT NULL REFERENCES users ON DELETE CASCADE,
  role       text        NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id)
);

CREATE INDEX memberships_user_id ON memberships (user_id, org_id);

-- Opaque bearer tokens: only the SHA-256 of the secret is kept; the secret is shown once.
CREATE TABLE api_tokens (
  id         uuid        PRIMARY KEY,
  user_id    uuid        NOT NULL REFERENCES users ON DELETE CASCADE,
  name       text        NOT NULL,
  token_hash bytea       NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz
);

CREATE INDEX api_tokens_user_id ON api_tokens (user_id, id);
