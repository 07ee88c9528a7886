import { DomainError, formatPath } from '@shegong/kernel';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Response } from 'express';
import type { z } from 'zod';
import { type Problem, sendProblem } from '../http/problem.ts';
import { ServiceError, toTRPCError } from '../trpc/errors.ts';
import type { RejectedRowSchema } from './schemas.ts';

type Row = z.infer<typeof RejectedRowSchema>;

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  429: 'Too many requests',
  502: 'A service did not answer',
};

/** The domain error behind a gateway or service failure: code, message, path, details. */
export function domainOf(error: unknown): {
  code: string;
  message: string;
  path: ReadonlyArray<string | number>;
  details: Record<string, unknown>;
} | null {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof DomainError) return cause.toJSON();
  if (cause instanceof ServiceError && cause.domain)
    return { details: {}, ...cause.domain } as ReturnType<typeof domainOf>;
  return null;
}

/** Every field a failure names: the domain error's path and each zod issue. */
function fieldErrors(error: unknown): Problem['errors'] {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof ServiceError && cause.issues?.length)
    return cause.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  const domain = domainOf(error);
  return domain && domain.path.length > 0
    ? [{ path: formatPath(domain.path), message: domain.message }]
    : undefined;
}

/** Any failure of a REST handler as problem+json: 4xx for what the caller can fix, never a bare 500 text. */
export function sendError(res: Response, error: unknown, instance: string, rows?: Row[]): void {
  if (error instanceof DomainError) error = toTRPCError(error);
  if (!(error instanceof TRPCError)) {
    console.error('gateway: unexpected error', error);
    sendProblem(res, {
      status: 500,
      code: 'INTERNAL',
      title: 'Internal error',
      detail: 'the gateway failed; the error is logged',
      instance,
    });
    return;
  }
  const status = getHTTPStatusCodeFromError(error);
  const domain = domainOf(error);
  const rejected = rows ?? (domain?.details.rejected as Row[] | undefined);
  const errors = fieldErrors(error);
  sendProblem(res, {
    status,
    code: domain?.code ?? error.code,
    title: TITLES[status] ?? 'Error',
    detail: error.message,
    instance,
    ...(errors && { errors }),
    ...(rejected && { rows: rejected }),
  });
}
