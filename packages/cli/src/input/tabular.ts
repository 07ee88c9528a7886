import type { z } from 'zod';
import { InputError, type InputProblem, jsonPath } from './input-error.ts';
import type { SheetRow, Workbook } from './workbook.ts';

export type CellType = 'string' | 'number' | 'boolean' | 'list';

/** How one column of a sheet maps into the JSON shape: its path inside the row's object and its type. */
export interface ColumnSpec {
  path: readonly string[];
  type: CellType;
  /** Turns the coerced cell into the JSON value (e.g. yuan → fen), or says why it cannot. */
  convert?: (value: unknown) => { ok: true; value: unknown } | { ok: false; message: string };
  /** The inverse of `convert`, for writing JSON out as sheets (fen → yuan). */
  unconvert?: (value: unknown) => unknown;
}

/** Column builders for sheet specs: `column.string('certificate', 'level')` … */
export const column = {
  string: (...path: string[]): ColumnSpec => ({ path, type: 'string' }),
  number: (...path: string[]): ColumnSpec => ({ path, type: 'number' }),
  boolean: (...path: string[]): ColumnSpec => ({ path, type: 'boolean' }),
  list: (...path: string[]): ColumnSpec => ({ path, type: 'list' }),
};

/**
 * How one sheet maps into the JSON input: rows become objects appended to `target` (a top-level array),
 * or, with `parent`, to an array inside the object whose `id` the row's `parent.key` column names.
 */
export interface SheetSpec {
  sheet: string;
  target: string;
  columns: Record<string, ColumnSpec>;
  parent?: { target: string; key: string; into: string };
  /** One row only, whose fields are top-level fields of the input (e.g. a `settings` sheet). */
  singleton?: boolean;
  required?: boolean;
}

interface Origin {
  sheet: string;
  row: number;
  /** JSON sub-path (dot-joined) → column name. */
  columns: Map<string, string>;
}

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '有', '√']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '无', '×']);

function coerce(
  value: unknown,
  type: CellType,
): { ok: true; value: unknown } | { ok: false; message: string } {
  switch (type) {
    case 'string':
      return { ok: true, value: typeof value === 'number' ? String(value) : value };
    case 'number': {
      const n = typeof value === 'number' ? value : Number(String(value).replace(/,/g, ''));
      return Number.isFinite(n)
        ? { ok: true, value: n }
        : { ok: false, message: `"${String(value)}" is not a number` };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { ok: true, value };
      const text = String(value).trim().toLowerCase();
      if (TRUE.has(text)) return { ok: true, value: true };
      if (FALSE.has(text)) return { ok: true, value: false };
      return { ok: false, message: `"${String(value)}" is not yes/no (use TRUE/FALSE or 是/否)` };
    }
    case 'list':
      return {
        ok: true,
        value: String(value)
          .split(/[,，;；\s]+/)
          .filter((part) => part !== ''),
      };
  }
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1) as string] = value;
}

/**
 * Turns a workbook into the JSON shape the schema expects and validates it. Every problem — an unknown
 * sheet or column, a value that is not a number, a date, a row whose parent does not exist, any schema
 * violation — is reported with its sheet, row and column.
 *
 * @throws InputError listing every problem
 */
