import { DomainError } from '@shegong/kernel';
import { townshipsOf } from '@shegong/regions';
import { listen } from '@shegong/service-kit';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import { upsertStations } from './domain/stations.ts';
import {
  counts,
  OPERATOR,
  outbox,
  type Registry,
  rejectionOf,
  startRegistry,
  station,
} from './test-harness.ts';

describe('migrations', () => {
  it('run on a fresh database, create every table in schema registry, and run once', async () => {
    await using registry = await startRegistry({ start: false });
    expect(await registry.service.migrate()).toEqual(['2026-11-25T1200-initial']);
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'registry' order by table_name`.execute(
      registry.db,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      'inbox',
      'kysely_migration',
      'kysely_migration_lock',
      'operators',
      'outbox',
      'staff_changes',
      'station_status_changes',
      'stations',
      'supervisors',
      'workers',
    ]);
    expect(await registry.service.migrate()).toEqual([]);
  });
});

describe('stations', () => {
  it('registers a station: the row and station.registered.v1 commit in one transaction', async () => {
    await using registry = await startRegistry();
    await registry.caller.operators.upsert(OPERATOR);
    const saved = await registry.caller.stations.upsert(
      station('st-jbl', {
        name: '经八路街道社会工作服务站',
        operatorId: OPERATOR.id,
        projectStartOn: '2021-03-01',
        facilities: {
          officeM2: 15,
          activityM2: 60,
          rooms: ['office', 'casework'],
          equipment: ['电脑', '打印机'],
        },
        institutions: ['organization-chart', 'finance-management'],
      }),
    );
    expect(saved).toMatchObject({
      id: 'st-jbl',
      regionCode: '410105001',
      status: 'planned',
      signageName: '经八路街道社会工作服务站',
      facilities: {
        officeM2: 15,
        activityM2: 60,
        rooms: ['office', 'casework'],
        equipment: ['电脑', '打印机'],
      },
    });
    expect(await registry.caller.stations.get({ id: 'st-jbl' })).toEqual(saved);

    const events = await outbox(registry);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      key: 'station:st-jbl',
      type: 'station.registered.v1',
      payload: {
        source: 'registry',
        data: {
          stationId: 'st-jbl',
          regionCode: '410105001',
          name: '经八路街道社会工作服务站',
          stationType: 'township-station',
          status: 'planned',
          projectStartOn: '2021-03-01',
        },
      },
    });
    // now() is the transaction's start time: equal timestamps prove one transaction wrote both rows.
    const times = await sql<{ same: boolean }>`
      select s.created_at = o.created_at as same from registry.stations s, registry.outbox o
      where s.id = 'st-jbl' and o.key = 'station:st-jbl'`.execute(registry.db);
    expect(times.rows).toEqual([{ same: true }]);

    // A second upsert updates without registering again; the sign follows the type.
    const room = await registry.caller.stations.upsert(
      station('st-jbl', { type: 'community-room', communityName: '纬五路社区' }),
    );
    expect(room.signageName).toBe('纬五路社区社会工作服务室');
    expect(room.facilities.rooms).toEqual(['office', 'casework']); // kept when omitted
    expect(await outbox(registry)).toHaveLength(1);

    const centre = await registry.caller.stations.upsert(
      station('st-jinshui', { type: 'county-centre', regionCode: '410105' }),
    );
    expect(centre.signageName).toBe('金水区社会工作服务中心');
  });

  it('refuses bad input without writing anything, naming the field', async () => {
    await using registry = await startRegistry();
    await registry.caller.stations.upsert(station('st-1'));
    const before = await counts(registry);

    const unknown = await rejectionOf(
      registry.caller.stations.upsert(station('st-2', { regionCode: '410105999' })),
    );
    expect(unknown.code).toBe('BAD_REQUEST');
    expect((unknown.cause as ZodError).issues).toMatchObject([
      { path: ['regionCode'], message: 'no region has the code "410105999"' },
    ]);
    const level = await rejectionOf(
      registry.caller.stations.upsert(station('st-2', { regionCode: '410105' })),
    );
    expect((level.cause as ZodError).issues[0]?.path).toEqual(['regionCode']);

    const uscc = await rejectionOf(
      registry.caller.operators.upsert({ ...OPERATOR, unifiedSocialCreditCode: '52410105MJ0000001Q' }),
    );
    expect(uscc.code).toBe('BAD_REQUEST');
    expect((uscc.cause as ZodError).issues[0]).toMatchObject({
      path: ['unifiedSocialCreditCode'],
      message: expect.stringContaining('check character should be P'),
    });

    // a check only the database can make: the operator must exist
    const operator = await rejectionOf(
      registry.caller.stations.upsert(station('st-2', { operatorId: 'op-none' })),
    );
    expect(operator.code).toBe('BAD_REQUEST');
    expect(operator.cause).toBeInstanceOf(DomainError);
    expect((operator.cause as DomainError).path).toEqual(['operatorId']);

    expect(await counts(registry)).toEqual(before);
  });

  it('answers over HTTP with 400 and the field, 404 for an unknown station', async () => {
    await using registry = await startRegistry();
    const { server, url } = await listen(registry.service.app, 0);
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${url}/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const bad = await post('stations.upsert', station('st-x', { regionCode: '410105999' }));
      expect(bad.status).toBe(400);
      const badBody = (await bad.json()) as { error: { data: { issues: unknown } } };
      expect(badBody.error.data.issues).toEqual([
        {
          path: ['regionCode'],
          message: 'no region has the code "410105999"',
          // What it was without its wording, for a console to word it: a custom rule, no value echoed.
          issue: { code: 'custom' },
        },
      ]);

      const missing = await fetch(
        `${url}/trpc/stations.get?input=${encodeURIComponent(JSON.stringify({ id: 'nope' }))}`,
      );
      expect(missing.status).toBe(404);
      const missingBody = (await missing.json()) as { error: { data: { domain: unknown } } };
      expect(missingBody.error.data.domain).toMatchObject({ code: 'STATION_NOT_FOUND', path: ['id'] });

      expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ service: 'registry', ok: true });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('lists every station exactly once through the cursor, filtered by region and status', async () => {
    await using registry = await startRegistry();
    const jinshui = Array.from({ length: 14 }, (_, i) => station(`st-${String(i).padStart(2, '0')}`));
    const erqi = Array.from({ length: 9 }, (_, i) =>
      station(`st-${String(i + 14).padStart(2, '0')}`, { regionCode: '410103001', status: 'operating' }),
    );
    await registry.caller.stations.upsertMany({ items: [...erqi, ...jinshui] });

    const pageThrough = async (query: { regionCode?: string; status?: 'operating' }) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await registry.caller.stations.list({ ...query, limit: 5, ...(cursor && { cursor }) });
        seen.push(...page.items.map((s) => s.id));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor);
      return { seen, pages };
    };
    const all = await pageThrough({});
    expect(all.pages).toBe(5);
    expect(all.seen).toHaveLength(23);
    expect(new Set(all.seen).size).toBe(23);
    expect(all.seen).toEqual([...jinshui, ...erqi].map((s) => s.id).sort());

    expect((await pageThrough({ regionCode: '410105' })).seen).toEqual(jinshui.map((s) => s.id));
    expect((await pageThrough({ regionCode: '4101' })).seen).toHaveLength(23); // Zhengzhou, short spelling
    expect((await pageThrough({ regionCode: '410103001' })).seen).toEqual(erqi.map((s) => s.id));
    expect((await pageThrough({ regionCode: '420000' })).seen).toEqual([]);
    expect((await pageThrough({ status: 'operating' })).seen).toEqual(erqi.map((s) => s.id));

    const unknown = await rejectionOf(registry.caller.stations.list({ regionCode: '419999' }));
    expect((unknown.cause as DomainError).path).toEqual(['regionCode']);
    const cursor = await rejectionOf(registry.caller.stations.list({ cursor: 'garbage' }));
    expect((cursor.cause as DomainError).path).toEqual(['cursor']);
  });

  it('writes a batch all or nothing, naming the bad row', async () => {
    await using registry = await startRegistry();
    await registry.caller.operators.upsert(OPERATOR);
    const items = [station('b-0'), station('b-1'), station('b-2'), station('b-3')];
    const before = await counts(registry);

    // Refused on its face: nothing reaches the database.
    const bad = items.map((s, i) => (i === 2 ? { ...s, regionCode: '410105999' } : s));
    const viaRouter = await rejectionOf(registry.caller.stations.upsertMany({ items: bad }));
    expect((viaRouter.cause as ZodError).issues[0]?.path).toEqual(['items', 2, 'regionCode']);
    const direct = await upsertStations(registry.db, { items: bad }).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(DomainError);
    expect((direct as DomainError).path).toEqual(['items', 2, 'regionCode']);
    expect((direct as DomainError).message).toBe('items[2].regionCode: no region has the code "410105999"');

    // Refused by the database half-way: rows 0 and 1 were written, then rolled back with their events.
    const late = items.map((s, i) =>
      i === 2 ? { ...s, operatorId: 'op-none' } : { ...s, operatorId: OPERATOR.id },
    );
    const rolledBack = await rejectionOf(registry.caller.stations.upsertMany({ items: late }));
    expect((rolledBack.cause as DomainError).path).toEqual(['items', 2, 'operatorId']);
    expect(rolledBack.message).toMatch(/^items\[2\]\.operatorId: no operator has the id "op-none"/);

    expect(await counts(registry)).toEqual(before);
    await registry.caller.stations.upsertMany({ items });
    expect((await counts(registry)).stations).toBe(4);
  });

  it('enforces the lifecycle, records each change and emits it', async () => {
    await using registry = await startRegistry();
    await registry.caller.stations.upsert(station('st-1'));
    const change = (to: 'planned' | 'building' | 'operating' | 'suspended' | 'closed', on: string) =>
      registry.caller.stations.changeStatus({ stationId: 'st-1', to, on });

    const skip = await rejectionOf(change('operating', '2021-03-01'));
    expect(skip.code).toBe('CONFLICT');
    expect(skip.message).toBe(
      'station st-1 cannot go from planned to operating: from planned it can go to building or closed',
    );
    expect((skip.cause as DomainError).details).toMatchObject({ from: 'planned', to: 'operating' });

    await change('building', '2021-03-01');
    await change('operating', '2021-06-01');
    await change('suspended', '2022-01-10');
    // an upsert may move the status too, by the same rules
    const resumed = await registry.caller.stations.upsert(
      station('st-1', { status: 'operating', statusChangedOn: '2022-02-01' }),
    );
    expect(resumed).toMatchObject({ status: 'operating', statusSince: '2022-02-01' });
    const viaUpsert = await rejectionOf(
      registry.caller.stations.upsert(station('st-1', { status: 'planned' })),
    );
    expect(viaUpsert.code).toBe('CONFLICT');
    expect((viaUpsert.cause as DomainError).path).toEqual(['status']);
    await change('closed', '2023-12-31');
    const reopen = await rejectionOf(change('operating', '2024-01-01'));
    expect(reopen.message).toContain('closed is final');
    const missing = await rejectionOf(
      registry.caller.stations.changeStatus({ stationId: 'nope', to: 'closed', on: '2024-01-01' }),
    );
    expect(missing.code).toBe('NOT_FOUND');

    const events = (await outbox(registry)).filter((e) => e.type === 'station.status-changed.v1');
    expect(events.map((e) => (e.payload as { data: { from: string; to: string; on: string } }).data)).toEqual(
      [
        { stationId: 'st-1', from: 'planned', to: 'building', on: '2021-03-01' },
        { stationId: 'st-1', from: 'building', to: 'operating', on: '2021-06-01' },
        { stationId: 'st-1', from: 'operating', to: 'suspended', on: '2022-01-10' },
        { stationId: 'st-1', from: 'suspended', to: 'operating', on: '2022-02-01' },
        { stationId: 'st-1', from: 'operating', to: 'closed', on: '2023-12-31' },
      ],
    );
    const history = await registry.db
      .selectFrom('station_status_changes')
      .select(['to_status'])
      .orderBy('seq')
      .execute();
    expect(history.map((h) => h.to_status)).toEqual([
      'building',
      'operating',
      'suspended',
      'operating',
      'closed',
    ]);
  });

  it('lists the institutions a station lacks, with citations', async () => {
    await using registry = await startRegistry();
    await registry.caller.stations.upsert(
      station('st-1', { institutions: ['organization-chart', 'complaints'] }),
    );
    const gap = await registry.caller.stations.institutionsGap({ stationId: 'st-1' });
    expect(gap.inPlace.map((i) => i.id)).toEqual(['organization-chart', 'complaints']);
    expect(gap.missing).toHaveLength(10);
    expect(gap.missing[0]).toMatchObject({
      id: 'operating-procedures',
      citation: expect.stringMatching(/^ZZ §4\.3/),
    });
  });
});

describe('operators', () => {
  async function withOperator(registry: Registry, overrides: object = {}) {
    return registry.caller.operators.upsert({ ...OPERATOR, ...overrides });
  }

  it('records an operator whose business scope lacks social work, with an error finding [ZZ §4.1]', async () => {
    await using registry = await startRegistry();
    expect((await withOperator(registry)).findings).toEqual([]);
    const saved = await withOperator(registry, { businessScopeIncludesSocialWork: false });
    expect(saved.findings).toMatchObject([
      { ruleId: 'operator.business-scope', severity: 'error', citation: 'ZZ §4.1, PY §4.1' },
    ]);
    expect(await registry.caller.operators.get({ id: OPERATOR.id })).toEqual(saved);
    expect((await registry.caller.operators.list()).items).toHaveLength(1);
  });

  it('checks an imported operator against the rating rule of every jurisdiction it runs a station in [ZZ §4.1]', async () => {
    await using registry = await startRegistry();
    const imported = { origin: 'imported', rating: '2A' } as const;
    // Not yet running a station anywhere: no jurisdiction's rule applies.
    expect((await withOperator(registry, imported)).findings).toEqual([]);
    // Wuhan's documents set no rating for imported operators: a station in 新洲区 adds nothing.
    const xinzhou = townshipsOf('420117')[0]?.code as string;
    await registry.caller.stations.upsert(station('st-xz', { regionCode: xinzhou, operatorId: OPERATOR.id }));
    expect((await registry.caller.operators.get({ id: OPERATOR.id })).findings).toEqual([]);
    // A station in 金水区 brings Zhengzhou's rule: 3A or above (以上 includes 3A).
    await registry.caller.stations.upsert(station('st-js', { operatorId: OPERATOR.id }));
    const found = await registry.caller.operators.get({ id: OPERATOR.id });
    expect(found.findings).toMatchObject([
      {
        ruleId: 'operator.imported-rating',
        severity: 'error',
        citation: 'ZZ §4.1',
        subject: { kind: 'operator', id: OPERATOR.id },
      },
    ]);
    expect((await registry.caller.operators.list()).items[0]?.findings).toEqual(found.findings);
    expect((await withOperator(registry, { ...imported, rating: '3A' })).findings).toEqual([]);
    expect((await withOperator(registry, { origin: 'local', rating: null })).findings).toEqual([]);
  });

  it('refuses a second operator with the same credit code (409)', async () => {
    await using registry = await startRegistry();
    await withOperator(registry);
    const duplicate = await rejectionOf(withOperator(registry, { id: 'op-other' }));
    expect(duplicate.code).toBe('CONFLICT');
    expect((duplicate.cause as DomainError).details).toEqual({ existingOperatorId: OPERATOR.id });
  });
});
