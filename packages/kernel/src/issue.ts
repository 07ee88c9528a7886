import type { z } from 'zod';

/**
 * What a refusal was, without its wording: a zod issue's `code` and parameters (`expected`, `minimum`,
 * `format`, `values`, a custom issue's `params` …) with its `message`, `path` and `input` left out — the
 * input may be personal data, and the path is carried beside it — and likewise for the issues nested in a
 * union's branches or a map's keys and elements; the keys an object had that the schema did not know
 * (`keys`, `key`) are left out too, as they echo what was sent. A console re-words it in its locale (zod's
 * own locales for the built-in codes; a custom issue's `params.zh` where the rule wrote one), so a refusal
 * worded in English by the server reads in Chinese to a clerk.
 * @example issueFacts({ code: 'too_small', minimum: 0, origin: 'number', inclusive: true, path: ['hours'], message: '…' })
 *   // { code: 'too_small', minimum: 0, origin: 'number', inclusive: true }
 */
export function issueFacts(issue: z.core.$ZodIssue): Record<string, unknown> {
  const {
    message: _message,
    path: _path,
    input: _input,
    keys: _keys,
    key: _key,
    errors,
    issues,
    ...facts
  } = issue as z.core.$ZodIssue & {
    input?: unknown;
    keys?: unknown;
    key?: unknown;
    errors?: z.core.$ZodIssue[][];
    issues?: z.core.$ZodIssue[];
  };
  return {
    ...facts,
    ...(Array.isArray(errors) && { errors: errors.map((branch) => branch.map(issueFacts)) }),
    ...(Array.isArray(issues) && { issues: issues.map(issueFacts) }),
  };
}