export function parseWorkbook<S extends z.ZodType>(
  file: string,
  workbook: Workbook,
  specs: readonly SheetSpec[],
  schema: S,
): z.infer<S> {
  const problems: InputProblem[] = [];
  const data: Record<string, unknown> = {};
  const lists = data as Record<string, Array<Record<string, unknown>>>;
  const origins = new Map<string, Origin>();
  const known = new Set(specs.map((s) => s.sheet));
  for (const name of Object.keys(workbook)) {
    if (!known.has(name)) {
      problems.push({
        sheet: name,
        row: 1,
        field: '',
        message: `unknown sheet; expected ${[...known].join(', ')}`,
      });
    }
  }
  for (const spec of specs) {
    const rows: SheetRow[] | undefined = workbook[spec.sheet];
    if (rows === undefined) {
      if (spec.required) problems.push({ sheet: spec.sheet, row: 1, field: '', message: 'sheet is missing' });
      continue;
    }
    for (const { row, values } of rows) {
      const object: Record<string, unknown> = {};
      const columns = new Map<string, string>();
      for (const [column, value] of Object.entries(values)) {
        const col = spec.columns[column];
        if (!col) {
          problems.push({
            sheet: spec.sheet,
            row,
            field: column,
            message: `unknown column; expected ${Object.keys(spec.columns).join(', ')}`,
          });
          continue;
        }
        const typed = coerce(value, col.type);
        const coerced = typed.ok && col.convert ? col.convert(typed.value) : typed;
        if (!coerced.ok) problems.push({ sheet: spec.sheet, row, field: column, message: coerced.message });
        else setPath(object, col.path, coerced.value);
        columns.set(col.path.join('.'), column);
      }
      let path: Array<string | number>;
      if (spec.singleton) {
        if (row !== rows[0]?.row) {
          problems.push({ sheet: spec.sheet, row, field: '', message: 'this sheet takes one row only' });
          continue;
        }
        Object.assign(data, object);
        for (const [field, column] of columns)
          origins.set(field, { sheet: spec.sheet, row, columns: new Map([['', column]]) });
        continue;
      } else if (spec.parent) {
        const parentId = values[spec.parent.key];
        const parents = lists[spec.parent.target] ?? [];
        const index = parents.findIndex(
          (p) => p.id === (typeof parentId === 'number' ? String(parentId) : parentId),
        );
        const parent = parents[index];
        if (!parent) {
          problems.push({
            sheet: spec.sheet,
            row,
            field: spec.parent.key,
            message: `no ${spec.parent.target} row has id "${String(parentId)}"`,
          });
          continue;
        }
        parent[spec.parent.into] ??= [];
        const list = parent[spec.parent.into] as unknown[];
        list.push(object);
        path = [spec.parent.target, index, spec.parent.into, list.length - 1];
      } else {
        lists[spec.target] ??= [];
        const list = lists[spec.target] as Array<Record<string, unknown>>;
        list.push(object);
        path = [spec.target, list.length - 1];
      }
      origins.set(path.join('.'), { sheet: spec.sheet, row, columns });
    }
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(locate(issue.path, issue.message, origins));
  }
  if (problems.length > 0) throw new InputError(file, problems);
  return (parsed as { data: z.infer<S> }).data;
}

/** Maps a schema issue's JSON path back to the sheet row and column it came from: the longest known prefix. */
function locate(
  path: ReadonlyArray<PropertyKey>,
  message: string,
  origins: Map<string, Origin>,
): InputProblem {
  const parts = path.map(String);
  for (let cut = parts.length; cut > 0; cut--) {
    const origin = origins.get(parts.slice(0, cut).join('.'));
    if (!origin) continue;
    const rest = parts.slice(cut).join('.');
    const column =
      origin.columns.get(rest) ??
      [...origin.columns].find(([p]) => p.startsWith(`${rest}.`) || rest.startsWith(`${p}.`))?.[1];
    return { sheet: origin.sheet, row: origin.row, field: column ?? rest, message };
  }
  return { field: jsonPath(path), message };
}

/** Validates parsed JSON, naming the JSON path of every problem. */
export function parseJson<S extends z.ZodType>(file: string, data: unknown, schema: S): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new InputError(
      file,
      parsed.error.issues.map((issue) => ({ field: jsonPath(issue.path), message: issue.message })),
    );
  }
  return parsed.data;
}

function getPath(source: Record<string, unknown>, path: readonly string[]): unknown {
  let node: unknown = source;
  for (const key of path)
    node = node === null || typeof node !== 'object' ? undefined : (node as Record<string, unknown>)[key];
  return node;
}

/**
 * The inverse of `parseWorkbook`: lays JSON input out as sheets of rows following the same specs
 * (lists joined with ", ", children with their parent's key). Used to generate worked XLSX examples.
 */
export function toSheets(
  data: Record<string, unknown>,
  specs: readonly SheetSpec[],
): Record<string, Array<Record<string, unknown>>> {
  const sheets: Record<string, Array<Record<string, unknown>>> = {};
  const flatten = (item: Record<string, unknown>, spec: SheetSpec, extra: Record<string, unknown> = {}) => {
    const row: Record<string, unknown> = { ...extra };
    for (const [column, col] of Object.entries(spec.columns)) {
      const value = getPath(item, col.path);
      if (value === undefined) continue;
      const shown = col.unconvert ? col.unconvert(value) : value;
      row[column] = Array.isArray(shown) ? shown.join(', ') : shown;
    }
    return row;
  };
  for (const spec of specs) {
    const rows: Array<Record<string, unknown>> = [];
    if (spec.singleton) {
      const row = flatten(data, spec);
      if (Object.keys(row).length > 0) rows.push(row);
    } else if (spec.parent) {
      const { target, key, into } = spec.parent;
      for (const parent of (data[target] as Array<Record<string, unknown>> | undefined) ?? []) {
        for (const child of (parent[into] as Array<Record<string, unknown>> | undefined) ?? []) {
          rows.push(flatten(child, spec, { [key]: parent.id }));
        }
      }
    } else {
      for (const item of (data[spec.target] as Array<Record<string, unknown>> | undefined) ?? [])
        rows.push(flatten(item, spec));
    }
    if (rows.length > 0 || spec.required) sheets[spec.sheet] = rows;
  }
  return sheets;
}
