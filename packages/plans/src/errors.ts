import { DomainError, formatPath } from '@shegong/kernel';

export interface PlanIssue {
  path: ReadonlyArray<string | number>;
  message: string;
}

/**
 * A plan, talent or report-profile file that does not satisfy its schema, or whose numbers do not add up
 * (an allocation row whose kinds or years do not sum to its total …). `issues` names every problem.
 */
export class PlanValidationError extends DomainError {
  readonly issues: readonly PlanIssue[];
  readonly source: string;

  constructor(source: string, issues: readonly PlanIssue[]) {
    const lines = issues.map((issue) => `  ${formatPath(issue.path) || '(root)'}: ${issue.message}`);
    super('PLAN_INVALID', `${source} is not valid:\n${lines.join('\n')}`, { details: { source, issues } });
    this.issues = issues;
    this.source = source;
  }
}

/** An unknown plan, target, report definition or area id. */
export class PlanNotFoundError extends DomainError {
  constructor(what: string, details: Record<string, unknown> = {}) {
    super('PLAN_NOT_FOUND', what, { details });
  }
}
