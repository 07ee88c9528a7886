import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  checkCadence,
  EvaluationInputError,
  EvaluationInputsSchema,
  type EvaluationProfile,
  EvaluationRecordSchema,
  type EvaluationScheme,
  type EvaluationScore,
  evaluationProfileFor,
  getEvaluationProfile,
  getScheme,
  parseScheme,
  scoreEvaluation,
} from '@shegong/evaluation';
import { compareFindings, type Finding, IsoDateSchema, yearOf } from '@shegong/kernel';
import type { Command } from 'commander';
import { z } from 'zod';
import { InputError, jsonPath } from '../input/input-error.ts';
import { readInput } from '../input/read-input.ts';
import { printRows } from '../output.ts';
import type { GlobalOptions } from '../program.ts';

/**
 * The input of `shegong evaluate`: the stations to score (each as `@shegong/evaluation`'s
 * `EvaluationInputs`, plus an optional profile), optionally the evaluations held (for the cadence check),
 * and the scheme and profile to use when the command line names none.
 */
export const EvaluateInputSchema = z.object({
  scheme: z.string().min(1).optional(),
  profile: z.string().min(1).optional(),
  /** The calendar year for the cadence check; defaults to the year of each station's period end. */
  year: z.number().int().min(2000).max(2100).optional(),
  /** The day of the cadence check: a shortfall in a year not yet over is a warning. */
  asOf: IsoDateSchema.optional(),
  stations: z.array(EvaluationInputsSchema.and(z.object({ profile: z.string().min(1).optional() }))).min(1, {
    message: 'list at least one station to evaluate',
  }),
  records: z.array(EvaluationRecordSchema).default([]),
});
export type EvaluateInput = z.infer<typeof EvaluateInputSchema>;

export interface EvaluateOptions {
  scheme?: string;
  profile?: string;
}

export interface EvaluateReport {
  stations: Array<EvaluationScore & { profile: string | null }>;
  findings: Finding[];
  summary: Record<'excellent' | 'good' | 'pass' | 'fail' | 'incomplete', number>;
}

/** `--scheme` names a packaged scheme by id, or a scheme file (.yaml, .yml, .json) a province keeps. */
async function loadScheme(value: string): Promise<EvaluationScheme> {
  if (!['.yaml', '.yml', '.json'].includes(extname(value).toLowerCase())) return getScheme(value);
  let text: string;
  try {
    text = await readFile(value, 'utf8');
  } catch (error) {
    throw new InputError(value, [
      {
        field: '',
        message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      },
    ]);
  }
  return parseScheme(text, value);
}

/** Scores every station of the input and checks the cadence of the evaluations given. Exported for tests. */
export async function evaluateUpload(
  file: string,
  input: EvaluateInput,
  opts: EvaluateOptions,
): Promise<EvaluateReport> {
  const fixedScheme = opts.scheme ?? input.scheme;
  const schemeCache = new Map<string, EvaluationScheme>();
  const schemeFor = async (id: string) => {
    let scheme = schemeCache.get(id);
    if (!scheme) {
      scheme = await loadScheme(id);
      schemeCache.set(id, scheme);
    }
    return scheme;
  };
  const stations: EvaluateReport['stations'] = [];
  const findings: Finding[] = [];
  for (const [index, station] of input.stations.entries()) {
    const profileId = opts.profile ?? station.profile ?? input.profile;
    const profile: EvaluationProfile | undefined =
      profileId !== undefined
        ? getEvaluationProfile(profileId)
        : station.regionCode === undefined
          ? undefined
          : evaluationProfileFor(station.regionCode);
    const scheme = await schemeFor(fixedScheme ?? profile?.rules.scheme ?? 'default');
    let score: EvaluationScore;
    try {
      score = scoreEvaluation(scheme, station);
    } catch (error) {
      if (!(error instanceof EvaluationInputError)) throw error;
      throw new InputError(
        file,
        error.issues.map((issue) => ({
          field: jsonPath(['stations', index, ...issue.path]),
          message: issue.message,
        })),
      );
    }
    stations.push({ ...score, profile: profile?.id ?? null });
    findings.push(...score.findings);
    if (profile && input.records.length > 0) {
      findings.push(
        ...checkCadence({
          stationId: station.stationId,
          year: input.year ?? yearOf(station.period.to),
          records: input.records,
          profile,
          ...(input.asOf === undefined ? {} : { asOf: input.asOf }),
        }),
      );
    }
  }
  const summary = { excellent: 0, good: 0, pass: 0, fail: 0, incomplete: 0 };
  for (const s of stations) summary[s.grade ?? 'incomplete']++;
  return { stations, findings: findings.sort(compareFindings), summary };
}

