import type { ColumnType, Generated, Selectable } from 'kysely';
import type { JobError, JobState } from '../jobs/spec.ts';

/**
 * The platform's tables as Kysely sees them: a query that does not fit them does not compile.
 * Each table is an interface named for it (`UsersTable`: what a column reads as, and what an
 * insert or update may write); the type of a row that a query returns is derived from it
 * (`UserRow = Selectable<UsersTable>`), never written out again by hand. A system declares its
 * own tables beside its store and reaches them with `db.withTables<T>()`.
 */
export interface PlatformTables {
  meridian_migrations: MigrationsTable;
  idempotency_keys: IdempotencyKeysTable;
  users: UsersTable;
  organisations: OrganisationsTable;
  memberships: MembershipsTable;
  api_tokens: ApiTokensTable;
  instances: InstancesTable;
  alerts: AlertsTable;
  http_traffic: HttpTrafficTable;
  jobs: JobsTable;
  periodic_slots: PeriodicSlotsTable;
}

type CreatedAt = ColumnType<Date, Date | undefined, never>;
/** A `jsonb` column: read as `T`, written as JSON text. */
type Json<T> = ColumnType<T, string | undefined, string>;

export interface MigrationsTable {
  module: string;
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}
export type MigrationRow = Selectable<MigrationsTable>;

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
  created_at: CreatedAt;
  expires_at: Date;
}
export type IdempotencyKeyRow = Selectable<IdempotencyKeysTable>;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_operator: Generated<boolean>;
  created_at: CreatedAt;
}
export type UserRow = Selectable<UsersTable>;

export interface OrganisationsTable {
  id: string;
  name: string;
  version: Generated<number>;
  created_at: CreatedAt;
}
export type OrganisationRow = Selectable<OrganisationsTable>;

export type Role = 'owner' | 'admin' | 'member';

export interface MembershipsTable {
  org_id: string;
  user_id: string;
  role: Role;
  created_at: CreatedAt;
}
export type MembershipRow = Selectable<MembershipsTable>;

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: Buffer;
  created_at: CreatedAt;
  expires_at: Date | null;
  revoked_at: Date | null;
}
export type ApiTokenRow = Selectable<ApiTokensTable>;

export interface InstancesTable {
  id: string;
  hostname: string;
  pid: number;
  role: string;
  version: string;
  started_at: CreatedAt;
  heartbeat_at: ColumnType<Date, Date | undefined, Date>;
  stopped_at: Date | null;
  /** Hostname, boot id and pid namespace (observe/instances.ts `hostKeyOf`); null: not judged by pid. */
  host_key: string | null;
  /** Its heartbeat interval; null for rows registered before observe migration 002. */
  heartbeat_seconds: number | null;
  /** When it was judged dead (its pid gone, or silent); cleared if it beats again. */
  lost_at: Date | null;
  lost_reason: string | null;
  /** Running jobs released because it was lost. */
  released_jobs: Generated<number>;
}
export type InstanceRow = Selectable<InstancesTable>;

/**
 * One firing of an alert rule (observe migration 003). States: `firing` (inserted when the rule
 * first returns its key; operators notified) -> `resolved` (when an evaluation no longer finds
 * it; operators notified). A resolved alert never fires again: a new firing is a new row.
 */
export interface AlertsTable {
  id: string;
  rule: string;
  key: string;
  state: 'firing' | 'resolved';
  severity: AlertSeverity;
  summary: string;
  details: Json<unknown>;
  value: number | null;
  fired_at: CreatedAt;
  resolved_at: Date | null;
  last_evaluated_at: ColumnType<Date, Date | undefined, Date>;
}
export type AlertRow = Selectable<AlertsTable>;
/** How urgent an alert is: `critical` wakes someone, `warning` waits for the day. */
export type AlertSeverity = 'critical' | 'warning' | 'info';

/** HTTP responses of one process in one minute, written by its heartbeat (observe/traffic.ts). */
export interface HttpTrafficTable {
  instance_id: string;
  minute: Date;
  requests: number;
  errors: number;
}

/**
 * The durable queue (jobs migration 001; its states in docs/jobs.md). Its statements are SQL in
 * `jobs/store.ts`, typed by `JobRow`.
 */
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  queue: Generated<string>;
  payload: Json<unknown>;
  state: Generated<JobState>;
  priority: Generated<number>;
  run_at: Generated<Date>;
  attempt: Generated<number>;
  max_attempts: Generated<number>;
  backoff_initial_ms: Generated<number>;
  backoff_factor: Generated<number>;
  backoff_max_ms: Generated<number>;
  backoff_jitter: Generated<number>;
  timeout_ms: number | null;
  deadline: Date | null;
  unique_key: string | null;
  lease_until: Date | null;
  worker_id: string | null;
  errors: Json<JobError[]>;
  created_at: CreatedAt;
  attempted_at: Date | null;
  finished_at: Date | null;
}
/** A job as stored (`Job` in jobs/spec.ts): what `jobs.get` and most queue statements return. */
export type JobRow = Selectable<JobsTable>;

export interface PeriodicSlotsTable {
  name: string;
  last_slot: Date;
}
export type PeriodicSlotRow = Selectable<PeriodicSlotsTable>;
