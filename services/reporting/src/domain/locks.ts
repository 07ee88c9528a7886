import { type Kysely, sql, type Transaction } from 'kysely';
import type { ReportingDatabase } from '../db/schema.ts';
import type { AcceptedRecord, RejectedRecord } from './records.ts';

type Db = Kysely<ReportingDatabase> | Transaction<ReportingDatabase>;

/**
 * The advisory lock that orders ingests against approvals: an ingest holds it shared while it checks the
 * period locks and writes, an approval exclusively while it writes a lock. Without it an ingest that read
 * "no lock" could commit records into a period approved meanwhile; ingests never wait for each other.
 */
export const PERIOD_LOCKS_KEY = 0x5e6_0001;

/** Takes the period-lock gate for this transaction: `shared` for an ingest, exclusive for an approval. */
export async function holdPeriodLocks(trx: Db, mode: 'shared' | 'exclusive'): Promise<void> {
  await (mode === 'shared'
    ? sql`select pg_advisory_xact_lock_shared(${PERIOD_LOCKS_KEY}::bigint)`
    : sql`select pg_advisory_xact_lock(${PERIOD_LOCKS_KEY}::bigint)`
  ).execute(trx);
}

/** A unit × period closed by its approved report. */
export interface PeriodLock {
  unitRegionCode: string;
  periodStart: string;
  periodEnd: string;
  reportId: string;
}

/**
 * The locks that may concern a batch: those of any region on the records' paths (a county's or a city's
 * approved report closes the service records of every station inside it). Holds the gate shared until
 * the caller's transaction ends.
 */
export async function locksOver(trx: Db, accepted: readonly AcceptedRecord[]): Promise<PeriodLock[]> {
  if (accepted.length === 0) return [];
  await holdPeriodLocks(trx, 'shared');
  const codes = new Set<string>();
  for (const a of accepted) for (const code of a.regionPath) codes.add(code);
  const rows = await sql<{
    unit_region_code: string;
    period_start: string;
    period_end: string;
    locked_by_report_id: string;
  }>`
    select unit_region_code, period_start, period_end, locked_by_report_id
    from reporting.report_locks where unit_region_code = any(${[...codes]}::text[])`.execute(trx);
  return rows.rows.map((r) => ({
    unitRegionCode: r.unit_region_code,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    reportId: r.locked_by_report_id,
  }));
}

/**
 * The records dated inside a locked period of a region they roll up into, as rejected rows: an approved
 * report's figures must stay what was approved, so a late record waits for the approver to unlock.
 * @example lockedRecords(accepted, [{ unitRegionCode: '410105', periodStart: '2023-01-01', periodEnd: '2023-03-31', reportId: 'rp-1' }])
 *   // [{ index: 0, id: 'r1', errors: [{ path: 'records[0].date', code: 'PERIOD_LOCKED', message: '…' }] }]
 */
export function lockedRecords(
  accepted: readonly AcceptedRecord[],
  locks: readonly PeriodLock[],
): RejectedRecord[] {
  if (locks.length === 0) return [];
  const byRegion = new Map<string, PeriodLock[]>();
  for (const lock of locks)
    byRegion.set(lock.unitRegionCode, [...(byRegion.get(lock.unitRegionCode) ?? []), lock]);
  const out: RejectedRecord[] = [];
  for (const a of accepted) {
    const date = a.record.date;
    const lock = a.regionPath
      .flatMap((code) => byRegion.get(code) ?? [])
      .find((l) => l.periodStart <= date && date <= l.periodEnd);
    if (!lock) continue;
    out.push({
      index: a.index,
      id: a.record.id,
      errors: [
        {
          path: `records[${a.index}].date`,
          code: 'PERIOD_LOCKED',
          message: `${date} lies in ${lock.periodStart}..${lock.periodEnd} of region ${lock.unitRegionCode}, locked by approved report ${lock.reportId}; ask the approver to unlock it`,
        },
      ],
    });
  }
  return out;
}
