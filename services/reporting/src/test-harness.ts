/**
 * Internal to reporting's tests, not part of the public API: a reporting service on a fresh, migrated
 * database of the run's real Postgres, hub events as the registry and funding publish them, and service
 * records as a station's system sends them. Dispose with `await using`.
 */
import { randomUUID } from 'node:crypto';
import {
  type EventOf,
  type HubEvent,
  type HubEventInput,
  HubEventSchema,
  type HubEventType,
} from '@shegong/events';
import { DomainError, formatPath } from '@shegong/kernel';
import type { ResidentWorkerInput, SupervisorInput, TrainingRecord } from '@shegong/staffing';
import { createTestDatabase } from '@shegong/testkit';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { ZodError } from 'zod';
import { type ReportingDatabase, SCHEMA } from './db/schema.ts';
import type { ServiceRecordInput } from './domain/records.ts';
import { createReportingService, migrateReporting, type ReportingService } from './service.ts';

export interface ReportingHarness extends AsyncDisposable {
  db: Kysely<ReportingDatabase>;
  service: ReportingService;
  caller: ReturnType<ReportingService['router']['createCaller']>;
  /** Hands events to `service.handleEvent` one after the other, as the consumer would. */
  deliver(...events: HubEvent[]): Promise<void>;
}

export async function startReporting(): Promise<ReportingHarness> {
  const database = await createTestDatabase();
  // An 'error' listener on the pool: the database is dropped WITH (FORCE) on dispose, and an idle
  // connection still closing then reports "terminating connection", which unheard is an uncaught exception.
  const pool = new pg.Pool({ connectionString: database.url, max: 5 });
  pool.on('error', () => {});
  const db = new Kysely<ReportingDatabase>({ dialect: new PostgresDialect({ pool }) }).withSchema(SCHEMA);
  await migrateReporting(db);
  const service = createReportingService({ db });
  return {
    db,
    service,
    caller: service.router.createCaller({ db }),
    async deliver(...events) {
      for (const event of events) await service.handleEvent(event);
    },
    async [Symbol.asyncDispose]() {
      await service.stop();
      await db.destroy();
      await database[Symbol.asyncDispose]();
    },
  };
}

