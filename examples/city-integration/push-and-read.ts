/**
 * A city system integrating with Shegong Hub (郑州市's, here): push the operator, stations and resident
 * workers of 中原区, a month of service records, then read 中原区's summary back — through the REST API,
 * with the typed client of `@shegong/sdk`. Safe to run twice: the same ids update in place and the same
 * Idempotency-Keys replay.
 *
 *   pnpm start                                   # in another terminal: the hub with demo data
 *   pnpm --filter @shegong/example-city-integration start
 *
 * HUB_URL (default http://127.0.0.1:4100) and HUB_API_KEY (default: the demo's Zhengzhou key, read from
 * .cache/hub/demo-api-keys.json) say where and who.
 */
import { existsSync, readFileSync } from 'node:fs';
import { residentIdCheckCharacter, usccCheckCharacter } from '@shegong/identifiers';
import { createHubClient, type Problem } from '@shegong/sdk';

const HUB_URL = process.env.HUB_URL ?? 'http://127.0.0.1:4100';
const MONTH = process.env.MONTH ?? '2026-11';
const COUNTY = '410102'; // 中原区, 郑州市
const TOWNSHIPS = ['410102001', '410102002', '410102003']; // 林山寨、建设路、棉纺路街道
const ROOMS = ['office', 'casework', 'group-activity'] as const; // [ZZ §4.2]

const hub = createHubClient({ baseUrl: HUB_URL, apiKey: apiKey() });

function apiKey(): string {
  if (process.env.HUB_API_KEY) return process.env.HUB_API_KEY;
  const file = new URL('../../.cache/hub/demo-api-keys.json', import.meta.url);
  if (!existsSync(file)) fail('set HUB_API_KEY, or start the hub with `pnpm start` so the demo keys exist');
  const keys = JSON.parse(readFileSync(file, 'utf8')) as Array<{ regionCode: string; key: string }>;
  return keys.find((k) => k.regionCode === '410100')?.key ?? fail('no Zhengzhou key in the demo keys');
}

function fail(message: string): never {
  console.error(`city-integration: ${message}`);
  process.exit(1);
}

/** Stops on an error answer, printing the problem the hub sent (every bad field and row is named). */
function ok<T>(step: string, answer: { data?: T; error?: Problem | unknown }): T {
  if (answer.error !== undefined || answer.data === undefined) {
    const problem = answer.error as Problem;
    console.error(`${step}: ${problem.status} ${problem.code}: ${problem.detail}`);
    for (const e of problem.errors ?? []) console.error(`  ${e.path}: ${e.message}`);
    for (const row of problem.rows ?? [])
      for (const e of row.errors) console.error(`  ${e.path}: ${e.message}`);
    process.exit(1);
  }
  return answer.data;
}

const operatorBody = `52${COUNTY}MJ7700001`;
const operators = ok(
  'operators',
  await hub.PUT('/operators', {
    body: {
      items: [
        {
          id: 'op-zy-1',
          name: '郑州市中原区同心社会工作服务中心',
          unifiedSocialCreditCode: operatorBody + usccCheckCharacter(operatorBody),
          businessScopeIncludesSocialWork: true,
          rating: '4A',
          origin: 'local',
        },
      ],
    },
  }),
);
console.log(`operators: ${operators.accepted} stored`);

const stations = ok(
  'stations',
  await hub.PUT('/stations', {
    body: {
      items: TOWNSHIPS.map((code) => ({
        id: `zy-${code}`,
        name: `${code} 社工站`,
        regionCode: code,
        type: 'township-station' as const,
        operatorId: 'op-zy-1',
        projectStartOn: '2026-01-01',
        status: 'operating' as const,
        statusChangedOn: '2026-01-05',
        facilities: {
          officeM2: 18,
          activityM2: 60,
          rooms: [...ROOMS],
          equipment: ['办公桌椅', '电脑', '档案柜'],
        },
      })),
    },
  }),
);
console.log(`stations: ${stations.accepted} stored — ${stations.items.map((s) => s.signageName).join('、')}`);

