export {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  fullYears,
  type IsoDate,
  IsoDateSchema,
  isBefore,
  isOnOrBefore,
  maxDate,
  minDate,
  periodEnd,
  yearOf,
} from './calendar.ts';
export {
  type Citation,
  CitationSchema,
  type PolicyDocumentId,
  PolicyDocumentIdSchema,
  parseCitation,
} from './citation.ts';
export { DomainError, formatPath } from './errors.ts';
export { type EvaluationKind, EvaluationKindSchema } from './evaluation-kind.ts';
export {
  compareFindings,
  type Finding,
  FindingSchema,
  type FindingSubject,
  FindingSubjectSchema,
  type Severity,
  SeveritySchema,
} from './finding.ts';
export { issueFacts } from './issue.ts';
export { type LegalTerm, LegalTermSchema, relationOf, satisfies } from './legal-counting.ts';
