import { DomainError, formatPath } from '@shegong/kernel';
import type { z } from 'zod';

export type Path = ReadonlyArray<string | number>;

/**
 * Parses input with its schema for a domain function, so direct callers get the router's checks.
 * @throws DomainError `REGISTRY_INPUT_INVALID` naming the first bad field under `at` (`items[2].regionCode`),
 *   with every issue in `details.issues`
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, at: Path = []): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: formatPath([...at, ...(issue.path as Array<string | number>)]),
    message: issue.message,
  }));
  const first = parsed.error.issues[0];
  const path = [...at, ...((first?.path ?? []) as Array<string | number>)];
  throw new DomainError(
    'REGISTRY_INPUT_INVALID',
    issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; '),
    { path, details: { issues } },
  );
}

/** A domain error about one field: the message starts with the field as a person reads it. */
export function fieldError(
  code: string,
  path: Path,
  message: string,
  details: Record<string, unknown> = {},
): DomainError {
  return new DomainError(code, `${formatPath(path)}: ${message}`, { path, details });
}
