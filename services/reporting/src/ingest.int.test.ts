import { createHash } from 'node:crypto';
import { DomainError } from '@shegong/kernel';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ingestServiceRecords } from './domain/ingest.ts';
import type { RejectedRecord } from './domain/records.ts';
import { foldPendingRecords } from './domain/rollup-fold.ts';
import {
  generateRecords,
  type ReportingHarness,
  rejection,
  rowCounts,
  serviceRecord,
  startReporting,
  stationOpened,
  stationStatusChanged,
} from './test-harness.ts';

/** Two Zhengzhou stations (金水区 经八路街道, 二七区 淮河路街道) and one in Puyang (华龙区 中原路街道). */
async function withStations(): Promise<ReportingHarness> {
  const reporting = await startReporting();
  await reporting.deliver(
    ...stationOpened('st-jbl', { regionCode: '410105001' }),
    ...stationOpened('st-hhl', { regionCode: '410103001' }),
    ...stationOpened('st-zyl', { regionCode: '410902001' }),
  );
  return reporting;
}

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

async function total(reporting: ReportingHarness, regionCode = '410000', period = '2023') {
  return (await reporting.caller.rollups.services({ regionCode, period })).totals;
}

describe('service record ingest', () => {
  it('stores a batch and adds it to the rollups at once', async () => {
    await using reporting = await withStations();
    const result = await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'batch-1',
      records: [
        serviceRecord('r1', { beneficiaries: 3, hours: 1.5, volunteers: 1 }),
        serviceRecord('r2', { stationId: 'st-zyl', catalogId: 'py-2021', itemRef: '2.1', populations: [] }),
      ],
    });
    expect(result).toEqual({ idempotencyKey: 'batch-1', received: 2, accepted: 2, rejected: [] });
    expect(await rowCounts(reporting.db)).toMatchObject({ service_records: 2, ingest_requests: 1 });
    expect(await total(reporting)).toEqual({ records: 2, beneficiaries: 4, hours: 3.5, volunteers: 1 });
    expect(await total(reporting, '410100')).toEqual({
      records: 1,
      beneficiaries: 3,
      hours: 1.5,
      volunteers: 1,
    });
  });

  it('is all-or-nothing: one bad row refuses the batch, naming every bad row and field, and writes nothing', async () => {
    await using reporting = await withStations();
    await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'earlier',
      records: [serviceRecord('r0')],
    });
    const before = await rowCounts(reporting.db);

    const records = [
      serviceRecord('r1'),
      serviceRecord('r2'),
      serviceRecord('r3', { populations: ['dibao', 'martians'] }),
      serviceRecord('r4', { stationId: 'st-nowhere' }),
      serviceRecord('r5'),
      serviceRecord('r6', { stationId: 'st-zyl', hours: 1.234 }),
    ];
    const error = await errorOf(ingestServiceRecords(reporting.db, { idempotencyKey: 'batch-2', records }));
    expect(error.code).toBe('SERVICE_RECORDS_REJECTED');
    expect(error.path).toEqual(['records', 2, 'populations', 1]);
    expect(error.message).toContain('3 of 6 records rejected, nothing stored');
    const rejected = error.details.rejected as RejectedRecord[];
    expect(rejected.map((r) => [r.index, r.id, r.errors.map((e) => `${e.path} ${e.code}`)])).toEqual([
      [2, 'r3', ['records[2].populations[1] RECORD_FIELD_INVALID']],
      [3, 'r4', ['records[3].stationId STATION_NOT_FOUND']],
      [5, 'r6', ['records[5].hours RECORD_FIELD_INVALID']],
    ]);
    expect(await rowCounts(reporting.db)).toEqual(before);

    // the key was not spent: the fixed batch goes through under it
    const fixed = records.filter((_, i) => ![2, 3, 5].includes(i));
    expect(
      await reporting.caller.serviceRecords.ingest({ idempotencyKey: 'batch-2', records: fixed }),
    ).toMatchObject({ accepted: 3 });
  });

  it('refuses a batch naming a (station, id) twice whole, naming the repeat, and stores nothing', async () => {
    await using reporting = await withStations();
    const before = await rowCounts(reporting.db);
    // the repeat in a later COPY slice than the first row, so the slices before it were sent already
    const records = Array.from({ length: 1_500 }, (_, i) => serviceRecord(`r${i}`));
    records.push(serviceRecord('r7', { beneficiaries: 2 }));
    const error = await errorOf(ingestServiceRecords(reporting.db, { idempotencyKey: 'rep', records }));
    expect(error.code).toBe('SERVICE_RECORDS_REJECTED');
    const rejected = error.details.rejected as RejectedRecord[];
    expect(rejected.map((r) => [r.index, r.errors.map((e) => `${e.path} ${e.code}`)])).toEqual([
      [1_500, ['records[1500].id SERVICE_RECORD_DUPLICATE']],
    ]);
    expect(await rowCounts(reporting.db)).toEqual(before);
  });

  it("with rollups: 'background' stores the rows at once and the rollups count them after the fold", async () => {
    await using reporting = await withStations();
    const result = await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'bulk-1',
      rollups: 'background',
      records: [serviceRecord('r1', { beneficiaries: 3 }), serviceRecord('r2', { beneficiaries: 4 })],
    });
    expect(result).toEqual({ idempotencyKey: 'bulk-1', received: 2, accepted: 2, rejected: [] });
    expect(await rowCounts(reporting.db)).toMatchObject({ service_records: 2, ingest_requests: 1 });
    await foldPendingRecords(reporting.db);
    expect(await total(reporting)).toMatchObject({ records: 2, beneficiaries: 7 });
    expect(await rowCounts(reporting.db, ['rollup_pending'])).toEqual({ rollup_pending: 0 });
  });

  it('with partial: true stores the good rows and lists the rejected ones', async () => {
    await using reporting = await withStations();
    const result = await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'batch-p',
      partial: true,
      records: [
        serviceRecord('r1'),
        serviceRecord('r2', { itemRef: '9.9' }),
        serviceRecord('r3', { beneficiaries: 5 }),
        serviceRecord('r1'),
        // a repeat that is wrong besides: both reasons
        serviceRecord('r3', { itemRef: '9.9' }),
      ],
    });
    expect(result).toMatchObject({ received: 5, accepted: 2 });
    expect(result.rejected.map((r) => [r.index, r.errors.map((e) => `${e.path} ${e.code}`)])).toEqual([
      [1, ['records[1].itemRef CATALOG_ITEM_NOT_FOUND']],
      [3, ['records[3].id SERVICE_RECORD_DUPLICATE']],
      [4, ['records[4].itemRef CATALOG_ITEM_NOT_FOUND', 'records[4].id SERVICE_RECORD_DUPLICATE']],
    ]);
    const stored = await reporting.db.selectFrom('service_records').select('id').orderBy('id').execute();
    expect(stored.map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(await total(reporting)).toMatchObject({ records: 2, beneficiaries: 6 });
  });

  it('returns the first result for the same idempotency key again and writes nothing', async () => {
    await using reporting = await withStations();
    const request = { idempotencyKey: 'k-1', records: [serviceRecord('r1'), serviceRecord('r2')] };
    const first = await reporting.caller.serviceRecords.ingest(request);
    const after = await rowCounts(reporting.db);
    const totals = await total(reporting);

    expect(await reporting.caller.serviceRecords.ingest(request)).toEqual(first);
    expect(await rowCounts(reporting.db)).toEqual(after);
    expect(await total(reporting)).toEqual(totals);
    expect(totals.records).toBe(2);

    // a partial batch replays its rejections too
    const partial = {
      idempotencyKey: 'k-2',
      partial: true,
      records: [serviceRecord('r9', { itemRef: '0' })],
    };
    const once = await reporting.caller.serviceRecords.ingest(partial);
    expect(once.rejected).toHaveLength(1);
    expect(await reporting.caller.serviceRecords.ingest(partial)).toEqual(once);
  });

  it('refuses the same key with different records: INGEST_KEY_CONFLICT, 409 on idempotencyKey', async () => {
    await using reporting = await withStations();
    await reporting.caller.serviceRecords.ingest({ idempotencyKey: 'k', records: [serviceRecord('r1')] });
    const before = await rowCounts(reporting.db);
    const conflict = await rejection(
      reporting.caller.serviceRecords.ingest({
        idempotencyKey: 'k',
        records: [serviceRecord('r1', { hours: 3 })],
      }),
    );
    expect(conflict).toMatchObject({ status: 409, code: 'INGEST_KEY_CONFLICT', fields: ['idempotencyKey'] });
    // the same records, but now partial, are a different request too
    const partial = await rejection(
      reporting.caller.serviceRecords.ingest({
        idempotencyKey: 'k',
        partial: true,
        records: [serviceRecord('r1')],
      }),
    );
    expect(partial.code).toBe('INGEST_KEY_CONFLICT');
    expect(await rowCounts(reporting.db)).toEqual(before);
  });

  it('reports a record stored by an earlier batch as a duplicate and never counts it twice', async () => {
    await using reporting = await withStations();
    await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'first',
      records: [serviceRecord('r1', { beneficiaries: 4 })],
    });
    const before = await rowCounts(reporting.db);

    // all-or-nothing: refused whole
    const again = await errorOf(
      ingestServiceRecords(reporting.db, {
        idempotencyKey: 'second',
        records: [serviceRecord('r2'), serviceRecord('r1', { beneficiaries: 40 })],
      }),
    );
    expect(again.code).toBe('SERVICE_RECORDS_REJECTED');
    expect(again.details.rejected).toEqual([
      {
        index: 1,
        id: 'r1',
        errors: [
          {
            path: 'records[1].id',
            code: 'SERVICE_RECORD_DUPLICATE',
            message: 'record "r1" of station st-jbl was ingested before',
          },
        ],
      },
    ]);
    expect(await rowCounts(reporting.db)).toEqual(before);

    // partial: the new row is stored, the old one reported
    const partial = await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'third',
      partial: true,
      records: [serviceRecord('r2'), serviceRecord('r1', { beneficiaries: 40 })],
    });
    expect(partial).toMatchObject({ accepted: 1, rejected: [{ index: 1, id: 'r1' }] });
    expect(await total(reporting)).toMatchObject({ records: 2, beneficiaries: 5 });
    const r1 = await reporting.db
      .selectFrom('service_records')
      .select('beneficiaries')
      .where('id', '=', 'r1')
      .execute();
    expect(r1).toEqual([{ beneficiaries: 4 }]);

    // the same record id at another station is another record
    await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'fourth',
      records: [serviceRecord('r1', { stationId: 'st-hhl' })],
    });
    expect(await total(reporting)).toMatchObject({ records: 3 });
  });

  it('refuses a record of a station that is known only from a status change (no region yet)', async () => {
    await using reporting = await withStations();
    await reporting.deliver(stationStatusChanged('st-unregistered', 'planned', 'operating'));
    const error = await errorOf(
      ingestServiceRecords(reporting.db, {
        idempotencyKey: 'k',
        records: [serviceRecord('r1', { stationId: 'st-unregistered' })],
      }),
    );
    expect(error.path).toEqual(['records', 0, 'stationId']);
  });

  it('adds up batches sent at the same time by several systems exactly, without deadlock', async () => {
    await using reporting = await withStations();
    const stations = [
      { id: 'st-jbl', catalogId: 'zz-2021', itemRefs: ['1.1', '2.1', '3.1'] },
      { id: 'st-hhl', catalogId: 'zz-2021', itemRefs: ['1.1', '4.1'] },
      { id: 'st-zyl', catalogId: 'py-2021', itemRefs: ['1.1', '2.1'] },
    ];
    const batches = Array.from({ length: 6 }, (_, b) =>
      generateRecords({
        seed: b + 1,
        count: 400,
        stations,
        months: ['2023-03', '2023-04'],
        populations: ['dibao', 'tekun', 'orphan', 'disabled'],
        idPrefix: `b${b}`,
      }),
    );
    const results = await Promise.all(
      batches.map((records, b) =>
        reporting.caller.serviceRecords.ingest({ idempotencyKey: `b${b}`, records }),
      ),
    );
    expect(results.map((r) => r.accepted)).toEqual([400, 400, 400, 400, 400, 400]);
    const all = batches.flat();
    expect(await total(reporting)).toEqual({
      records: 2_400,
      beneficiaries: all.reduce((n, r) => n + r.beneficiaries, 0),
      hours: Number((all.reduce((n, r) => n + Math.round(r.hours * 100), 0) / 100).toFixed(2)),
      volunteers: all.reduce((n, r) => n + r.volunteers, 0),
    });
  });

  it('stores a batch sent twice at the same time once, and answers both with the same result', async () => {
    await using reporting = await withStations();
    const request = { idempotencyKey: 'twice', records: [serviceRecord('r1'), serviceRecord('r2')] };
    const [a, b] = await Promise.all([
      reporting.caller.serviceRecords.ingest(request),
      reporting.caller.serviceRecords.ingest(request),
    ]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ accepted: 2, rejected: [] });
    expect(await rowCounts(reporting.db)).toMatchObject({ service_records: 2, ingest_requests: 1 });
    expect(await total(reporting)).toMatchObject({ records: 2 });
  });

  it('replays a batch of several COPY slices by its stored rows and the digest of its refused rows', async () => {
    await using reporting = await withStations();
    // more than one slice of the COPY stream (1,000 rows), with rows the schema refuses (partial)
    const records: unknown[] = Array.from({ length: 2_345 }, (_, i) =>
      serviceRecord(`r${i}`, { hours: (i % 7) / 4, populations: i % 3 ? ['dibao'] : [] }),
    );
    records.push(undefined, { id: 'odd "quote"\ttab', stationId: 'st-jbl' });
    const request = { idempotencyKey: 'big', partial: true, records };
    const result = await ingestServiceRecords(reporting.db, request);
    expect(result).toMatchObject({ received: 2_347, accepted: 2_345 });
    const stored = await reporting.db
      .selectFrom('ingest_requests')
      .select('request_hash')
      .where('idempotency_key', '=', 'big')
      .executeTakeFirstOrThrow();
    expect(stored.request_hash).toMatch(/^v2 partial 2347 [0-9a-f]{64}$/);
    const before = await rowCounts(reporting.db);

    // the same rows, as another client would spell them (keys in another order, a population named
    // twice): the same records, the first result
    const respelled = records.map((r, i) => {
      if (i === 5) return { ...(r as object), populations: ['dibao', 'dibao'] };
      if (i === 7) return Object.fromEntries(Object.entries(r as object).reverse());
      return r;
    });
    expect(await ingestServiceRecords(reporting.db, { ...request, records: respelled })).toEqual(result);

    const conflicts: Array<[string, unknown[]]> = [
      [
        'a stored row changed',
        records.map((r, i) => (i === 1_500 ? { ...(r as object), beneficiaries: 9 } : r)),
      ],
      [
        'a refused row changed',
        records.map((r, i) => (i === 2_346 ? { id: 'other', stationId: 'st-jbl' } : r)),
      ],
      ['a stored row refused now', records.map((r, i) => (i === 10 ? { ...(r as object), hours: -1 } : r))],
      ['a row fewer', records.filter((_, i) => i !== 3)],
      ['a stored row swapped for a new one', records.map((r, i) => (i === 0 ? serviceRecord('new-0') : r))],
    ];
    for (const [what, changed] of conflicts) {
      const error = await errorOf(ingestServiceRecords(reporting.db, { ...request, records: changed }));
      expect({ what, code: error.code }).toEqual({ what, code: 'INGEST_KEY_CONFLICT' });
    }
    expect((await errorOf(ingestServiceRecords(reporting.db, { ...request, partial: false }))).code).toBe(
      'INGEST_KEY_CONFLICT',
    );
    expect(await rowCounts(reporting.db)).toEqual(before);
    expect(await total(reporting)).toMatchObject({ records: 2_345 });
  });

  it('does not replay a batch naming one stored row twice for a batch that stored two', async () => {
    await using reporting = await withStations();
    const request = { idempotencyKey: 'ab', records: [serviceRecord('a'), serviceRecord('b')] };
    await ingestServiceRecords(reporting.db, request);
    const twice = { ...request, records: [serviceRecord('a'), serviceRecord('a')] };
    expect((await errorOf(ingestServiceRecords(reporting.db, twice))).code).toBe('INGEST_KEY_CONFLICT');
    // the same two rows in the other order are the same records
    const swapped = { ...request, records: [serviceRecord('b'), serviceRecord('a')] };
    expect(await ingestServiceRecords(reporting.db, swapped)).toMatchObject({ accepted: 2 });
  });

  it('replays a key stored before v2 by the sha256 of the whole body', async () => {
    await using reporting = await withStations();
    const request = { idempotencyKey: 'old', records: [serviceRecord('r1'), serviceRecord('r2')] };
    const result = await ingestServiceRecords(reporting.db, request);
    const legacy = createHash('sha256')
      .update(JSON.stringify({ partial: false, records: request.records }))
      .digest('hex');
    await reporting.db
      .updateTable('ingest_requests')
      .set({ request_hash: legacy })
      .where('idempotency_key', '=', 'old')
      .execute();
    expect(await ingestServiceRecords(reporting.db, request)).toEqual(result);
    const changed = { ...request, records: [serviceRecord('r1'), serviceRecord('r2', { hours: 7 })] };
    expect((await errorOf(ingestServiceRecords(reporting.db, changed))).code).toBe('INGEST_KEY_CONFLICT');
  });

  it('stores ids with tabs, newlines, backslashes, quotes and braces exactly as sent', async () => {
    await using reporting = await withStations();
    const ids = ['a\tb', 'c\nd\re', 'back\\slash', 'say "hi"', '{x,y}', 'NULL', '\\N', ' spaced '];
    const result = await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'odd',
      records: ids.map((id) => serviceRecord(id)),
    });
    expect(result).toMatchObject({ accepted: ids.length });
    const stored = await reporting.db.selectFrom('service_records').select('id').orderBy('id').execute();
    expect(stored.map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it('keys the raw records byte by byte (collate "C"), ids differing only in case or accents being two', async () => {
    await using reporting = await withStations();
    const collations = await sql<{ column_name: string; collation_name: string | null }>`
      select column_name, collation_name from information_schema.columns
      where table_schema = 'reporting' and table_name = 'service_records'
        and column_name in ('station_id', 'id') order by column_name`.execute(reporting.db);
    expect(collations.rows).toEqual([
      { column_name: 'id', collation_name: 'C' },
      { column_name: 'station_id', collation_name: 'C' },
    ]);
    const ids = ['r-a', 'R-A', 'r-á', 'r-b'];
    const result = await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'case',
      records: ids.map((id) => serviceRecord(id)),
    });
    expect(result).toMatchObject({ accepted: 4 });
    // and a repeat of one of them in a later batch is still a duplicate
    const again = await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'case-again',
      partial: true,
      records: [serviceRecord('R-A'), serviceRecord('r-c')],
    });
    expect(again).toMatchObject({ accepted: 1, rejected: [{ index: 0, id: 'R-A' }] });
    expect(await total(reporting)).toMatchObject({ records: 5 });
  });

  it('refuses more than 10,000 records in one call before touching the database', async () => {
    await using reporting = await withStations();
    const records = Array.from({ length: 10_001 }, (_, i) => serviceRecord(`r${i}`));
    const error = await errorOf(ingestServiceRecords(reporting.db, { idempotencyKey: 'big', records }));
    expect(error).toMatchObject({ code: 'SERVICE_RECORDS_TOO_MANY', path: ['records'] });
    expect(await rowCounts(reporting.db)).toEqual({
      service_records: 0,
      service_rollups: 0,
      ingest_requests: 0,
    });
  });
});
