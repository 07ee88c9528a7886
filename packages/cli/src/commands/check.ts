import { getBudgetProfile } from '@shegong/budget';
import { compareFindings, type Finding, IsoDateSchema, type Severity } from '@shegong/kernel';
import { evaluateStaffing, getProfile, StaffingInputSchema } from '@shegong/staffing';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { BUDGET_SHEETS, BudgetCheckInputSchema, checkBudgetUpload } from '../input/budget-input.ts';
import { countRecords, readInput } from '../input/read-input.ts';
import { STAFFING_SHEETS } from '../input/staffing-sheets.ts';
import { printRows } from '../output.ts';
import type { GlobalOptions } from '../program.ts';
import { progressFor } from '../progress.ts';

export interface CheckOptions {
  profile?: string;
  asOf: string;
  failOn: Severity;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function parseDate(value: string): string {
  const parsed = IsoDateSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(`"${value}" is not a date like 2023-06-30`);
  return parsed.data;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Exit code 1 when a finding is at least as severe as `--fail-on`, else 0. */
export function exitCodeFor(findings: readonly Finding[], failOn: Severity): 0 | 1 {
  return findings.some((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn]) ? 1 : 0;
}

export function printFindings(
  format: GlobalOptions['format'],
  findings: readonly Finding[],
  report: unknown,
): void {
  printRows(
    format,
    [...findings].sort(compareFindings),
    [
      { header: 'severity', value: (f) => f.severity },
      {
        header: 'subject',
        value: (f) =>
          `${f.subject.kind} ${f.subject.id}${'stationId' in f.subject ? ` @${f.subject.stationId}` : ''}`,
      },
      { header: 'rule', value: (f) => f.ruleId },
      { header: 'finding', value: (f) => f.message.zh },
      { header: 'citation', value: (f) => f.citation },
    ],
    report,
  );
}

function addCommonOptions(command: Command): Command {
  return command
    .option(
      '--profile <id>',
      'evaluate under this policy profile instead of each region’s own (e.g. ZZ, PY, WH, HENAN)',
    )
    .option('--as-of <date>', 'the day to evaluate on (default: today)', parseDate, today())
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at least this severe')
        .choices(['error', 'warning', 'info'])
        .default('warning'),
    );
}

export function registerCheck(program: Command, options: () => GlobalOptions): void {
  const check = program
    .command('check')
    .description('check an upload against the policy rules; exit 0 clean, 1 findings, 2 bad input');

  addCommonOptions(
    check
      .command('staffing <file>')
      .description('stations, resident workers, trainings, supervisors and staff changes (.json or .xlsx)'),
  ).action(async (file: string, opts: CheckOptions) => {
    if (opts.profile !== undefined) getProfile(opts.profile); // an unknown profile is bad input: fail before reading
    const input = await readInput(file, STAFFING_SHEETS, StaffingInputSchema);
    const progress = progressFor(input.workers.length + input.stations.length, 'checking staffing');
    const report = evaluateStaffing(input, {
      asOf: opts.asOf,
      ...(opts.profile === undefined ? {} : { profile: opts.profile }),
      onProgress: (done) =>
        progress.update(
          Math.round(
            (done / Math.max(1, input.stations.length)) * (input.workers.length + input.stations.length),
          ),
        ),
    });
    progress.stop();
    const { format } = options();
    printFindings(format, report.findings, report);
    if (format === 'table') {
      process.stdout.write(
        `${report.stations} stations, ${report.workers} workers, as of ${report.asOf}: ` +
          `${report.summary.error} errors, ${report.summary.warning} warnings, ${report.summary.info} info\n`,
      );
    }
    process.exitCode = exitCodeFor(report.findings, opts.failOn);
  });

  addCommonOptions(
    check
      .command('budget <file>')
      .description(
        'project budgets, funding sources, purchase contracts, operators and station rooms (.json or .xlsx)',
      ),
  ).action(async (file: string, opts: CheckOptions) => {
    if (opts.profile !== undefined) getBudgetProfile(opts.profile);
    const input = await readInput(file, BUDGET_SHEETS, BudgetCheckInputSchema);
    const progress = progressFor(countRecords(input), 'checking budget');
    const report = checkBudgetUpload(input, {
      asOf: opts.asOf,
      ...(opts.profile === undefined ? {} : { profile: opts.profile }),
      onProgress: (done) => progress.update(done),
    });
    progress.stop();
    const { format } = options();
    printFindings(format, report.findings, report);
    if (format === 'table') {
      const { budgets, contracts, operators, facilities } = report.counts;
      process.stdout.write(
        `${budgets} budgets, ${contracts} contracts, ${operators} operators, ${facilities} stations' rooms, as of ${report.asOf}: ` +
          `${report.summary.error} errors, ${report.summary.warning} warnings, ${report.summary.info} info\n`,
      );
    }
    process.exitCode = exitCodeFor(report.findings, opts.failOn);
  });
}
