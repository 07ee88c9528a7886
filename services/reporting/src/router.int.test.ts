import { listen } from '@shegong/service-kit';
import { describe, expect, it } from 'vitest';
import { rowCounts, serviceRecord, startReporting, stationOpened } from './test-harness.ts';

interface TrpcError {
  error: {
    message: string;
    data: {
      code: string;
      httpStatus: number;
      domain: { code: string; path: Array<string | number>; details: Record<string, unknown> } | null;
      issues: Array<{ path: string[]; message: string }> | null;
    };
  };
}

/** The reporting service over real HTTP on a free port, with one operating Zhengzhou station. */
async function serve() {
  const reporting = await startReporting();
  await reporting.deliver(...stationOpened('st-jbl'));
  const { server, url } = await listen(reporting.service.app, 0);
  const call = async (method: 'GET' | 'POST', procedure: string, input: unknown) => {
    const response =
      method === 'GET'
        ? await fetch(`${url}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`)
        : await fetch(`${url}/trpc/${procedure}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(input),
          });
    return {
      status: response.status,
      body: (await response.json()) as TrpcError & { result?: { data: unknown } },
    };
  };
  return {
    reporting,
    url,
    call,
    async [Symbol.asyncDispose]() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await reporting[Symbol.asyncDispose]();
    },
  };
}

describe('the reporting API over HTTP', () => {
  it('answers health and a good ingest with 200', async () => {
    await using api = await serve();
    const health = await fetch(`${api.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ service: 'reporting', ok: true, database: 'ok' });
    const ok = await api.call('POST', 'serviceRecords.ingest', {
      idempotencyKey: 'k',
      records: [serviceRecord('r1')],
    });
    expect(ok).toEqual({
      status: 200,
      body: { result: { data: { idempotencyKey: 'k', received: 1, accepted: 1, rejected: [] } } },
    });
    const rollup = await api.call('GET', 'rollups.services', { regionCode: '410100', period: '2023-03' });
    expect(rollup.status).toBe(200);
    expect(rollup.body.result?.data).toMatchObject({ totals: { records: 1, hours: 2 } });
  });

  it('refuses a batch with a bad row with 400, the row’s field path and every rejected row', async () => {
    await using api = await serve();
    const { status, body } = await api.call('POST', 'serviceRecords.ingest', {
      idempotencyKey: 'k',
      records: [
        serviceRecord('r0'),
        serviceRecord('r1'),
        serviceRecord('r2'),
        serviceRecord('r3', { stationId: 'st-none' }),
        serviceRecord('r4', { kind: 'party' as 'case' }),
      ],
    });
    expect(status).toBe(400);
    expect(body.error.data.domain).toMatchObject({
      code: 'SERVICE_RECORDS_REJECTED',
      path: ['records', 3, 'stationId'],
      details: {
        rejected: [
          { index: 3, id: 'r3', errors: [{ path: 'records[3].stationId', code: 'STATION_NOT_FOUND' }] },
          { index: 4, id: 'r4', errors: [{ path: 'records[4].kind', code: 'RECORD_FIELD_INVALID' }] },
        ],
      },
    });
    expect(await rowCounts(api.reporting.db)).toEqual({
      service_records: 0,
      service_rollups: 0,
      ingest_requests: 0,
    });
  });

  it('refuses malformed requests with 400 and the zod issue paths', async () => {
    await using api = await serve();
    const cases: Array<[string, 'GET' | 'POST', unknown, string[][]]> = [
      ['serviceRecords.ingest', 'POST', { idempotencyKey: 'k', records: 'r1' }, [['records']]],
      [
        'serviceRecords.ingest',
        'POST',
        { idempotencyKey: 'k', records: [null, 7] },
        [
          ['records', '0'],
          ['records', '1'],
        ],
      ],
      ['serviceRecords.ingest', 'POST', { idempotencyKey: '', records: [] }, [['idempotencyKey']]],
      ['serviceRecords.ingest', 'POST', { idempotencyKey: 'k', records: [], partial: 'yes' }, [['partial']]],
      ['rollups.services', 'GET', { regionCode: '410000', period: '2023-13' }, [['period']]],
      ['rollups.services', 'GET', { regionCode: '410000', period: '2023', by: 'kind' }, [['by']]],
      ['rollups.coverage', 'GET', { regionCode: '4' }, [['regionCode']]],
      ['compliance.reevaluate', 'POST', { regionCode: '410105', asOf: '2023-02-30' }, [['asOf']]],
      ['compliance.station', 'GET', {}, [['stationId']]],
    ];
    for (const [procedure, method, input, paths] of cases) {
      const { status, body } = await api.call(method, procedure, input);
      expect(status, `${procedure} ${JSON.stringify(input)}`).toBe(400);
      expect(body.error.data.issues?.map((i) => i.path)).toEqual(paths);
    }
  });

  it('answers 4xx naming the field for what only the domain can check, never 5xx', async () => {
    await using api = await serve();
    await api.call('POST', 'serviceRecords.ingest', { idempotencyKey: 'k', records: [serviceRecord('r1')] });
    const cases: Array<[string, 'GET' | 'POST', unknown, number, string, Array<string | number>]> = [
      [
        'rollups.services',
        'GET',
        { regionCode: '419999', period: '2023' },
        404,
        'REGION_NOT_FOUND',
        ['regionCode'],
      ],
      [
        'rollups.coverage',
        'GET',
        { regionCode: '410105001001' },
        400,
        'REGION_LEVEL_UNSUPPORTED',
        ['regionCode'],
      ],
      ['compliance.summary', 'GET', { regionCode: 'abcdef' }, 400, 'REGION_CODE_INVALID', ['regionCode']],
      ['compliance.station', 'GET', { stationId: 'st-none' }, 404, 'STATION_NOT_FOUND', ['stationId']],
      [
        'serviceRecords.ingest',
        'POST',
        { idempotencyKey: 'k', records: [serviceRecord('r1', { hours: 5 })] },
        409,
        'INGEST_KEY_CONFLICT',
        ['idempotencyKey'],
      ],
    ];
    for (const [procedure, method, input, status, code, path] of cases) {
      const response = await api.call(method, procedure, input);
      expect(response.status, `${procedure} ${JSON.stringify(input)}`).toBe(status);
      expect(response.body.error.data.domain).toMatchObject({ code, path });
    }
  });

  it('refuses text Postgres cannot store (NUL, an unpaired surrogate) with 400 on the field, not 500', async () => {
    await using api = await serve();
    const before = await rowCounts(api.reporting.db);
    const cases: Array<[unknown, string[]]> = [
      [{ idempotencyKey: 'k\u0000', records: [serviceRecord('r1')] }, ['idempotencyKey']],
      [
        { idempotencyKey: 'k', records: [serviceRecord('r1', { stationId: 'st\u0000jbl' })] },
        ['records', '0', 'stationId'],
      ],
      [
        {
          idempotencyKey: 'k',
          partial: true,
          records: [serviceRecord('r1'), serviceRecord('r\u00002', { itemRef: '9.9' })],
        },
        ['records', '1', 'id'],
      ],
      [
        { idempotencyKey: 'k', records: [serviceRecord('r1', { populations: ['dibao', 'x\ud800'] })] },
        ['records', '0', 'populations', '1'],
      ],
      [
        { idempotencyKey: 'k', partial: true, records: [serviceRecord('\udc00', { itemRef: '9.9' })] },
        ['records', '0', 'id'],
      ],
    ];
    for (const [input, path] of cases) {
      const { status, body } = await api.call('POST', 'serviceRecords.ingest', input);
      expect(status, JSON.stringify(input)).toBe(400);
      expect(body.error.data.issues?.map((i) => i.path)).toEqual([path]);
    }
    const station = await api.call('GET', 'compliance.station', { stationId: 'st\u0000jbl' });
    expect(station.status).toBe(400);
    const region = await api.call('GET', 'rollups.coverage', { regionCode: '4101\u0000' });
    expect(region.status).toBeGreaterThanOrEqual(400);
    expect(region.status).toBeLessThan(500);
    expect(await rowCounts(api.reporting.db)).toEqual(before);
  });
});
