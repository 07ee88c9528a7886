import { TRPCClientError } from '@trpc/client';

/** A field's errors as Ant Design's `form.setFields` takes them. */
export interface FieldError<F extends string = string> {
  name: F;
  errors: string[];
}

/**
 * The fields a refused call names, from the gateway's error data: a domain error's `path`
 * (`REPORT_PERIOD_INVALID` → `period`) or zod's issues (`reason`: "say why"), so the form shows the
 * service's own message at the field it is about. Only fields the form has (`known`) are returned; the
 * rest is for an alert.
 * @example fieldErrorsOf(error, ['path', 'value', 'reason'])
 */
export function fieldErrorsOf<F extends string>(error: unknown, known: readonly F[]): FieldError<F>[] {
  if (!(error instanceof TRPCClientError)) return [];
  const data = error.data as
    | {
        domain?: { message: string; path: ReadonlyArray<string | number> } | null;
        issues?: Array<{ path: string[]; message: string }> | null;
      }
    | undefined;
  const out = new Map<F, string[]>();
  const add = (field: unknown, message: string) => {
    if (typeof field !== 'string' || !known.includes(field as F)) return;
    out.set(field as F, [...(out.get(field as F) ?? []), message]);
  };
  if (data?.domain) add(data.domain.path[0], data.domain.message);
  for (const issue of data?.issues ?? []) add(issue.path[0], issue.message);
  return [...out].map(([name, errors]) => ({ name, errors }));
}
