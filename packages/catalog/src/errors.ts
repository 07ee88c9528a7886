import { DomainError, formatPath } from '@shegong/kernel';

export interface CatalogIssue {
  path: ReadonlyArray<string | number>;
  message: string;
}

/**
 * A catalog file or object that does not satisfy the schema or refers to unknown canonical items or
 * populations. `issues` names every problem, not just the first; `source` is the file it came from.
 */
export class CatalogValidationError extends DomainError {
  readonly issues: readonly CatalogIssue[];
  readonly source: string;

  constructor(source: string, issues: readonly CatalogIssue[]) {
    const lines = issues.map((issue) => `  ${formatPath(issue.path) || '(root)'}: ${issue.message}`);
    super('CATALOG_INVALID', `${source} is not a valid catalog:\n${lines.join('\n')}`, {
      details: { source, issues },
    });
    this.issues = issues;
    this.source = source;
  }
}

export class CatalogNotFoundError extends DomainError {
  constructor(what: string) {
    super('CATALOG_NOT_FOUND', what, { details: {} });
  }
}
