import type { FundingRouter } from '@shegong/funding-service';
import type { RegistryRouter } from '@shegong/registry-service';
import type { ReportingRouter } from '@shegong/reporting-service';
import type { TRPCClient } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';

/**
 * The write procedures of a router, as plain async functions: `registry.stations.upsertMany(input)`.
 * A server-side caller (`router.createCaller(ctx)`, the embedded start) has this shape already; over HTTP,
 * `writerOver(client)` gives it. The demo loaders only write, so they take this and run the same in both modes.
 */
export type Writer<T> = {
  [K in keyof T as T[K] extends { query: unknown } | { subscribe: unknown } ? never : K]: T[K] extends {
    mutate: (input: infer I, ...rest: never[]) => Promise<infer O>;
  }
    ? (input: I) => Promise<O>
    : Writer<T[K]>;
};

export type RegistryWriter = Writer<TRPCClient<RegistryRouter>>;
export type FundingWriter = Writer<TRPCClient<FundingRouter>>;
export type ReportingWriter = Writer<TRPCClient<ReportingRouter>>;

/**
 * A `Writer` over a tRPC client: `writer.a.b(input)` sends `client.a.b.mutate(input)`.
 * @example
 * const registry = writerOver(createTRPCClient<RegistryRouter>({ links: [httpBatchLink({ url })] }));
 * await registry.operators.upsert(operator);
 */
export function writerOver<R extends AnyTRPCRouter>(client: TRPCClient<R>): Writer<TRPCClient<R>> {
  const at = (node: unknown): unknown =>
    new Proxy(() => {}, {
      get: (_target, key) => at((node as Record<PropertyKey, unknown>)[key]),
      apply: (_target, _this, args: unknown[]) =>
        (node as { mutate(input: unknown): unknown }).mutate(args[0]),
    });
  return at(client) as Writer<TRPCClient<R>>;
}
