import { DomainError } from '@shegong/kernel';
import { getRegionAt } from '@shegong/regions';
import { createHubTrpcClient } from '@shegong/sdk';
import type { Command } from 'commander';
import { printRows } from '../output.ts';
import type { GlobalOptions } from '../program.ts';

/** Where the hub is and who asks: flags first, then the environment, then the local `pnpm start`. */
export interface HubOptions {
  hub?: string;
  token?: string;
  apiKey?: string;
  overdue?: string;
}

const DEFAULT_HUB = 'http://127.0.0.1:4100';
const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/;

type Client = ReturnType<typeof createHubTrpcClient>;
/** What `reporting.reports.completeness` answers, as the gateway types it. */
export type CompletenessAnswer = Awaited<ReturnType<Client['reporting']['reports']['completeness']['query']>>;

/**
 * The client of the hub the command talks to: `--hub` or `SHEGONG_HUB_URL` (default the local hub), signed
 * in with `--token` / `SHEGONG_TOKEN` (a bearer token from `auth.signIn`) or `--api-key` /
 * `SHEGONG_API_KEY` (a city system's key). The hub checks the jurisdiction; the CLI holds no data.
 * @throws DomainError `HUB_CREDENTIALS_MISSING` when neither is given
 */
export function hubClient(opts: HubOptions, env: NodeJS.ProcessEnv = process.env): Client {
  const url = opts.hub || env.SHEGONG_HUB_URL || DEFAULT_HUB;
  const token = opts.token || env.SHEGONG_TOKEN;
  const apiKey = opts.apiKey || env.SHEGONG_API_KEY;
  if (!token && !apiKey) {
    throw new DomainError(
      'HUB_CREDENTIALS_MISSING',
      'sign in first: set SHEGONG_TOKEN (a token from auth.signIn) or SHEGONG_API_KEY (a city system key), or pass --token / --api-key',
      { path: ['token'] },
    );
  }
  return createHubTrpcClient(url, token ? { token } : { apiKey: apiKey as string });
}

/** A hub's refusal or an unreachable hub as a DomainError the bin prints (exit 2), naming the field. */
function hubError(error: unknown, url: string): DomainError {
  const e = error as {
    message?: string;
    data?: { httpStatus?: number; domain?: { code?: string; path?: string[] } | null };
    cause?: { code?: string };
  };
  if (e?.data?.httpStatus) {
    const domain = e.data.domain;
    return new DomainError(domain?.code ?? `HTTP_${e.data.httpStatus}`, e.message ?? 'the hub refused', {
      path: domain?.path ?? [],
    });
  }
  return new DomainError(
    'HUB_UNREACHABLE',
    `no answer from the hub at ${url} (${e?.cause?.code ?? e?.message ?? 'unknown error'}): is it running? set --hub or SHEGONG_HUB_URL`,
  );
}

const pct = (bp: number) => `${(bp / 100).toFixed(1)}%`;

function printStatus(format: GlobalOptions['format'], answer: CompletenessAnswer): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return;
  }
  const { region } = answer;
  process.stdout.write(`${region.name} (${region.regionCode}) ${answer.period}, as of ${answer.asOf}\n`);
  const rows = [region, ...answer.children];
  printRows('table', rows, [
    { header: 'region', value: (r) => `${r.regionCode} ${r.name}` },
    { header: 'expected', value: (r) => r.totals.expected },
    { header: 'owed', value: (r) => r.totals.owed },
    { header: 'received', value: (r) => r.totals.received },
    { header: 'on time', value: (r) => r.totals.onTime },
    { header: 'late', value: (r) => r.totals.late },
    { header: 'overdue', value: (r) => r.totals.overdue },
    { header: '完整率', value: (r) => pct(r.totals.completenessBasisPoints) },
    { header: '及时率', value: (r) => pct(r.totals.timelinessBasisPoints) },
  ]);
  if (region.byDefinition.length > 0) {
    printRows('table', region.byDefinition, [
      { header: 'report', value: (d) => `${d.title} (${d.definitionId})` },
      { header: 'expected', value: (d) => d.expected },
      { header: 'received', value: (d) => d.received },
      { header: 'on time', value: (d) => d.onTime },
      { header: 'overdue', value: (d) => d.overdue },
      { header: 'approved', value: (d) => d.approved },
      { header: 'in revision', value: (d) => d.inRevision },
    ]);
  }
  const { overdue } = answer;
  if (overdue.items.length > 0) {
    printRows('table', overdue.items, [
      { header: 'unit', value: (o) => `${o.unitRegionCode} ${o.unitName}` },
      { header: 'report', value: (o) => o.title },
      { header: 'period', value: (o) => o.periodKey },
      { header: 'due', value: (o) => o.dueOn },
      { header: 'days late', value: (o) => o.daysLate },
    ]);
  }
  process.stdout.write(
    `${overdue.total} overdue${overdue.total > overdue.items.length ? ` (${overdue.items.length} shown from ${overdue.offset + 1}; --overdue N shows more)` : ''}\n`,
  );
}

export function registerReport(program: Command, options: () => GlobalOptions): void {
  const report = program.command('report').description('periodic reports on a running hub');
  report
    .command('status <region> <period>')
    .description(
      'completeness and timeliness of the reports owed in a region and its children for a period (2023-03, 2023-Q1, 2023-H1) or a year, with the overdue list; reads a running hub',
    )
    .option('--hub <url>', `the hub's gateway (default SHEGONG_HUB_URL or ${DEFAULT_HUB})`)
    .option('--token <token>', 'a bearer token from auth.signIn (default SHEGONG_TOKEN)')
    .option('--api-key <key>', "a city system's API key (default SHEGONG_API_KEY)")
    .option('--overdue <n>', 'how many overdue reports to list (0–500)', '20')
    .action(async (regionArg: string, period: string, opts: HubOptions) => {
      // Bad input fails before the hub is asked, naming the argument.
      const region = getRegionAt(regionArg, ['region']);
      if (!PERIOD.test(period)) {
        throw new DomainError(
          'PERIOD_INVALID',
          `"${period}" is not a period: write 2023, 2023-03, 2023-Q1 or 2023-H1`,
          { path: ['period'] },
        );
      }
      const limit = Number(opts.overdue);
      if (!Number.isInteger(limit) || limit < 0 || limit > 500) {
        throw new DomainError(
          'OVERDUE_INVALID',
          `--overdue must be a whole number 0–500, not "${opts.overdue}"`,
          {
            path: ['overdue'],
          },
        );
      }
      const client = hubClient(opts);
      let answer: CompletenessAnswer;
      try {
        answer = await client.reporting.reports.completeness.query({
          regionCode: region.code,
          period,
          overdueLimit: limit,
        });
      } catch (error) {
        throw hubError(error, opts.hub || process.env.SHEGONG_HUB_URL || DEFAULT_HUB);
      }
      printStatus(options().format, answer);
    });
}
