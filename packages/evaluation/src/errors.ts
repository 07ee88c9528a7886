import { DomainError, formatPath } from '@shegong/kernel';

export interface EvaluationIssue {
  path: ReadonlyArray<string | number>;
  message: string;
}

/**
 * Input that cannot be scored as given: not of the input's shape, or at odds with the scheme (points for an
 * indicator the scheme does not have, more points than the indicator is worth, a veto it does not list).
 * `path` is the first offending field, `issues` every one. Missing facts and missing evidence are *not*
 * this error: they are reported in the result, so an evaluator sees everything still to be done at once.
 */
export class EvaluationInputError extends DomainError {
  readonly issues: readonly EvaluationIssue[];

  constructor(what: string, issues: readonly EvaluationIssue[]) {
    const lines = issues.map((issue) => `  ${formatPath(issue.path) || '(root)'}: ${issue.message}`);
    super('EVALUATION_INPUT_INVALID', `${what} is not valid:\n${lines.join('\n')}`, {
      path: issues[0]?.path ?? [],
      details: { what, issues },
    });
    this.issues = issues;
  }
}

/** A scheme or profile file that does not satisfy its schema (names the file and the field). */
export class EvaluationDataError extends DomainError {
  constructor(code: 'SCHEME_INVALID' | 'EVALUATION_PROFILE_INVALID', message: string) {
    super(code, message);
  }
}

/** An unknown scheme or profile id. */
export class EvaluationNotFoundError extends DomainError {
  constructor(what: 'scheme' | 'profile', id: string, known: readonly string[]) {
    super(
      what === 'scheme' ? 'SCHEME_NOT_FOUND' : 'EVALUATION_PROFILE_NOT_FOUND',
      `no evaluation ${what} "${id}"; known: ${known.join(', ')}`,
      { details: { id, known } },
    );
  }
}

/** zod issues as `EvaluationIssue`s. Internal. */
export function issuesOf(error: {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}): EvaluationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
    message: issue.message,
  }));
}
