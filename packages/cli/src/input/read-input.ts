import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { z } from 'zod';
import { InputError } from './input-error.ts';
import { parseJson, parseWorkbook, type SheetSpec } from './tabular.ts';
import { readWorkbook } from './workbook.ts';

/** The number of records in an input, to decide whether to show progress. */
export function countRecords(data: Record<string, unknown>): number {
  return Object.values(data).reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
}

/**
 * Reads a check's input: `.json` (the schema's shape) or `.xlsx` (one sheet per entity, see `specs`), and
 * validates it.
 * @throws InputError naming the file and every bad sheet/row/field or JSON path
 */
export async function readInput<S extends z.ZodType>(
  file: string,
  specs: readonly SheetSpec[],
  schema: S,
): Promise<z.infer<S>> {
  const extension = extname(file).toLowerCase();
  if (extension === '.xlsx') return parseWorkbook(file, await readWorkbook(file), specs, schema);
  if (extension !== '.json') {
    throw new InputError(file, [{ field: '', message: 'unsupported file type; use .json or .xlsx' }]);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(file, [
      {
        field: '',
        message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      },
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, [{ field: '', message: `is not valid JSON (${(error as Error).message})` }]);
  }
  return parseJson(file, data, schema);
}
