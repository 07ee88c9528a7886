import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  type ReportingHarness,
  rowCounts,
  serviceRecord,
  startReporting,
  stationOpened,
} from './test-harness.ts';

/** Every raw row, rollup row and stored key, hashed: a dry run must leave all three as they were. */
async function fingerprint(reporting: ReportingHarness) {
  const rows = await sql<{ f: string }>`
    select concat_ws('/',
      (select md5(coalesce(string_agg(r::text, '|' order by r.station_id, r.id), '')) from reporting.service_records r),
      (select md5(coalesce(string_agg(u::text, '|' order by u.region_code, u.period, u.domain), ''))
         from reporting.service_rollups u),
      (select md5(coalesce(string_agg(k.idempotency_key, '|' order by k.id), '')) from reporting.ingest_requests k)
    ) as f`.execute(reporting.db);
  return rows.rows[0]?.f;
}

describe('serviceRecords.ingest with dryRun', () => {
  it('lists every bad row and field as the real call would, and writes nothing (no key, no rollup)', async () => {
    await using reporting = await startReporting();
    await reporting.deliver(...stationOpened('st-jbl', { regionCode: '410105001' }));
    await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'earlier',
      records: [serviceRecord('r-old')],
    });
    const before = await rowCounts(reporting.db);
    const print = await fingerprint(reporting);

    const records = [
      serviceRecord('r1'),
      serviceRecord('r2', { date: '2023-02-30' }),
      serviceRecord('r3', { stationId: 'st-none' }),
      serviceRecord('r-old'), // stored by the earlier batch
      serviceRecord('r4', { beneficiaries: -1, itemRef: '9.9' }),
    ];
    const dry = await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'import-1',
      records,
      dryRun: true,
    });

    expect(dry).toMatchObject({ idempotencyKey: 'import-1', received: 5, accepted: 1 });
    expect(dry.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(dry.rejected[0]?.errors.map((e) => e.path)).toEqual(['records[1].date']);
    expect(dry.rejected[1]?.errors.map((e) => e.path)).toEqual(['records[2].stationId']);
    expect(dry.rejected[2]?.errors).toEqual([
      expect.objectContaining({ path: 'records[3].id', code: 'SERVICE_RECORD_DUPLICATE' }),
    ]);
    expect(dry.rejected[3]?.errors.length).toBeGreaterThan(0);
    expect(await rowCounts(reporting.db)).toEqual(before);
    expect(await fingerprint(reporting)).toBe(print);

    // The same key is still free, and a partial real call refuses exactly the rows the dry run listed.
    const real = await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'import-1',
      records,
      partial: true,
    });
    expect(real).toEqual(dry);
    expect((await rowCounts(reporting.db)).service_records).toBe((before.service_records ?? 0) + 1);
  });

  it('answers a clean sheet with every row accepted and still writes nothing', async () => {
    await using reporting = await startReporting();
    await reporting.deliver(...stationOpened('st-jbl', { regionCode: '410105001' }));
    const before = await rowCounts(reporting.db);
    const records = [serviceRecord('r1'), serviceRecord('r2')];
    const dry = await reporting.caller.serviceRecords.ingest({ idempotencyKey: 'k', records, dryRun: true });
    expect(dry).toEqual({ idempotencyKey: 'k', received: 2, accepted: 2, rejected: [] });
    expect(await rowCounts(reporting.db)).toEqual(before);
    const real = await reporting.caller.serviceRecords.ingest({ idempotencyKey: 'k', records });
    expect(real).toEqual(dry);
  });
});
