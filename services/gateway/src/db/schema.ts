import type { ColumnType, Generated } from 'kysely';

/** The gateway's Postgres schema: identities and the audit log. */
export const SCHEMA = 'gateway';

type Json<T> = ColumnType<T, string, string>;

/** People who sign in: bound to one region and one role. */
export interface UsersTable {
  id: string;
  username: string;
  display_name: string | null;
  /** argon2id hash (PHC string). */
  password_hash: string;
  role: string;
  region_code: string;
  operator_id: string | null;
  grants: Json<{ pii: boolean; crossProvince: string[] }>;
  created_at: Generated<Date>;
  disabled_at: Date | null;
}

/** City systems that call the public API, bound to a city. */
export interface ApiClientsTable {
  id: string;
  name: string;
  role: string;
  region_code: string;
  /** SHA-256 of the key's secret part, hex: keys are 256-bit random, so a fast hash is enough at rest. */
  key_hash: string;
  created_at: Generated<Date>;
  revoked_at: Date | null;
}

/** Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE, and no procedure writes it but `record`. */
export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_kind: string;
  actor_id: string;
  actor_role: string;
  actor_region: string;
  /** The procedure or endpoint, e.g. `registry.stations.upsertMany`, `pii.reveal`. */
  action: string;
  /** `write` | `pii-read` | `sign-in`. */
  category: string;
  /** `ok` | `denied` | `failed`. */
  outcome: string;
  /** What it touched: ids and counts, never the PII itself. */
  target: Json<Record<string, unknown>>;
  ip: string | null;
  user_agent: string | null;
  error_code: string | null;
}

export interface GatewayDatabase {
  users: UsersTable;
  api_clients: ApiClientsTable;
  audit_log: AuditLogTable;
}