/** Row counts of reporting tables: a refused write must leave them as they were. */
export async function rowCounts(
  db: Kysely<ReportingDatabase>,
  tables: readonly string[] = ['service_records', 'service_rollups', 'ingest_requests'],
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const row = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(`${SCHEMA}.${table}`)}`.execute(db);
    out[table] = row.rows[0]?.n ?? -1;
  }
  return out;
}

/** The error a tRPC call rejected with, its HTTP status, and the fields it names (zod issues or domain path). */
export async function rejection(promise: Promise<unknown>): Promise<{
  error: TRPCError;
  status: number;
  fields: string[];
  code: string | null;
  domain: DomainError | null;
}> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause;
    const fields =
      cause instanceof ZodError
        ? cause.issues.map((i) => formatPath(i.path))
        : cause instanceof DomainError
          ? [formatPath(cause.path)]
          : [];
    return {
      error,
      status: getHTTPStatusCodeFromError(error),
      fields,
      code: cause instanceof DomainError ? cause.code : null,
      domain: cause instanceof DomainError ? cause : null,
    };
  }
  throw new Error('expected the call to be rejected');
}

// ---------------------------------------------------------------------------------------------------------
// Hub events

/** The day every event happens unless a test says otherwise. */
export const DEFAULT_OCCURRED_AT = '2023-06-30T09:00:00+08:00';

interface Meta {
  id?: string;
  occurredAt?: string;
  source?: 'registry' | 'funding';
  key?: string;
}

type DataOf<T extends HubEventType> = Extract<HubEventInput, { type: T }>['data'];

/** A hub event of any type, validated by its contract (defaults applied) as a consumer decodes it. */
export function hubEvent<T extends HubEventType>(type: T, data: DataOf<T>, meta: Meta = {}): EventOf<T> {
  return HubEventSchema.parse({
    id: meta.id ?? randomUUID(),
    occurredAt: meta.occurredAt ?? DEFAULT_OCCURRED_AT,
    source: meta.source ?? 'registry',
    key: meta.key ?? 'test',
    type,
    data,
  }) as EventOf<T>;
}

/** `station.registered.v1`: a township station, planned, unless overridden. */
export function stationRegistered(
  stationId: string,
  data: Partial<DataOf<'station.registered.v1'>> = {},
  meta: Meta = {},
): EventOf<'station.registered.v1'> {
  return hubEvent(
    'station.registered.v1',
    {
      stationId,
      regionCode: '410105001',
      name: `${stationId} 社工站`,
      stationType: 'township-station',
      status: 'planned',
      ...data,
    },
    { key: `station:${stationId}`, ...meta },
  );
}

/** `station.status-changed.v1`, happening on the day it takes effect. */
export function stationStatusChanged(
  stationId: string,
  from: DataOf<'station.status-changed.v1'>['from'],
  to: DataOf<'station.status-changed.v1'>['to'],
  on = DEFAULT_OCCURRED_AT.slice(0, 10),
  meta: Meta = {},
): EventOf<'station.status-changed.v1'> {
  return hubEvent(
    'station.status-changed.v1',
    { stationId, from, to, on },
    { key: `station:${stationId}`, occurredAt: `${on}T09:00:00+08:00`, ...meta },
  );
}

export function workerUpserted(worker: ResidentWorkerInput, meta: Meta = {}): EventOf<'worker.upserted.v1'> {
  return hubEvent('worker.upserted.v1', { worker }, { key: `station:${worker.stationId}`, ...meta });
}

export function supervisorUpserted(
  supervisor: SupervisorInput,
  meta: Meta = {},
): EventOf<'supervisor.upserted.v1'> {
  return hubEvent(
    'supervisor.upserted.v1',
    { supervisor },
    { key: `station:${supervisor.stationId}`, ...meta },
  );
}

/** The two events of a station opening: registered (planned), then planned → operating. */
export function stationOpened(
  stationId: string,
  data: Partial<DataOf<'station.registered.v1'>> = {},
  on = '2021-03-01',
): HubEvent[] {
  return [
    stationRegistered(stationId, data, { occurredAt: `${on}T08:00:00+08:00` }),
    stationStatusChanged(stationId, 'planned', 'operating', on),
  ];
}

function training(overrides: Partial<TrainingRecord>): TrainingRecord {
  return {
    date: '2021-02-20',
    hours: 16,
    kind: 'professional',
    provider: { kind: 'civil-affairs', level: 'city' },
    ...overrides,
  };
}

/**
 * A resident worker who meets every Zhengzhou rule on 2023-06-30 at a station whose project started
 * 2021-03-01: 32 years old, 本科 in social work (qualified since graduating), pre-job training passed,
 * 60+ hours of continuing education in 2021 and 2022.
 */
export function residentWorker(
  id: string,
  stationId: string,
  overrides: Partial<ResidentWorkerInput> = {},
): ResidentWorkerInput {
  return {
    id,
    stationId,
    birthDate: '1991-05-10',
    appointedOn: '2021-03-01',
    education: 'bachelor',
    socialWorkMajor: true,
    graduatedOn: '2013-07-01',
    localHukou: true,
    trainings: [
      training({ date: '2021-02-25', hours: 24, kind: 'pre-job', passed: true }),
      training({ date: '2021-06-10', hours: 40, kind: 'continuing' }),
      training({ date: '2022-04-10', hours: 32, kind: 'continuing' }),
      training({ date: '2022-10-10', hours: 32, kind: 'continuing' }),
      training({ date: '2023-04-10', hours: 30, kind: 'continuing' }),
    ],
    ...overrides,
  };
}

/** A supervisor under a signed agreement since the project started [ZZ §5.7]. */
export function supervisor(id: string, stationId: string): SupervisorInput {
  return { id, stationId, assignedOn: '2021-03-01', agreementSignedOn: '2021-03-01' };
}

/**
 * Every event of a Zhengzhou station that meets every staffing rule on 2023-06-30: opened on 2021-03-01
 * with its project, a qualified lead and a qualified resident, a supervisor under agreement.
 */
export function staffedStation(stationId: string, regionCode = '410105001'): HubEvent[] {
  return [
    ...stationOpened(stationId, { regionCode, projectStartOn: '2021-03-01' }),
    supervisorUpserted(supervisor(`${stationId}-sv`, stationId)),
    workerUpserted(residentWorker(`${stationId}-lead`, stationId, { role: 'lead' })),
    workerUpserted(residentWorker(`${stationId}-w2`, stationId)),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Service records

/** A valid record of a Zhengzhou station: one 低保 case under ZZ 1.3 on 2023-03-14. */
export function serviceRecord(id: string, overrides: Partial<ServiceRecordInput> = {}): ServiceRecordInput {
  return {
    id,
    stationId: 'st-jbl',
    catalogId: 'zz-2021',
    itemRef: '1.3',
    populations: ['dibao'],
    kind: 'case',
    date: '2023-03-14',
    beneficiaries: 1,
    hours: 2,
    volunteers: 0,
    ...overrides,
  };
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same records on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * `count` valid records spread over the given stations and months, drawn from a seed: any item of the
 * station's catalog, zero to three populations (sometimes repeated), hours with up to two decimals.
 */
export function generateRecords(options: {
  seed: number;
  count: number;
  stations: ReadonlyArray<{ id: string; catalogId: string; itemRefs: readonly string[] }>;
  /** `YYYY-MM` */
  months: readonly string[];
  populations: readonly string[];
  idPrefix?: string;
}): ServiceRecordInput[] {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const kinds = ['case', 'group', 'activity', 'visit'] as const;
  return Array.from({ length: options.count }, (_, i) => {
    const station = pick(options.stations);
    const month = pick(options.months);
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const populations = Array.from({ length: Math.floor(random() * 4) }, () => pick(options.populations));
    return {
      id: `${options.idPrefix ?? 'r'}-${i}`,
      stationId: station.id,
      catalogId: station.catalogId,
      itemRef: pick(station.itemRefs),
      populations,
      kind: pick(kinds),
      date: `${month}-${day}`,
      beneficiaries: Math.floor(random() * 40),
      hours: Math.floor(random() * 1_000) / 100,
      volunteers: Math.floor(random() * 6),
    };
  });
}
