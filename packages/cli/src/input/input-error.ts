import { DomainError, formatPath } from '@shegong/kernel';

export interface InputProblem {
  /** Sheet name for XLSX input. */
  sheet?: string;
  /** 1-based spreadsheet row (the header is row 1), for XLSX input. */
  row?: number;
  /** Column (XLSX) or JSON path (JSON) of the bad field. */
  field: string;
  message: string;
}

/**
 * Input a person has to fix: names the file and, for every problem, the sheet, row and field (or the JSON
 * path). The CLI prints it and exits with code 2.
 */
export class InputError extends DomainError {
  readonly file: string;
  readonly problems: readonly InputProblem[];

  constructor(file: string, problems: readonly InputProblem[]) {
    const shown = problems.slice(0, 50).map((p) => `  ${describe(p)}: ${p.message}`);
    const more = problems.length > 50 ? [`  … and ${problems.length - 50} more`] : [];
    super(
      'INPUT_INVALID',
      `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${[...shown, ...more].join('\n')}`,
      {
        details: { file, problems },
      },
    );
    this.file = file;
    this.problems = problems;
  }
}

function describe(problem: InputProblem): string {
  if (problem.sheet === undefined) return problem.field || '(root)';
  return `sheet "${problem.sheet}" row ${problem.row ?? '?'} column "${problem.field}"`;
}

export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return formatPath(path);
}