const workers = ok(
  'workers',
  await hub.PUT('/workers', {
    body: {
      items: TOWNSHIPS.flatMap((code, s) =>
        [0, 1].map((w) => {
          // 6-digit area, birth date 1992-03-1x, 3-digit sequence: 17 digits, then the check character.
          const body = `${COUNTY}1992031${s + 1}${s}${w}1`;
          return {
            id: `zy-w-${code}-${w}`,
            stationId: `zy-${code}`,
            role: w === 0 ? ('lead' as const) : ('resident' as const),
            name: w === 0 ? '陈静' : '李磊',
            appointedOn: '2026-01-10',
            education: 'bachelor' as const,
            socialWorkMajor: true,
            idNumber: body + residentIdCheckCharacter(body),
            phone: '13900000000',
          };
        }),
      ),
    },
  }),
);
console.log(
  `workers: ${workers.accepted} stored, ID numbers come back masked: ${workers.items[0]?.idNumberMasked}`,
);

// A month of service records, in batches of 100, each batch under its own Idempotency-Key.
const days = Number(new Date(Date.UTC(Number(MONTH.slice(0, 4)), Number(MONTH.slice(5, 7)), 0)).getUTCDate());
const items = ['1.1', '1.2', '1.3', '2.1', '3.1', '4.1'];
const populations = ['dibao', 'tekun', 'left-behind-elderly', 'rural-left-behind-child', 'disabled'];
const records = TOWNSHIPS.flatMap((code, s) =>
  Array.from({ length: days * 4 }, (_, i) => ({
    id: `${MONTH}-${i}`,
    stationId: `zy-${code}`,
    catalogId: 'zz-2021',
    itemRef: items[(i + s) % items.length] as string,
    populations: [populations[i % populations.length] as string],
    kind: (['case', 'group', 'activity', 'visit'] as const)[i % 4] as 'case',
    date: `${MONTH}-${String(1 + (i % days)).padStart(2, '0')}`,
    beneficiaries: 1 + (i % 12),
    hours: 1.5,
    volunteers: i % 3,
  })),
);
let stored = 0;
for (let b = 0; b * 100 < records.length; b++) {
  const batch = records.slice(b * 100, (b + 1) * 100);
  const result = ok(
    `service records batch ${b + 1}`,
    await hub.POST('/service-records', {
      params: { header: { 'idempotency-key': `zz-example-${COUNTY}-${MONTH}-${b}` } },
      body: { records: batch },
    }),
  );
  stored += result.accepted;
  // Progress on a terminal; a log gets the total only.
  if (process.stdout.isTTY)
    process.stdout.write(
      `\rservice records: ${Math.min((b + 1) * 100, records.length)} / ${records.length} sent`,
    );
}
if (process.stdout.isTTY) process.stdout.write('\n');
console.log(
  `service records: ${stored} accepted (a repeated run replays its keys: same answers, nothing written)`,
);

const summary = ok(
  'summary',
  await hub.GET('/regions/{code}/summary', { params: { path: { code: COUNTY }, query: { period: MONTH } } }),
);
console.log(`\n${summary.region.name} (${summary.region.code}), ${summary.period}`);
console.log(
  `  coverage    ${summary.coverage.coveredTownships} of ${summary.coverage.townships} townships have an operating station`,
);
console.log(
  `  compliance  ${summary.compliance.compliant} compliant, ${summary.compliance.nonCompliant} not, of ${summary.compliance.stations} operating stations`,
);
console.log(
  `  services    ${summary.services.totals.records} records, ${summary.services.totals.beneficiaries} beneficiaries, ${summary.services.totals.hours} hours`,
);
for (const row of summary.services.byDomain)
  console.log(`    ${row.domain.padEnd(20)} ${row.records} records`);
if (summary.budget)
  console.log(`  budget      ${summary.budget.contractCount} contracts in ${MONTH.slice(0, 4)}`);
