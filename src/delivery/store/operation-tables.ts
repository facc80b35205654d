import type { ColumnType, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { DeliveryTables } from './tables.ts';

// The tables of delivery's operations (migrations/003_operations.sql): alarms, the gauges the
// metrics read, rollouts, and what each node runs now.

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json<T> = ColumnType<T, string, string>;

export type AlarmKind = 'node-danger' | 'node-expired' | 'service-failing';

/** A rollout's life: running until every node had a delivery, it aborted or was cancelled. */
export type RolloutState = 'running' | 'completed' | 'aborted' | 'cancelled';

export type OperationTables = {
  delivery_alarms: {
    id: string;
    service_id: string;
    kind: AlarmKind;
    key: string;
    node: string | null;
    summary: string;
    details: Json<Record<string, unknown>>;
    raised_at: Date;
    resolved_at: Defaulted<Date | null>;
  };
  delivery_service_gauges: {
    service_id: string;
    new: number;
    healthy: number;
    renewing: number;
    danger: number;
    expired: number;
    failing: number;
    due_backlog: number;
    earliest_expiry: Date | null;
    evaluated_at: Date;
  };
  delivery_rollouts: {
    id: string;
    service_id: string;
    nodes_per_minute: number;
    abort_ratio: number;
    state: Defaulted<RolloutState>;
    total: number;
    acknowledged: Defaulted<number>;
    failed: Defaulted<number>;
    started_at: Date;
    last_slot_at: Date;
    ended_at: Defaulted<Date | null>;
    end_reason: Defaulted<string | null>;
    created_by: string | null;
  };
  delivery_rollout_nodes: {
    rollout_id: string;
    node_id: string;
    slot_at: Date;
    previous_renew_at: Date;
    outcome: Defaulted<'acknowledged' | 'failed' | null>;
  };
  delivery_allowed_ranges: {
    org_id: string;
    ranges: string[];
    updated_at: ColumnType<Date, Date | undefined, Date>;
    updated_by: string | null;
  };
  delivery_node_metadata: {
    node_id: string;
    version: number;
    issued_at: Date;
    expires_at: Date;
    metadata: Json<Record<string, unknown>>;
  };
};

export type AlarmRow = Selectable<OperationTables['delivery_alarms']>;
export type RolloutRow = Selectable<OperationTables['delivery_rollouts']>;
export type GaugeRow = Selectable<OperationTables['delivery_service_gauges']>;

/** The database typed with delivery's tables and those of its operations. */
export function operationTables(db: Db) {
  return db.withTables<DeliveryTables & OperationTables>();
}
