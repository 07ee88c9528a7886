import { type Finding, FindingSchema, type FindingSubject } from '@shegong/kernel';
import { z } from 'zod';
import type { RuleParam } from '../profiles.ts';

/** The stable ids of this package's rules; a finding's `ruleId` is one of these. */
export const RuleIdSchema = z.enum([
  'budget.personnel-share',
  'budget.evaluation-reserve',
  'budget.assistance-fund-cap',
  'budget.separate-accounts',
  'budget.single-source-purpose',
  'budget.labour-cost-floor',
  'contract.signing-deadline',
  'contract.cycle',
  'contract.yearly-signing',
  'contract.evaluations',
  'operator.imported-rating',
  'station.office-area',
]);
export type RuleId = z.infer<typeof RuleIdSchema>;

/**
 * A finding for `ruleId` with the severity and citation of the profile's parameter, validated against the
 * kernel's schema so a malformed finding fails where it is made, not where it is read.
 */
export function makeFinding(
  ruleId: RuleId,
  param: RuleParam,
  subject: FindingSubject,
  message: { zh: string; en: string },
  facts: Record<string, unknown>,
): Finding {
  return FindingSchema.parse({
    ruleId,
    severity: param.severity,
    subject,
    message,
    citation: param.citation,
    facts,
  });
}
