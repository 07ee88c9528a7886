import { can, canReachStation, withinJurisdiction } from '@shegong/access';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  actors,
  FIXTURES,
  type Fixture,
  operatorInput,
  seed,
  serviceRecord,
  stationInput,
  workerInput,
} from './fixtures.ts';
import { type Hub, startHub } from './hub.ts';

/** The REST API for city systems, over HTTP as a city system calls it. */

let hub: Hub;
let everyone: Actor[];
let zz: Actor; // Zhengzhou's city system
beforeAll(async () => {
  hub = await startHub();
  await seed(hub);
  everyone = await actors(hub);
  zz = everyone.find((a) => a.name === 'zhengzhou city system') as Actor;
}, 120_000);
afterAll(async () => {
  await hub?.[Symbol.asyncDispose]();
});

interface Answer {
  status: number;
  type: string;
  body: Record<string, unknown>;
  headers: Headers;
}

async function api(
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; headers?: Record<string, string>; as?: Actor | null } = {},
): Promise<Answer> {
  const actor = options.as === undefined ? zz : options.as;
  const response = await fetch(`${hub.url}/api/v1${path}`, {
    method,
    headers: {
      ...(actor?.headers ?? {}),
      ...(options.body !== undefined || options.raw !== undefined
        ? { 'content-type': 'application/json' }
        : {}),
      ...options.headers,
    },
    ...(options.raw !== undefined
      ? { body: options.raw }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: response.headers,
  };
}

const ZZ_NEW = {
  ...FIXTURES.jsy,
  station: 'st-new-1',
  township: '410105003',
  worker: 'w-new-1',
} satisfies Fixture;

describe('REST API', () => {
  it('serves its OpenAPI 3.1 document and a docs page that loads from this server alone', async () => {
    const doc = (await (await fetch(`${hub.url}/openapi.json`)).json()) as { openapi: string; paths: object };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/service-records');
    const page = await (await fetch(`${hub.url}/docs`)).text();
    expect(page).toContain('/openapi.json');
    for (const asset of page.matchAll(/(?:src|href)="(\/docs\/[^"]+)"/g)) {
      const res = await fetch(`${hub.url}${asset[1]}`);
      expect(res.status, asset[1]).toBe(200);
    }
  });

  it('writes a batch of stations all or nothing, naming every bad row in problem+json', async () => {
    const before = await hub.fingerprint();
    const bad = await api('PUT', '/stations', {
      body: {
        items: [
          stationInput(ZZ_NEW),
          { ...stationInput(ZZ_NEW), id: 'st-new-2', regionCode: '410105999' },
          { ...stationInput(ZZ_NEW), id: 'st-new-3', type: 'palace' },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body.code).toBe('BATCH_REJECTED');
    const rows = bad.body.rows as Array<{ index: number; errors: Array<{ path: string }> }>;
    expect(rows.map((r) => [r.index, r.errors[0]?.path])).toEqual([
      [1, 'items[1].regionCode'],
      [2, 'items[2].type'],
    ]);
    await hub.settle();
    expect(await hub.fingerprint()).toBe(before);

    const good = await api('PUT', '/stations', { body: { items: [stationInput(ZZ_NEW)] } });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ received: 1, accepted: 1, rejected: [] });
    expect((good.body.items as Array<{ signageName: string }>)[0]?.signageName).toBe(
      '人民路街道社会工作服务站',
    );
  });

  it('with partial, stores the good rows and lists the refused ones: bad fields and stations outside the city', async () => {
    const answer = await api('PUT', '/stations', {
      body: {
        partial: true,
        items: [
          { ...stationInput(ZZ_NEW), id: 'st-new-4', regionCode: '410105004' },
          stationInput(FIXTURES.wh), // a Wuhan station: outside Zhengzhou
          { ...stationInput(ZZ_NEW), id: 'st-new-5', regionCode: 'x' },
        ],
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(1);
    const rejected = answer.body.rejected as Array<{
      index: number;
      errors: Array<{ path: string; code: string }>;
    }>;
    expect(rejected.map((r) => [r.index, r.errors[0]?.path, r.errors[0]?.code])).toEqual([
      [1, 'items[1].regionCode', 'OUT_OF_JURISDICTION'],
      [2, 'items[2].regionCode', 'FIELD_INVALID'],
    ]);
  });

  it('takes service records once per Idempotency-Key: a repeat returns the first result and writes nothing', async () => {
    const records = [serviceRecord(FIXTURES.jsy, 'rest-r1'), serviceRecord(FIXTURES.jsy, 'rest-r2')];
    const missing = await api('POST', '/service-records', { body: { records } });
    expect(missing.status).toBe(400);
    expect((missing.body.errors as Array<{ path: string }>)[0]?.path).toBe('header.idempotency-key');

    const first = await api('POST', '/service-records', {
      body: { records },
      headers: { 'idempotency-key': 'zz-2024-03-a' },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ received: 2, accepted: 2, rejected: [] });
    const before = await hub.fingerprint();
    const again = await api('POST', '/service-records', {
      body: { records },
      headers: { 'idempotency-key': 'zz-2024-03-a' },
    });
    expect(again.body).toEqual(first.body);
    expect(await hub.fingerprint()).toBe(before);

    const changed = await api('POST', '/service-records', {
      body: { records: records.slice(0, 1) },
      headers: { 'idempotency-key': 'zz-2024-03-a' },
    });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('INGEST_KEY_CONFLICT');

    const foreign = await api('POST', '/service-records', {
      body: { records: [serviceRecord(FIXTURES.jsy, 'rest-r3'), serviceRecord(FIXTURES.py, 'rest-r4')] },
      headers: { 'idempotency-key': 'zz-2024-03-b' },
    });
    expect(foreign.status).toBe(400);
    expect((foreign.body.rows as Array<{ index: number }>).map((r) => r.index)).toEqual([1]);
    expect(await hub.fingerprint()).toBe(before);

    // a bulk load: the rollups count the rows behind the call; an unknown mode is refused, naming it
    const unknown = await api('POST', '/service-records', {
      body: { records: [serviceRecord(FIXTURES.jsy, 'rest-r5')], rollups: 'later' },
      headers: { 'idempotency-key': 'zz-2024-03-c' },
    });
    expect(unknown.status).toBe(400);
    expect((unknown.body.errors as Array<{ path: string }>)[0]?.path).toBe('body.rollups');
    const background = await api('POST', '/service-records', {
      body: { records: [serviceRecord(FIXTURES.jsy, 'rest-r5')], rollups: 'background' },
      headers: { 'idempotency-key': 'zz-2024-03-c' },
    });
    expect(background.status).toBe(200);
    expect(background.body).toMatchObject({ received: 1, accepted: 1, rejected: [] });

    // A full batch naming 10,000 different stations: one lookup of them all, every row answered.
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      ...serviceRecord(FIXTURES.jsy, `bulk-${i}`),
      stationId: `st-unknown-${String(i).padStart(5, '0')}`,
    }));
    const bulk = await api('POST', '/service-records', {
      body: { records: many, partial: true },
      headers: { 'idempotency-key': 'zz-bulk-unknown' },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body).toMatchObject({ received: 10_000, accepted: 0 });
    expect((bulk.body.rejected as unknown[]).length).toBe(10_000);
  });

  it('summarises a region from its rollups, inside the jurisdiction only', async () => {
    const summary = await api('GET', '/regions/410100/summary?period=2024-03');
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      region: { code: '410100', name: '郑州市', level: 'city' },
      period: '2024-03',
    });
    const coverage = summary.body.coverage as { operatingStations: number };
    expect(coverage.operatingStations).toBeGreaterThanOrEqual(3);
    const services = summary.body.services as { totals: { records: number }; byDomain: unknown[] };
    expect(services.totals.records).toBeGreaterThanOrEqual(2);
    expect(services.byDomain.length).toBeGreaterThan(0);
    expect((summary.body.budget as { contractCount: number }).contractCount).toBeGreaterThan(0);

    const wuhan = await api('GET', '/regions/420100/summary?period=2024-03');
    expect(wuhan.status).toBe(403);
    expect(wuhan.body.code).toBe('OUT_OF_JURISDICTION');
    const badPeriod = await api('GET', '/regions/410100/summary?period=March');
    expect(badPeriod.status).toBe(400);
    expect((badPeriod.body.errors as Array<{ path: string }>)[0]?.path).toBe('query.period');
  });

  it('pages through stations with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api(
        'GET',
        `/stations?regionCode=410100&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...(page.body.items as Array<{ id: string }>).map((s) => s.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(['st-jsy', 'st-jsy2', 'st-eq']));
    expect(seen).not.toContain('st-py');
  });

  it('answers every failure as problem+json: no key, bad key, unknown route, bad JSON, a body over 10 MB', async () => {
    const cases: Array<[Answer, number, string]> = [
      [await api('GET', '/stations', { as: null }), 401, 'UNAUTHENTICATED'],
      [
        await api('GET', '/stations', { as: null, headers: { 'x-api-key': 'sgk_nobody_xxx' } }),
        401,
        'UNAUTHENTICATED',
      ],
      [await api('GET', '/nowhere'), 404, 'ROUTE_NOT_FOUND'],
      [await api('PUT', '/stations', { raw: '{"items": [' }), 400, 'BODY_INVALID'],
      [
        await api('PUT', '/stations', { raw: JSON.stringify({ items: ['x'.repeat(11 * 1024 * 1024)] }) }),
        413,
        'BODY_TOO_LARGE',
      ],
    ];
    for (const [answer, status, code] of cases) {
      expect(answer.status, code).toBe(status);
      expect(answer.type, code).toContain('application/problem+json');
      expect(answer.body.code, code).toBe(code);
      expect(typeof answer.body.detail, code).toBe('string');
    }
  });

  it('endpoints × roles × own / other jurisdiction: allowed exactly where the rules allow', async () => {
    const outcomes: string[] = [];
    let n = 0;
    for (const actor of everyone) {
      for (const side of ['own', 'other'] as const) {
        const fx = actor[side];
        const p = actor.principal;
        const station = { id: fx.station, regionCode: fx.township, operatorId: fx.operator };
        const checks: Array<[string, () => Promise<Answer>, boolean]> = [
          [
            'PUT /stations',
            () => api('PUT', '/stations', { as: actor, body: { items: [stationInput(fx)] } }),
            can(p, 'stations.write') && canReachStation(p, station, 'write'),
          ],
          [
            'PUT /workers',
            () => api('PUT', '/workers', { as: actor, body: { items: [workerInput(fx, 7)] } }),
            can(p, 'workers.write') && canReachStation(p, station, 'write'),
          ],
          [
            'PUT /operators',
            () => api('PUT', '/operators', { as: actor, body: { items: [operatorInput(fx.operator, 0)] } }),
            can(p, 'operators.write'),
          ],
          [
            'POST /service-records',
            () =>
              api('POST', '/service-records', {
                as: actor,
                body: { records: [serviceRecord(fx, `m-${n}`)] },
                headers: { 'idempotency-key': `m-${n++}` },
              }),
            can(p, 'service-records.write') && canReachStation(p, station, 'write'),
          ],
          [
            'GET /stations',
            () => api('GET', `/stations?regionCode=${fx.township}`, { as: actor }),
            can(p, 'stations.read') && withinJurisdiction(p, fx.township),
          ],
          [
            'GET summary',
            () => api('GET', `/regions/${fx.county}/summary?period=2024`, { as: actor }),
            can(p, 'summaries.read') && withinJurisdiction(p, fx.county),
          ],
        ];
        for (const [name, run, allowed] of checks) {
          const answer = await run();
          const refused =
            answer.status === 403 ||
            (answer.status === 404 && /jurisdiction/.test(String(answer.body.detail))) ||
            (answer.status === 400 &&
              /jurisdiction/.test(JSON.stringify(answer.body.rows ?? answer.body.detail)));
          if (allowed === refused)
            outcomes.push(
              `${name} × ${actor.name} × ${side}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`,
            );
        }
      }
    }
    expect(outcomes).toEqual([]);
  }, 300_000);

  it('property: malformed bodies get a 4xx problem (or, with partial, every row refused), never a 5xx, and write nothing', async () => {
    await hub.settle();
    const before = await hub.fingerprint();
    const anything = fc.oneof(
      fc.jsonValue(),
      fc.record({ items: fc.array(fc.jsonValue(), { maxLength: 5 }), partial: fc.boolean() }),
      fc.record({ records: fc.array(fc.jsonValue(), { maxLength: 5 }) }),
      fc.record({
        items: fc.array(
          fc.record({
            id: fc.string(),
            regionCode: fc.string(),
            type: fc.string(),
            name: fc.string(),
            stationId: fc.string(),
            idNumber: fc.string(),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/stations', '/workers', '/operators', '/service-records'),
        anything,
        async (path, body) => {
          const answer = await api(path === '/service-records' ? 'POST' : 'PUT', path, {
            body,
            headers: { 'idempotency-key': `fuzz-${Math.random()}` },
          });
          // With partial: true a batch of nothing but bad rows is answered 200, every row listed as refused.
          if (answer.status === 200) {
            expect(answer.body.accepted, JSON.stringify(body)).toBe(0);
            expect((answer.body.rejected as unknown[]).length).toBe(answer.body.received);
            return;
          }
          expect(answer.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
          expect(answer.status, JSON.stringify(body)).toBeLessThan(500);
          expect(answer.type).toContain('application/problem+json');
        },
      ),
      { numRuns: 150 },
    );
    await hub.settle();
    expect(await hub.fingerprint()).toBe(before);
  }, 120_000);
});

describe('rate limit', () => {
  it('answers 429 problem+json with Retry-After past the per-caller limit', async () => {
    await using limited = await startHub({ rateLimitPerMinute: 5 });
    const { key } = await limited.gateway.createApiClient({ name: 'zz', regionCode: '410100' });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 7; i++) {
      last = await fetch(`${limited.url}/api/v1/stations`, { headers: { 'x-api-key': key } });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(last?.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another caller is not held back by the first one's traffic.
    const other = await limited.gateway.createApiClient({ name: 'py', regionCode: '410900' });
    expect(
      (await fetch(`${limited.url}/api/v1/stations`, { headers: { 'x-api-key': other.key } })).status,
    ).toBe(200);
  });
});