/** Exit code 1 for a failing, vetoed or incomplete evaluation or any error or warning finding; else 0. */
export function evaluateExitCode(report: EvaluateReport): 0 | 1 {
  const failing = report.stations.some((s) => s.outcome !== 'graded' || s.grade === 'fail');
  return failing || report.findings.some((f) => f.severity !== 'info') ? 1 : 0;
}

function printReport(format: GlobalOptions['format'], report: EvaluateReport): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  printRows('table', report.stations, [
    { header: 'station', value: (s) => (s.stationName ? `${s.stationId} ${s.stationName}` : s.stationId) },
    { header: 'profile', value: (s) => s.profile ?? '—' },
    { header: 'scheme', value: (s) => `${s.schemeId}${s.schemeStatus === 'default' ? ' (默认)' : ''}` },
    {
      header: 'dimensions',
      value: (s) =>
        s.dimensions.map((d) => `${d.name.zh} ${d.points}/${d.maxPoints}${d.complete ? '' : '*'}`).join('\n'),
    },
    { header: 'total', value: (s) => `${s.total}/${s.maxTotal}` },
    {
      header: 'grade',
      value: (s) =>
        s.outcome === 'vetoed'
          ? `${s.gradeLabel}（一票否决）`
          : s.outcome === 'incomplete'
            ? '未完成（缺项）'
            : (s.gradeLabel ?? ''),
    },
  ]);
  if (report.findings.length > 0) {
    printRows('table', report.findings, [
      { header: 'severity', value: (f) => f.severity },
      { header: 'subject', value: (f) => `${f.subject.kind} ${f.subject.id}` },
      { header: 'rule', value: (f) => f.ruleId },
      { header: 'finding', value: (f) => f.message.zh },
      { header: 'citation', value: (f) => f.citation },
    ]);
  }
  const { excellent, good, pass, fail, incomplete } = report.summary;
  process.stdout.write(
    `${report.stations.length} stations: ${excellent} 优秀, ${good} 良好, ${pass} 合格, ${fail} 不合格, ${incomplete} incomplete; ` +
      `${report.findings.length} findings${report.stations.some((s) => s.schemeStatus === 'default') ? ' (default scheme: point values are defaults, not policy)' : ''}\n`,
  );
}

export function registerEvaluate(program: Command, options: () => GlobalOptions): void {
  program
    .command('evaluate <file>')
    .description(
      'score stations under an indicator scheme (.json); exit 0 all graded and passing, 1 a failing, vetoed or incomplete evaluation or findings, 2 bad input',
    )
    .option('--scheme <id|file>', 'a packaged scheme id (default: the profile’s) or a scheme file (.yaml)')
    .option(
      '--profile <id>',
      'evaluate under this profile instead of each station’s region (ZZ, PY, WH, HENAN)',
    )
    .action(async (file: string, opts: EvaluateOptions) => {
      // Unknown ids are bad input: fail before reading.
      if (opts.profile !== undefined) getEvaluationProfile(opts.profile);
      if (opts.scheme !== undefined) await loadScheme(opts.scheme);
      if (extname(file).toLowerCase() !== '.json') {
        throw new InputError(file, [{ field: '', message: 'unsupported file type; evaluate reads .json' }]);
      }
      const input = await readInput(file, [], EvaluateInputSchema);
      const report = await evaluateUpload(file, input, opts);
      printReport(options().format, report);
      process.exitCode = evaluateExitCode(report);
    });
}
