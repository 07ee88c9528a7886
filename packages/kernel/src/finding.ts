import { z } from 'zod';
import { CitationSchema } from './citation.ts';

/**
 * How bad a finding is:
 * - `error`: a mandatory rule is broken (应、须、不得、至少 …);
 * - `warning`: a rule stated "in principle" (原则上) is not met, or a mandatory deadline is close;
 * - `info`: a stated preference (优先) is not met; worth knowing, never blocking.
 */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** What a finding is about. */
export const FindingSubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('station'), id: z.string() }),
  z.object({ kind: z.literal('worker'), id: z.string(), stationId: z.string() }),
  z.object({ kind: z.literal('supervisor'), id: z.string(), stationId: z.string() }),
  z.object({ kind: z.literal('budget'), id: z.string() }),
  z.object({ kind: z.literal('contract'), id: z.string() }),
  z.object({ kind: z.literal('operator'), id: z.string() }),
]);
export type FindingSubject = z.infer<typeof FindingSubjectSchema>;

/**
 * The outcome of a rule that is not met: which rule (a stable id), how bad, about whom, a message in
 * Chinese and English, the clause it enforces, and the facts it used, so a reader can check the verdict
 * without re-running it.
 */
export const FindingSchema = z.object({
  ruleId: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)+$/),
  severity: SeveritySchema,
  subject: FindingSubjectSchema,
  message: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  citation: CitationSchema,
  facts: z.record(z.string(), z.unknown()),
});
export type Finding = z.infer<typeof FindingSchema>;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * A total order for findings: by subject, severity, rule id, then message. Sorting with it makes output
 * independent of the order the input came in.
 */
export function compareFindings(a: Finding, b: Finding): number {
  const subject = (f: Finding) =>
    `${f.subject.kind}:${'stationId' in f.subject ? f.subject.stationId : ''}:${f.subject.id}`;
  return (
    byCodeUnit(subject(a), subject(b)) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    byCodeUnit(a.ruleId, b.ruleId) ||
    byCodeUnit(a.message.en, b.message.en)
  );
}

/** Plain code-unit order: the same on every machine and locale (and far cheaper than `localeCompare`). */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
