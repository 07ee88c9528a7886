import type { MessagingTables } from '@shegong/messaging';
import type { ColumnType, Generated } from 'kysely';

/** jsonb: pg hands back the parsed value; we write JSON text so arrays are not taken for Postgres arrays. */
type Json<T> = ColumnType<T, string, string>;
/** A jsonb column with a database default (`'[]'`): optional on insert. */
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;
/** DATE columns come back as ISO strings (service-kit's type parser). */
type IsoDay = string;

/** 承接主体: the organizations that run stations. */
export interface OperatorsTable {
  id: string;
  name: string;
  unified_social_credit_code: string;
  registration_authority: string | null;
  registered_on: IsoDay | null;
  business_scope_includes_social_work: boolean;
  rating: string | null;
  origin: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StationsTable {
  id: string;
  name: string;
  /** Canonical: 6 digits for a county centre, 9 for a township station or community room. */
  region_code: string;
  station_type: string;
  status: string;
  /** The day the current status took effect. */
  status_since: IsoDay;
  project_start_on: IsoDay | null;
  operator_id: string | null;
  /** The village or community (村/社区) of a community room. */
  community_name: string | null;
  signage_name: string;
  office_m2: number | null;
  activity_m2: number | null;
  rooms: JsonWithDefault<string[]>;
  equipment: JsonWithDefault<string[]>;
  /** Ids of the ZZ §4.3 institutions in place. */
  institutions: JsonWithDefault<string[]>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StationStatusChangesTable {
  seq: Generated<number>;
  station_id: string;
  from_status: string;
  to_status: string;
  changed_on: IsoDay;
  recorded_at: Generated<Date>;
}

/**
 * Resident workers. The resident ID number and phone are stored only encrypted (AES-256-GCM tokens);
 * `id_number_hash` is an HMAC of the number so the same person can be found without decrypting.
 */
export interface WorkersTable {
  id: string;
  station_id: string;
  name: string | null;
  role: string;
  full_time: boolean;
  birth_date: IsoDay;
  appointed_on: IsoDay;
  left_on: IsoDay | null;
  education: string;
  social_work_major: boolean;
  graduated_on: IsoDay | null;
  local_hukou: boolean | null;
  certificate: Json<unknown> | null;
  related_experience_since: IsoDay | null;
  post_level: number | null;
  trainings: JsonWithDefault<unknown[]>;
  id_number_encrypted: string;
  id_number_hash: string;
  phone_encrypted: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SupervisorsTable {
  id: string;
  station_id: string;
  name: string | null;
  from_selected_pool: boolean | null;
  social_work_since: IsoDay | null;
  assigned_on: IsoDay;
  ended_on: IsoDay | null;
  agreement_signed_on: IsoDay | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Changes of resident workers filed with the purchaser [ZZ §4.4]. */
export interface StaffChangesTable {
  id: string;
  station_id: string;
  /** Not a foreign key: a joining worker is often filed before being registered. */
  worker_id: string;
  kind: string;
  effective_on: IsoDay;
  filed_on: IsoDay | null;
  recorded_at: Generated<Date>;
}

/** The registry's database, in the Postgres schema `registry`. */
export interface RegistryDatabase extends MessagingTables {
  operators: OperatorsTable;
  stations: StationsTable;
  station_status_changes: StationStatusChangesTable;
  workers: WorkersTable;
  supervisors: SupervisorsTable;
  staff_changes: StaffChangesTable;
}
