import { DomainError, issueFacts } from '@shegong/kernel';
import { trpcCodeFor } from '@shegong/service-kit';
import { TRPCClientError } from '@trpc/client';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

/** What a refusal was, without its wording (`issueFacts`), for a console to word it in its locale. */
type IssueFacts = Record<string, unknown>;
type Domain = {
  code: string;
  message: string;
  path: Array<string | number>;
  details?: { issue?: IssueFacts };
};
type Issue = { path: string[]; message: string; issue?: IssueFacts };

/** A service's answer to a forwarded call that failed: its domain error and zod issues, kept as they were. */
export class ServiceError extends Error {
  readonly service: string;
  readonly domain: Domain | null;
  readonly issues: Issue[] | null;
  constructor(service: string, message: string, data: ServiceErrorData | undefined) {
    super(message);
    this.service = service;
    this.domain = data?.domain ?? null;
    this.issues = data?.issues ?? null;
  }
}

interface ServiceErrorData {
  code?: TRPCError['code'];
  domain?: Domain | null;
  issues?: Issue[] | null;
}

/**
 * Turns what a service call threw into the gateway's error: the service's 4xx as the same tRPC code with
 * its domain error and issues (so a caller still sees `items[3].regionCode`), a service that did not
 * answer as 502 naming it.
 */
export function fromServiceError(service: string, error: unknown): TRPCError {
  if (error instanceof TRPCClientError) {
    const data = error.data as ServiceErrorData | undefined;
    if (data?.code) {
      return new TRPCError({
        code: data.code,
        message: error.message,
        cause: new ServiceError(service, error.message, data),
      });
    }
    return new TRPCError({
      code: 'BAD_GATEWAY',
      message: `the ${service} service did not answer: ${error.message}`,
      cause: error,
    });
  }
  if (error instanceof TRPCError || error instanceof DomainError) return toTRPCError(error);
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: (error as Error).message, cause: error });
}

/** A gateway-side `DomainError` as a tRPC error of the matching status. */
export function toTRPCError(error: DomainError | TRPCError): TRPCError {
  if (error instanceof TRPCError) return error;
  return new TRPCError({ code: trpcCodeFor(error.code), message: error.message, cause: error });
}

/** The `data` every gateway error carries: the domain error (code, message, path) and zod issues, if any. */
export function errorDetails(error: TRPCError): {
  domain: { code: string; message: string; path: ReadonlyArray<string | number>; issue?: IssueFacts } | null;
  issues: Issue[] | null;
} {
  const cause = error.cause;
  if (cause instanceof ServiceError) {
    if (!cause.domain) return { domain: null, issues: cause.issues };
    const { code, message, path, details } = cause.domain;
    return {
      domain: { code, message, path, ...(details?.issue && { issue: details.issue }) },
      issues: cause.issues,
    };
  }
  if (cause instanceof DomainError) {
    const { code, message, path, details } = cause.toJSON();
    const issue = details.issue as IssueFacts | undefined;
    return { domain: { code, message, path, ...(issue && { issue }) }, issues: null };
  }
  if (cause instanceof ZodError) {
    return {
      domain: null,
      issues: cause.issues.map((i) => ({
        path: i.path.map(String),
        message: i.message,
        issue: issueFacts(i),
      })),
    };
  }
  return { domain: null, issues: null };
}
