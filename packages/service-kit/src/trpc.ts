import { DomainError, issueFacts } from '@shegong/kernel';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

/**
 * tRPC error code for a domain error code: `UNAUTHENTICATED` → 401, `FORBIDDEN` / `OUT_OF_JURISDICTION` →
 * 403, `…_NOT_FOUND` → 404, `…_CONFLICT`/`…_DUPLICATE` → 409, `…_TOO_LARGE` → 413, else 400.
 */
export function trpcCodeFor(
  code: string,
): 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'PAYLOAD_TOO_LARGE' | 'BAD_REQUEST' {
  if (code === 'UNAUTHENTICATED') return 'UNAUTHORIZED';
  if (code === 'FORBIDDEN' || code === 'OUT_OF_JURISDICTION') return 'FORBIDDEN';
  if (code.endsWith('_NOT_FOUND')) return 'NOT_FOUND';
  if (code.endsWith('_CONFLICT') || code.endsWith('_DUPLICATE')) return 'CONFLICT';
  if (code.endsWith('_TOO_LARGE')) return 'PAYLOAD_TOO_LARGE';
  return 'BAD_REQUEST';
}

/**
 * The `errorFormatter` every service passes to its one `initTRPC…create()`: the error shape carries the
 * domain code and field path of a `DomainError`, and zod's issues, so callers (and the gateway's
 * problem+json) can name every bad field; each issue also says what it was without its wording
 * (`issueFacts`), for a console to word it in its locale.
 * @example const t = initTRPC.context<Ctx>().create({ errorFormatter: formatServiceError });
 */
export function formatServiceError<S extends { data: object }>({
  shape,
  error,
}: {
  shape: S;
  error: TRPCError;
}) {
  const cause = error.cause;
  return {
    ...shape,
    data: {
      ...shape.data,
      domain: cause instanceof DomainError ? cause.toJSON() : null,
      issues:
        cause instanceof ZodError
          ? cause.issues.map((i) => ({ path: i.path.map(String), message: i.message, issue: issueFacts(i) }))
          : null,
    },
  };
}

/**
 * For a service's base procedure middleware: a `DomainError` thrown by a procedure becomes a tRPC error of
 * the matching code (400/404/409) instead of a 500.
 * @example const procedure = t.procedure.use(async ({ next }) => mapDomainErrors(await next()));
 */
export function mapDomainErrors<R extends { ok: boolean }>(result: R): R {
  if (!result.ok) {
    const cause = (result as unknown as { error: TRPCError }).error.cause;
    if (cause instanceof DomainError)
      throw new TRPCError({ code: trpcCodeFor(cause.code), message: cause.message, cause });
  }
  return result;
}
