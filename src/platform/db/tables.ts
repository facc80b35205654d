import type { ColumnType, Generated } from 'kysely';

/**
 * The platform's tables as Kysely sees them: a query that does not fit them does not compile.
 * A system declares its own tables beside its store and reaches them with `db.withTables<T>()`.
 */
export interface PlatformTables {
  meridian_migrations: MigrationRow;
  idempotency_keys: IdempotencyKeyRow;
  users: UserRow;
  organisations: OrganisationRow;
  memberships: MembershipRow;
  api_tokens: ApiTokenRow;
  instances: InstanceRow;
  periodic_slots: PeriodicSlotRow;
}

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export interface MigrationRow {
  module: string;
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}

export interface IdempotencyKeyRow {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_operator: Generated<boolean>;
  created_at: CreatedAt;
}

export interface OrganisationRow {
  id: string;
  name: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export type Role = 'owner' | 'admin' | 'member';

export interface MembershipRow {
  org_id: string;
  user_id: string;
  role: Role;
  created_at: CreatedAt;
}

export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  token_hash: Buffer;
  created_at: CreatedAt;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export interface InstanceRow {
  id: string;
  hostname: string;
  pid: number;
  role: string;
  version: string;
  started_at: CreatedAt;
  heartbeat_at: ColumnType<Date, Date | undefined, Date>;
  stopped_at: Date | null;
}

export interface PeriodicSlotRow {
  name: string;
  last_slot: Date;
}
