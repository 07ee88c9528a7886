import { canonicalTaxonomy, findCanonicalItem } from '@shegong/catalog';
import type { z } from 'zod';
import { BudgetInputError, type BudgetInputIssue } from './errors.ts';
import {
  type BudgetProfile,
  type BudgetProfileId,
  BudgetProfileSchema,
  getBudgetProfile,
} from './profiles.ts';
import { type ProjectBudget, ProjectBudgetSchema } from './schema.ts';

/**
 * Validates `data` against `schema`, turning zod's issues into one `BudgetInputError` that names every bad
 * field by its path. Internal: the public entry points call it on their inputs.
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new BudgetInputError(
    what,
    parsed.error.issues.map((issue) => ({
      path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
      message: issue.message,
    })),
  );
}

/** A profile given by id or as an object (validated, so a hand-made profile is held to the schema). */
export function resolveProfile(profile: BudgetProfile | BudgetProfileId): BudgetProfile {
  return typeof profile === 'string'
    ? getBudgetProfile(profile)
    : parseInput(BudgetProfileSchema, profile, 'the budget profile');
}

/** The canonical domain a scope id names or belongs to, or `undefined` for an unknown id. */
export function domainOfScope(id: string): string | undefined {
  if (id.includes('.')) return findCanonicalItem(id)?.domain.id;
  return canonicalTaxonomy().domains.some((d) => d.id === id) ? id : undefined;
}

/**
 * Parses a budget and checks what the schema cannot: that every planned service and every source purpose
 * names a canonical domain or item of `@shegong/catalog`, and that the lines hold some money.
 * @throws BudgetInputError listing every problem
 */
export function parseProjectBudget(data: unknown): ProjectBudget {
  const budget = parseInput(ProjectBudgetSchema, data, 'the budget');
  const issues: BudgetInputIssue[] = [];
  budget.servicesPlanned.forEach((id, i) => {
    if (!domainOfScope(id)) issues.push({ path: ['servicesPlanned', i], message: `unknown service "${id}"` });
  });
  budget.sources.forEach((source, s) => {
    source.purpose?.forEach((id, i) => {
      if (!domainOfScope(id))
        issues.push({ path: ['sources', s, 'purpose', i], message: `unknown service "${id}"` });
    });
  });
  if (budget.lines.every((line) => line.amountFen === 0)) {
    issues.push({ path: ['lines'], message: 'every line is ¥0.00: there is no budget to check' });
  }
  if (issues.length > 0) throw new BudgetInputError('the budget', issues);
  return budget;
}
