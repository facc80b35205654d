import type { ColumnType, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

// Delivery's tables as Kysely sees them (migrations/001_delivery.sql says why each column is
// there). The node states and their transitions: `NodeState`, and docs/delivery.md.

type CreatedAt = ColumnType<Date, Date | undefined, never>;
/** A column the database fills when an insert leaves it out. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type MetadataKind = 'certificate' | 'fetched' | 'static';
/** push: Meridian POSTs to the node; pull: the node's agent long-polls (docs/delivery.md). */
export type DeliveryMode = 'push' | 'pull';
/** api: registered through the API; source: listed by the node source; agent: by its agent's join. */
export type NodeOrigin = 'api' | 'source' | 'agent';

/** The outcome of a node's last delivery (`delivery_nodes.state`); nodes.ts makes each change. */
export type NodeState =
  /** Registered; nothing delivered yet. Left by its first delivery's outcome. */
  | 'new'
  /** The node acknowledged the version sent: it runs `current_version` until `expires_at`. */
  | 'acknowledged'
  /** The node refused the version sent (a NACK, with its error); retried. */
  | 'refused'
  /** No usable answer (unreachable, a timeout, an error status); retried. */
  | 'failed';

export type DeliveryTables = {
  delivery_key_check: {
    id: Defaulted<boolean>;
    fingerprint: string;
    created_at: CreatedAt;
  };
  delivery_authorities: {
    org_id: string;
    certificate_pem: string;
    sealed_private_key: string;
    serial_number: string;
    not_after: Date;
    created_at: CreatedAt;
  };
  delivery_services: {
    id: string;
    org_id: string;
    name: string;
    kind: MetadataKind;
    lifetime_minutes: number;
    window_start: number;
    window_end: number;
    danger_at: number;
    mode: Defaulted<DeliveryMode>;
    /** Null exactly for pull services. */
    push_url_template: string | null;
    fetch_url_template: string | null;
    static_metadata: Json<Record<string, unknown> | null>;
    concurrency: Defaulted<number>;
    source_location: string | null;
    source_s3_endpoint: string | null;
    source_s3_region: string | null;
    source_credentials: string | null;
    source_etag: Defaulted<string | null>;
    source_checked_at: Defaulted<Date | null>;
    source_synced_at: Defaulted<Date | null>;
    source_error: Defaulted<string | null>;
    allow_empty_source: Defaulted<boolean>;
    /** The share of failing nodes that raises the service-failing alarm (003_operations.sql). */
    failure_alarm_ratio: Defaulted<number>;
    next_due_at: Defaulted<Date | null>;
    version: Defaulted<number>;
    created_at: CreatedAt;
    updated_at: Defaulted<Date>;
  };
  delivery_nodes: {
    id: string;
    service_id: string;
    name: string;
    origin: NodeOrigin;
    state: Defaulted<NodeState>;
    delivered_version: Defaulted<number>;
    current_version: Defaulted<number | null>;
    serial_number: Defaulted<string | null>;
    issued_at: Defaulted<Date | null>;
    expires_at: Defaulted<Date | null>;
    refused_version: Defaulted<number | null>;
    renew_at: Date;
    delivering_until: Defaulted<Date | null>;
    attempts: Defaulted<number>;
    last_attempt_at: Defaulted<Date | null>;
    last_success_at: Defaulted<Date | null>;
    last_error: Defaulted<string | null>;
    agent_seen_at: Defaulted<Date | null>;
    clock_skew_ms: Defaulted<number | null>;
    created_at: CreatedAt;
  };
  delivery_join_tokens: {
    id: string;
    service_id: string;
    name: string;
    token_hash: Buffer;
    expires_at: Date;
    revoked_at: Defaulted<Date | null>;
    created_by: string | null;
    joins: Defaulted<number>;
    last_used_at: Defaulted<Date | null>;
    created_at: CreatedAt;
  };
  delivery_agents: {
    node_id: string;
    credential_hash: Buffer;
    csr: string | null;
    offered_version: Defaulted<number | null>;
    offer: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
    joined_at: Defaulted<Date>;
  };
};

export type AuthorityRow = Selectable<DeliveryTables['delivery_authorities']>;
export type ServiceRow = Selectable<DeliveryTables['delivery_services']>;
export type NodeRow = Selectable<DeliveryTables['delivery_nodes']>;
export type JoinTokenRow = Selectable<DeliveryTables['delivery_join_tokens']>;
export type AgentRow = Selectable<DeliveryTables['delivery_agents']>;

/** The database typed with delivery's tables. */
export function deliveryTables(db: Db) {
  return db.withTables<DeliveryTables>();
}
