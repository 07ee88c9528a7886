import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, actors, seed } from './fixtures.ts';
import { type Hub, startHub } from './hub.ts';

/** The periodic-report workflow and its XLSX/JSON export over REST, as a county or city system calls it. */

let hub: Hub;
let county: Actor; // 金水区 civil affairs
let city: Actor; // 郑州市 civil affairs
let otherCity: Actor; // 濮阳市
let province: Actor; // 河南省
beforeAll(async () => {
  hub = await startHub();
  await seed(hub);
  const everyone = await actors(hub);
  const named = (name: string) => everyone.find((a) => a.name === name) as Actor;
  county = named('jinshui county');
  city = named('zhengzhou city (PII)');
  otherCity = named('puyang city');
  province = named('henan province');
}, 120_000);
afterAll(async () => {
  await hub?.[Symbol.asyncDispose]();
});

interface Answer {
  status: number;
  type: string;
  headers: Headers;
  body: Record<string, unknown>;
  bytes: Uint8Array;
}

async function api(method: string, path: string, as: Actor, body?: unknown): Promise<Answer> {
  const response = await fetch(`${hub.url}/api/v1${path}`, {
    method,
    headers: { ...as.headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  const json = type.includes('json') && bytes.length > 0;
  return {
    status: response.status,
    type,
    headers: response.headers,
    body: json ? (JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>) : {},
    bytes,
  };
}

const REF = '/reports/410105/410105-county-quarterly-report-2024-Q3';

describe('reports over REST', () => {
  it('walks a quarterly report from draft to approval, refusing bad steps with problems that name the field', async () => {
    const draft = await api('POST', '/reports', county, {
      definitionId: 'county-quarterly-report',
      unitRegionCode: '410105',
      period: '2024-Q3',
      narrative: '三季度各站点运营平稳。',
    });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      id: '410105-county-quarterly-report-2024-Q3',
      status: 'draft',
      unitName: '金水区',
      period: { key: '2024-Q3', start: '2024-07-01', end: '2024-09-30' },
    });
    const computed = (draft.body.figures as { services: { beneficiaries: number } }).services.beneficiaries;

    const noReason = await api('POST', `${REF}/corrections`, county, {
      path: 'services.beneficiaries',
      value: computed + 5,
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.type).toContain('application/problem+json');
    expect(JSON.stringify(noReason.body)).toContain('reason');
    const badPeriod = await api('POST', '/reports', county, {
      definitionId: 'county-quarterly-report',
      unitRegionCode: '410105',
      period: '2024-07',
    });
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.code).toBe('REPORT_PERIOD_INVALID');

    const corrected = await api('POST', `${REF}/corrections`, county, {
      path: 'services.beneficiaries',
      value: computed + 5,
      reason: '5 人次的纸质台账尚未录入',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.corrections).toEqual([
      expect.objectContaining({ path: 'services.beneficiaries', computed, value: computed + 5 }),
    ]);

    expect((await api('POST', `${REF}/submit`, county)).body).toMatchObject({ status: 'submitted' });
    // The county cannot approve its own report; a city of another jurisdiction cannot even read it.
    expect((await api('POST', `${REF}/approve`, county)).status).toBe(403);
    expect((await api('GET', REF, otherCity)).status).toBe(403);
    expect((await api('POST', `${REF}/return`, city, {})).status).toBe(400);
    const returned = await api('POST', `${REF}/return`, city, { reason: '请说明服务人次更正依据' });
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: '请说明服务人次更正依据' });
    // Submitting a returned report without drafting it again is a conflict, not a silent success.
    const conflict = await api('POST', `${REF}/submit`, county);
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('REPORT_STATUS_CONFLICT');

    await api('POST', '/reports', county, {
      definitionId: 'county-quarterly-report',
      unitRegionCode: '410105',
      period: '2024-Q3',
    });
    await api('POST', `${REF}/submit`, county);
    const approved = await api('POST', `${REF}/approve`, city);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: city.principal.id, locked: true });

    // The province accepts what the city approved; the city cannot accept its own approval.
    expect((await api('POST', `${REF}/accept`, city)).status).toBe(403);
    const accepted = await api('POST', `${REF}/accept`, province);
    expect(accepted.body).toMatchObject({ status: 'approved', acceptedBy: province.principal.id });
    expect((await api('POST', `${REF}/accept`, province)).status).toBe(409);

    const listed = await api('GET', '/reports?regionCode=410100&period=2024-Q3', city);
    expect((listed.body.items as Array<{ id: string; status: string }>).map((r) => [r.id, r.status])).toEqual(
      [['410105-county-quarterly-report-2024-Q3', 'approved']],
    );
    expect((await api('GET', '/reports?regionCode=410900&period=2024-Q3', city)).status).toBe(403);
    const missing = await api('GET', '/reports/410105/410105-county-quarterly-report-1999-Q1', city);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('REPORT_NOT_FOUND');
  });

  it('reads completeness and timeliness of a region over REST, the same as tRPC', async () => {
    const rest = await api('GET', '/regions/410100/report-completeness?period=2024-Q3&overdueLimit=5', city);
    expect(rest.status).toBe(200);
    const trpc = await hub
      .client(city.headers)
      .reporting.reports.completeness.query({ regionCode: '410100', period: '2024-Q3', overdueLimit: 5 });
    expect(rest.body).toEqual(JSON.parse(JSON.stringify(trpc)));
    const jinshui = (rest.body.children as Array<{ regionCode: string; totals: { received: number } }>).find(
      (c) => c.regionCode === '410105',
    );
    expect(jinshui?.totals.received).toBeGreaterThanOrEqual(1);
    expect((rest.body.overdue as { items: unknown[] }).items.length).toBeLessThanOrEqual(5);
    expect((await api('GET', '/regions/410900/report-completeness?period=2024-Q3', city)).status).toBe(403);
    const bad = await api('GET', '/regions/410100/report-completeness?period=2024-Q5', city);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('period');
  });

  it('reads plan vs actual of a region over REST, the same as tRPC', async () => {
    const rest = await api('GET', '/regions/410100/plan-progress?asOf=2024-12-31&gapLimit=3', city);
    expect(rest.status).toBe(200);
    const trpc = await hub
      .client(city.headers)
      .reporting.plans.progress.query({ regionCode: '410100', asOf: '2024-12-31', gapLimit: 3 });
    expect(rest.body).toEqual(JSON.parse(JSON.stringify(trpc)));
    expect((rest.body.targets as unknown[]).length).toBeGreaterThan(0);
    expect((rest.body.gaps as { items: unknown[] }).items.length).toBeLessThanOrEqual(3);
    expect((await api('GET', '/regions/410900/plan-progress', city)).status).toBe(403);
    const talent = await api('GET', '/regions/410100/talent?asOf=2024-12-31', city);
    expect(talent.status).toBe(200);
    expect(talent.body).toEqual(
      JSON.parse(
        JSON.stringify(
          await hub
            .client(city.headers)
            .reporting.plans.talent.query({ regionCode: '410100', asOf: '2024-12-31' }),
        ),
      ),
    );
    expect((talent.body.targets as Array<{ status: string }>).map((t) => t.status)).not.toContain('missed');
    expect((await api('GET', '/regions/410100/plan-progress?asOf=2024-13-01', city)).status).toBe(400);
  });

  it('lists evaluations and renewal decisions over REST, for civil-affairs users in their jurisdiction', async () => {
    await hub.client(county.headers).reporting.evaluations.record.mutate({
      id: 'ev-rest-1',
      stationId: 'st-jsy2',
      kind: 'mid-term',
      conductedBy: 'county',
      evaluatorName: '第三方评估机构',
      period: { from: '2024-01-01', to: '2024-06-30' },
      decidedOn: '2024-07-05',
      vetoes: [{ id: 'veto.service-failed', evidence: ['督查通报'] }],
    });
    const listed = await api('GET', '/evaluations?regionCode=410105&period=2024-H2', county);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: 'ev-rest-1',
        stationId: 'st-jsy2',
        kind: 'mid-term',
        conductedBy: 'county',
        grade: 'fail',
        vetoes: ['veto.service-failed'],
      }),
    ]);
    expect((await api('GET', '/evaluations?regionCode=410105&period=2025', county)).body.items).toEqual([]);
    expect((await api('GET', '/evaluations?regionCode=410902', county)).status).toBe(403);
    expect((await api('GET', '/evaluations?regionCode=410105&period=2024-Q1', county)).status).toBe(400);
    const cadence = await api('GET', '/evaluations/cadence?regionCode=410105&year=2024', county);
    expect(cadence.status).toBe(200);
    expect(cadence.body).toEqual(
      JSON.parse(
        JSON.stringify(
          await hub
            .client(county.headers)
            .reporting.evaluations.cadence.query({ regionCode: '410105', year: 2024 }),
        ),
      ),
    );
    expect((await api('GET', '/evaluations/cadence?regionCode=410105', county)).status).toBe(400);
    const renewals = await api('GET', '/renewals?regionCode=410105', county);
    expect(renewals).toMatchObject({ status: 200, body: { items: [] } });
  });

  it('exports the approved report as the sheet a clerk files, and as JSON', async () => {
    const xlsx = await api('GET', `${REF}/export`, city);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toContain('spreadsheetml');
    const disposition = xlsx.headers.get('content-disposition') ?? '';
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('金水区-2024年第三季度-项目实施情况报告（季度）.xlsx');

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes.buffer as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const text = (row: number, col: number) => String(sheet.getRow(row).getCell(col).value ?? '');
    expect(text(1, 1)).toBe('金水区2024年第三季度项目实施情况报告（季度）');
    expect([text(2, 1), text(2, 2), text(2, 3)]).toEqual(['填报单位', '金水区（410105）', '报告期']);
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      rows.push([1, 2, 3, 4, 5].map((c) => String(row.getCell(c).value ?? '')));
    });
    const beneficiaries = rows.find((r) => r[1] === '服务人次');
    expect(beneficiaries?.[4]).toContain('5 人次的纸质台账尚未录入');
    expect(Number(beneficiaries?.[3])).toBe(Number(beneficiaries?.[2]) + 5);
    expect(rows.find((r) => r[0] === '审核签发人')?.[1]).toBe(city.principal.id);

    const json = await api('GET', `${REF}/export?format=json&locale=en`, county);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ format: 'shegong.report-export.v1', locale: 'en' });
    expect(json.body.report).toMatchObject({
      id: '410105-county-quarterly-report-2024-Q3',
      status: 'approved',
    });
    expect(json.body.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'services.beneficiaries', label: 'Beneficiaries' }),
      ]),
    );
    expect((await api('GET', `${REF}/export?format=pdf`, city)).status).toBe(400);
    expect((await api('GET', `${REF}/export`, otherCity)).status).toBe(403);
  });
});
