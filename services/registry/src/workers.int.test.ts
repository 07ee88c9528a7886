import type { DomainError } from '@shegong/kernel';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import { counts, outbox, rejectionOf, residentId, startRegistry, station, worker } from './test-harness.ts';

const ID_NUMBER = residentId('19910510'); // 410105199105101233
const PHONE = '13812345678';

describe('resident workers', () => {
  it('stores the ID number and phone encrypted, returns them masked, and keeps them out of events', async () => {
    await using registry = await startRegistry();
    await registry.caller.stations.upsert(station('st-1'));
    const saved = await registry.caller.workers.upsert(
      worker('w-1', 'st-1', { idNumber: ID_NUMBER, phone: PHONE }),
    );
    expect(saved).toMatchObject({
      id: 'w-1',
      birthDate: '1991-05-10', // read from the ID number
      idNumberMasked: '410105********1233',
      phoneMasked: '138****5678',
    });
    expect(saved).not.toHaveProperty('idNumber');
    expect(saved).not.toHaveProperty('phone');
    expect(await registry.caller.workers.get({ id: 'w-1' })).toEqual(saved);
    expect(await registry.caller.workers.list({ stationId: 'st-1' })).toEqual([saved]);

    // Straight from the table: no column, in any form Postgres prints it, holds the raw values.
    const raw = await sql<{
      row: string;
    }>`select row_to_json(w)::text as row from registry.workers w`.execute(registry.db);
    expect(raw.rows).toHaveLength(1);
    const text = raw.rows[0]?.row ?? '';
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(ID_NUMBER.slice(0, 17));
    expect(text).not.toContain(PHONE);
    expect(text).toMatch(/"id_number_encrypted":"v1\./);

    const events = await outbox(registry);
    const upserted = events.filter((e) => e.type === 'worker.upserted.v1');
    expect(upserted).toHaveLength(1);
    expect(upserted[0]?.key).toBe('station:st-1');
    const payload = JSON.stringify(upserted[0]?.payload);
    expect(payload).not.toContain(ID_NUMBER);
    expect(payload).not.toContain(PHONE);
    expect(
      Object.keys((upserted[0]?.payload as { data: { worker: object } } | undefined)?.data.worker ?? {}),
    ).not.toContain('idNumber');
  });

  it('refuses a bad check digit or a birth date that disagrees, writing nothing', async () => {
    await using registry = await startRegistry();
    await registry.caller.stations.upsert(station('st-1'));
    const before = await counts(registry);

    const badCheck = await rejectionOf(
      registry.caller.workers.upsert(worker('w-1', 'st-1', { idNumber: '410105199105101234' })),
    );
    expect(badCheck.code).toBe('BAD_REQUEST');
    expect((badCheck.cause as ZodError).issues).toMatchObject([
      { path: ['idNumber'], message: expect.stringContaining('should be 3') },
    ]);
    expect(badCheck.message).not.toContain('410105199105101234');

    const mismatch = await rejectionOf(
      registry.caller.workers.upsert(worker('w-1', 'st-1', { idNumber: ID_NUMBER, birthDate: '1990-05-10' })),
    );
    expect((mismatch.cause as ZodError).issues[0]).toMatchObject({
      path: ['birthDate'],
      message: 'birthDate 1990-05-10 does not match the birth date in idNumber (1991-05-10)',
    });

    const noStation = await rejectionOf(registry.caller.workers.upsert(worker('w-1', 'st-none')));
    expect((noStation.cause as DomainError).path).toEqual(['stationId']);
    expect(await counts(registry)).toEqual(before);
  });

  it('refuses the same person registered twice (409, naming the existing worker), until the first left', async () => {
    await using registry = await startRegistry();
    await registry.caller.stations.upsertMany({
      items: [station('st-1'), station('st-2', { regionCode: '410105002' })],
    });
    await registry.caller.workers.upsert(worker('w-1', 'st-1'));
    const before = await counts(registry);

    // the same number, spelled with spaces: still the same person
    const spaced = `${ID_NUMBER.slice(0, 6)} ${ID_NUMBER.slice(6, 14)} ${ID_NUMBER.slice(14)}`;
    const duplicate = await rejectionOf(
      registry.caller.workers.upsert(worker('w-9', 'st-2', { idNumber: spaced })),
    );
    expect(duplicate.code).toBe('CONFLICT');
    expect(duplicate.message).toContain('already registered as worker w-1 at station st-1');
    expect((duplicate.cause as DomainError).details).toEqual({
      existingWorkerId: 'w-1',
      existingStationId: 'st-1',
    });
    expect((duplicate.cause as DomainError).path).toEqual(['idNumber']);
    expect(await counts(registry)).toEqual(before);

    // Updating w-1 itself is no duplicate; once w-1 has left, the person may join another station.
    await registry.caller.workers.upsert(worker('w-1', 'st-1', { leftOn: '2022-12-31' }));
    const moved = await registry.caller.workers.upsert(worker('w-9', 'st-2', { appointedOn: '2023-01-01' }));
    expect(moved.idNumberMasked).toBe('410105********1233');
  });

  it('writes a batch of workers all or nothing, naming the row that repeats a person', async () => {
    await using registry = await startRegistry();
    await registry.caller.stations.upsert(station('st-1'));
    const before = await counts(registry);
    const items = [
      worker('w-1', 'st-1', { idNumber: residentId('19900101', '011') }),
      worker('w-2', 'st-1', { idNumber: residentId('19920202', '022') }),
      worker('w-3', 'st-1', { idNumber: residentId('19900101', '011') }),
    ];
    const error = await rejectionOf(registry.caller.workers.upsertMany({ items }));
    expect(error.code).toBe('CONFLICT');
    expect((error.cause as DomainError).path).toEqual(['items', 2, 'idNumber']);
    expect(error.message).toMatch(/^items\[2\]\.idNumber: this person is already registered as worker w-1/);
    expect(await counts(registry)).toEqual(before);
  });

  it('adds training records, and records supervisors and staff changes as filed', async () => {
    await using registry = await startRegistry();
    await registry.caller.stations.upsert(station('st-1'));
    await registry.caller.workers.upsert(worker('w-1', 'st-1'));
    const trained = await registry.caller.workers.addTraining({
      workerId: 'w-1',
      training: {
        date: '2021-02-25',
        hours: 24,
        kind: 'pre-job',
        passed: true,
        provider: { kind: 'civil-affairs', level: 'city' },
      },
    });
    expect(trained.trainings).toHaveLength(1);
    expect(trained.idNumberMasked).toBe('410105********1233');
    const missing = await rejectionOf(
      registry.caller.workers.addTraining({
        workerId: 'nope',
        training: { date: '2021-02-25', hours: 1, kind: 'continuing', provider: { kind: 'other' } },
      }),
    );
    expect(missing.code).toBe('NOT_FOUND');

    await registry.caller.supervisors.upsert({
      id: 'sv-1',
      stationId: 'st-1',
      assignedOn: '2021-04-01',
      fromSelectedPool: true,
    });
    // filed three days after it took effect: recorded as it is, for the staffing rules to flag
    const filed = await registry.caller.staffChanges.file({
      stationId: 'st-1',
      workerId: 'w-2',
      kind: 'join',
      effectiveOn: '2022-03-01',
      filedOn: '2022-03-04',
    });
    expect(filed).toMatchObject({ workerId: 'w-2', effectiveOn: '2022-03-01', filedOn: '2022-03-04' });

    const events = await outbox(registry);
    expect(events.map((e) => e.type)).toEqual([
      'station.registered.v1',
      'worker.upserted.v1',
      'worker.upserted.v1',
      'supervisor.upserted.v1',
      'staff-change.filed.v1',
    ]);
    expect(new Set(events.map((e) => e.key))).toEqual(new Set(['station:st-1']));
    expect((events[4]?.payload as { data: unknown } | undefined)?.data).toEqual({
      change: {
        stationId: 'st-1',
        workerId: 'w-2',
        kind: 'join',
        effectiveOn: '2022-03-01',
        filedOn: '2022-03-04',
      },
    });
  });
});
