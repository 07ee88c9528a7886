export {
  BUDGET_SHEETS,
  type BudgetCheckInput,
  BudgetCheckInputSchema,
  budgetToSheets,
  checkBudgetUpload,
} from './input/budget-input.ts';
export { InputError, type InputProblem } from './input/input-error.ts';
export { STAFFING_SHEETS, staffingToSheets } from './input/staffing-sheets.ts';
export { readWorkbook, writeWorkbook } from './input/workbook.ts';
export { createProgram, type GlobalOptions } from './program.ts';
