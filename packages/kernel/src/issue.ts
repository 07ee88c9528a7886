import type { z } from 'zod';

/**
 * What a refusal was, without its wording: a zod issue's `code` and parameters (`expected`, `minimum`,
 * `format`, `values`, a custom issue's `params` …) with its `message`, `path` and `input` left out — the
 * input may be personal data, and the path is carried beside it. A console re-words it in its locale
 * (zod's own locales for the built-in codes; a custom issue's `params.zh` where the rule wrote one), so a
 * refusal worded in English by the server reads in Chinese to a clerk.
 * @example issueFacts({ code: 'too_small', minimum: 0, origin: 'number', inclusive: true, path: ['hours'], message: '…' })
 *   // { code: 'too_small', minimum: 0, origin: 'number', inclusive: true }
 */
export function issueFacts(issue: z.core.$ZodIssue): Record<string, unknown> {
  const {
    message: _message,
    path: _path,
    input: _input,
    ...facts
  } = issue as z.core.$ZodIssue & {
    input?: unknown;
  };
  return facts;
}
