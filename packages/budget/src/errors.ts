import { DomainError, formatPath } from '@shegong/kernel';

export interface BudgetInputIssue {
  path: ReadonlyArray<string | number>;
  message: string;
}

/**
 * A budget, contract, operator, station or estimator input that does not satisfy its schema, or lacks a
 * value a rule needs (the county's assistance funds for the 2% cap, a source's purpose for a single-source
 * project …). `path` is the first offending field; `issues` lists every one.
 */
export class BudgetInputError extends DomainError {
  readonly issues: readonly BudgetInputIssue[];

  constructor(what: string, issues: readonly BudgetInputIssue[]) {
    const lines = issues.map((issue) => `  ${formatPath(issue.path) || '(root)'}: ${issue.message}`);
    super('BUDGET_INPUT_INVALID', `${what} is not valid:\n${lines.join('\n')}`, {
      path: issues[0]?.path ?? [],
      details: { what, issues },
    });
    this.issues = issues;
  }
}

/** An unknown budget profile id. */
export class BudgetProfileNotFoundError extends DomainError {
  constructor(id: string, known: readonly string[]) {
    super('BUDGET_PROFILE_NOT_FOUND', `no budget profile has the id "${id}"; known: ${known.join(', ')}`, {
      details: { id, known },
    });
  }
}

/** Money arithmetic that would leave whole, non-negative, safe-integer fen. */
export class MoneyRangeError extends DomainError {
  constructor(message: string) {
    super('MONEY_OUT_OF_RANGE', message);
  }
}
