import { readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { type PlanIssue, PlanValidationError } from './errors.ts';
import {
  type Allocation,
  type Plan,
  PlanSchema,
  type ReportProfile,
  ReportProfileSchema,
  type TalentPlan,
  TalentPlanSchema,
} from './schema.ts';

/** The package's `data/` folder; the same relative place from `src/` and from `dist/`. */
const DATA_DIR = new URL('../data/', import.meta.url);

function pathPart(part: PropertyKey): string | number {
  return typeof part === 'number' ? part : String(part);
}

function parseWith<T>(schema: z.ZodType<T>, data: unknown, source: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new PlanValidationError(
      source,
      parsed.error.issues.map((issue) => ({ path: issue.path.map(pathPart), message: issue.message })),
    );
  }
  return parsed.data;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** What a schema can't say about an allocation table: that its rows and columns add up as printed. */
function allocationIssues(allocation: Allocation): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const at = (...path: Array<string | number>) => ['allocation', ...path];
  const years = allocation.years.length;
  allocation.rows.forEach((row, r) => {
    if (row.byYear.length !== years)
      issues.push({
        path: at('rows', r, 'byYear'),
        message: `needs ${years} years, has ${row.byYear.length}`,
      });
    if (sum(row.byYear) !== row.total)
      issues.push({
        path: at('rows', r, 'byYear'),
        message: `${row.unit}: years sum to ${sum(row.byYear)}, the row's total is ${row.total}`,
      });
    if (sum(Object.values(row.byKind)) !== row.total)
      issues.push({
        path: at('rows', r, 'byKind'),
        message: `${row.unit}: 乡/镇/街道 sum to ${sum(Object.values(row.byKind))}, the row's total is ${row.total}`,
      });
  });
  const { totals, rows } = allocation;
  if (sum(rows.map((r) => r.total)) !== totals.total)
    issues.push({ path: at('totals', 'total'), message: `rows sum to ${sum(rows.map((r) => r.total))}` });
  totals.byYear.forEach((value, y) => {
    const column = sum(rows.map((r) => r.byYear[y] ?? 0));
    if (column !== value) issues.push({ path: at('totals', 'byYear', y), message: `rows sum to ${column}` });
  });
  for (const [kind, value] of Object.entries(totals.byKind)) {
    const column = sum(rows.map((r) => r.byKind[kind as keyof typeof r.byKind] ?? 0));
    if (column !== value)
      issues.push({ path: at('totals', 'byKind', kind), message: `rows sum to ${column}` });
  }
  const ids = new Set(rows.map((r) => r.id));
  allocation.combine.forEach((group, g) => {
    group.rows.forEach((id, i) => {
      if (!ids.has(id)) issues.push({ path: at('combine', g, 'rows', i), message: `no row "${id}"` });
    });
  });
  return issues;
}

/**
 * Validates a rollout plan given as plain data (parsed YAML/JSON): the schema, then that an allocation
 * table adds up row by row and column by column, and that ids are unique.
 * @throws PlanValidationError listing every issue
 */
export function parsePlan(data: unknown, source = 'plan'): Plan {
  const plan = parseWith(PlanSchema, data, source);
  const issues = plan.allocation ? allocationIssues(plan.allocation) : [];
  const seen = new Set<string>();
  plan.targets.forEach((t, i) => {
    if (seen.has(t.id)) issues.push({ path: ['targets', i, 'id'], message: `duplicate target id "${t.id}"` });
    seen.add(t.id);
  });
  if (issues.length > 0) throw new PlanValidationError(source, issues);
  return plan;
}

/** Validates a talent target file. @throws PlanValidationError */
export function parseTalentPlan(data: unknown, source = 'talent plan'): TalentPlan {
  const plan = parseWith(TalentPlanSchema, data, source);
  const issues: PlanIssue[] = [];
  plan.targets.forEach((t, i) => {
    if (t.basis === 'added' && !t.from)
      issues.push({
        path: ['targets', i, 'from'],
        message: 'an "added" target needs the day counting starts',
      });
  });
  if (issues.length > 0) throw new PlanValidationError(source, issues);
  return plan;
}

/** Validates a report profile. @throws PlanValidationError */
export function parseReportProfile(data: unknown, source = 'report profile'): ReportProfile {
  const profile = parseWith(ReportProfileSchema, data, source);
  const ids = profile.reports.map((r) => r.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup)
    throw new PlanValidationError(source, [{ path: ['reports'], message: `duplicate report id "${dup}"` }]);
  return profile;
}

/** Reads a `.yaml`/`.yml`/`.json` file. @throws PlanValidationError when it cannot be parsed */
export function readDataFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new PlanValidationError(path, [
      { path: [], message: `cannot be parsed: ${(error as Error).message}` },
    ]);
  }
}

/** Every data file of one folder under `data/`, parsed and validated, in file-name order. */
export function loadFolder<T>(folder: string, parse: (data: unknown, source: string) => T): T[] {
  const dir = new URL(`${folder}/`, DATA_DIR);
  return readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => {
      const path = fileURLToPath(new URL(name, dir));
      return parse(readDataFile(path), path);
    });
}
