/** One registry on a fresh database per spec file, and valid inputs to start from. Not part of the public API. */

import type { OperatorInput, StationInput, WorkerInput } from '@shegong/contracts';
import { residentIdCheckCharacter } from '@shegong/identifiers';
import type { Publisher } from '@shegong/messaging';
import { createDatabase } from '@shegong/service-kit';
import { createTestDatabase } from '@shegong/testkit';
import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import type { RegistryDatabase } from './db/schema.ts';
import { createRegistryService, SCHEMA } from './service.ts';

export const TEST_PII_KEY = '5e'.repeat(32);

export async function startRegistry(options: { publisher?: Publisher; start?: boolean } = {}) {
  const database = await createTestDatabase();
  const db = createDatabase<RegistryDatabase>({ url: database.url, schema: SCHEMA, maxConnections: 4 });
  const service = createRegistryService({
    db,
    piiKey: TEST_PII_KEY,
    relayIntervalMs: 10,
    ...(options.publisher && { publisher: options.publisher }),
  });
  if (options.start !== false) await service.start();
  return {
    db,
    service,
    caller: service.router.createCaller(service.context),
    async [Symbol.asyncDispose]() {
      await service.stop();
      await db.destroy();
      await database[Symbol.asyncDispose]();
    },
  };
}

export type Registry = Awaited<ReturnType<typeof startRegistry>>;

/** Row counts of every registry table: a rejected write must leave them all as they were. */
export async function counts(registry: Registry): Promise<Record<string, number>> {
  const tables = [
    'operators',
    'stations',
    'station_status_changes',
    'workers',
    'supervisors',
    'staff_changes',
    'outbox',
  ];
  const out: Record<string, number> = {};
  for (const table of tables) {
    const row = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(`registry.${table}`)}`.execute(registry.db);
    out[table] = row.rows[0]?.n ?? -1;
  }
  return out;
}

/** The outbox as stored, in order. */
export async function outbox(registry: Registry) {
  return registry.db.selectFrom('outbox').select(['seq', 'key', 'type', 'payload']).orderBy('seq').execute();
}

/** The error a call rejects with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to be rejected');
}

/** A valid resident ID number for a birth date (YYYYMMDD) and sequence. */
export function residentId(birth: string, sequence = '123', area = '410105'): string {
  const body = `${area}${birth}${sequence}`;
  return body + residentIdCheckCharacter(body);
}

export const OPERATOR: OperatorInput = {
  id: 'op-hexie',
  name: '郑州市金水区和谐社会工作服务中心',
  unifiedSocialCreditCode: '52410105MJ0000001P',
  registrationAuthority: '郑州市金水区民政局',
  registeredOn: '2018-06-01',
  businessScopeIncludesSocialWork: true,
  rating: '4A',
  origin: 'local',
};

export function station(id: string, overrides: Partial<StationInput> = {}): StationInput {
  return { id, name: `${id} 社工站`, regionCode: '410105001', type: 'township-station', ...overrides };
}

export function worker(id: string, stationId: string, overrides: Partial<WorkerInput> = {}): WorkerInput {
  return {
    id,
    stationId,
    name: '张三',
    appointedOn: '2021-03-01',
    education: 'bachelor',
    socialWorkMajor: true,
    idNumber: residentId('19910510'),
    phone: '13812345678',
    ...overrides,
  };
}
