/**
 * Where a refusal of the server belongs on a form. The gateway's error data carries the service's domain
 * error (`path`: `['to']`, `['facilities', 'officeM2']`) and zod's issues (`path`: `['idNumber']`); a dry
 * run's row errors carry a formatted path (`facilities.rooms[0]`). Each lands on the form field it names,
 * in the service's own words; what names no field of the form is returned for an alert above it.
 */

import type { FormInstance } from 'antd';
import type { Locale } from '../format.ts';
import { type ServerError, serverMessage } from '../server-messages.ts';

/** A field's errors as Ant Design's `form.setFields` takes them: the field's name path and messages. */
export interface ServerFieldError {
  name: Array<string | number>;
  errors: string[];
}

export interface PlacedErrors {
  fields: ServerFieldError[];
  /** Messages that name no field of the form (or the error's own message when nothing was placed). */
  other: string[];
}

/**
 * Maps a server path to the form's name path, or `null` when the form has no such field. The default
 * takes the path as it is.
 */
export type PathToField = (path: ReadonlyArray<string | number>) => Array<string | number> | null;

interface ErrorData {
  domain?: {
    code?: string;
    message: string;
    path?: ReadonlyArray<string | number>;
    issue?: Record<string, unknown>;
  } | null;
  issues?: Array<{
    path: ReadonlyArray<string | number>;
    message: string;
    issue?: Record<string, unknown>;
  }> | null;
}

/** Reads `facilities.rooms[0]` (kernel's `formatPath`) back into `['facilities', 'rooms', 0]`. */
export function parsePath(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) out.push(Number(match[2]));
    else if (match[1] !== undefined) out.push(/^\d+$/.test(match[1]) ? Number(match[1]) : match[1]);
  }
  return out;
}

/** Groups messages by field, in first-seen order, one message once per field. */
function collect(
  items: ReadonlyArray<{ path: ReadonlyArray<string | number>; message: string }>,
  toField: PathToField,
): PlacedErrors {
  const byField = new Map<string, ServerFieldError>();
  const other: string[] = [];
  for (const { path, message } of items) {
    // zod issue paths arrive as strings ("0"): numbers again, so list indexes match the form's.
    const normal = path.map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p));
    const name = normal.length > 0 ? toField(normal) : null;
    if (name === null) {
      if (!other.includes(message)) other.push(message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], other };
}

/**
 * A refused tRPC call's errors, placed on the form's fields: the domain error's path and every zod issue,
 * worded in `locale` (`serverMessage`).
 * An error that is not the server's (the network) names no field: its message is returned in `other`.
 * @example
 * const { fields, other } = serverFieldErrors(error);
 * form.setFields(fields); // idNumber: "身份证号码校验位不正确"
 */
export function serverFieldErrors(
  error: unknown,
  toField: PathToField = (p) => [...p],
  locale: Locale = 'en',
): PlacedErrors {
  const data = (error as { data?: ErrorData } | null)?.data;
  const items: Array<{ path: ReadonlyArray<string | number>; message: string }> = [];
  for (const issue of data?.issues ?? [])
    items.push({ path: issue.path, message: serverMessage(issue, locale) });
  if (data?.domain && (data.issues ?? []).length === 0) {
    const { code, message, issue } = data.domain;
    items.push({
      path: data.domain.path ?? [],
      message: serverMessage({ message, ...(code && { code }), ...(issue && { issue }) }, locale),
    });
  }
  const placed = collect(items, toField);
  if (placed.fields.length === 0 && placed.other.length === 0) {
    placed.other.push(error instanceof Error ? error.message : String(error));
  }
  return placed;
}

/**
 * A dry run's row errors (`{ path: 'facilities.officeM2', message }`), placed on the form's fields, worded
 * in `locale` (`serverMessage`).
 * @example dryRunFieldErrors(check.errors).fields // [{ name: ['regionCode'], errors: ['…'] }]
 */
export function dryRunFieldErrors(
  errors: ReadonlyArray<ServerError & { path: string }>,
  toField: PathToField = (p) => [...p],
  locale: Locale = 'en',
): PlacedErrors {
  return collect(
    errors.map((e) => ({ path: parsePath(e.path), message: serverMessage(e, locale) })),
    toField,
  );
}

/**
 * Sets the placed errors on an Ant Design form. The server names its fields at run time, so the form's
 * typed name paths cannot check them statically; `toField` has already kept only the form's own.
 */
export function showOnForm<V>(form: FormInstance<V>, fields: readonly ServerFieldError[]): void {
  form.setFields(fields as unknown as Parameters<FormInstance<V>['setFields']>[0]);
}
