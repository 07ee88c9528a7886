import type {
  AnyTRPCProcedure,
  AnyTRPCRouter,
  inferProcedureInput,
  inferProcedureOutput,
} from '@trpc/server';

/**
 * Type-level views of a service's router, so the gateway's policy table is checked against the
 * service's own procedures: every procedure must have exactly one policy, of the right kind, and a
 * policy's filter sees the procedure's real output type. Nothing here exists at run time.
 */

type RecordOf<R extends AnyTRPCRouter> = R['_def']['record'];

type PathsOf<T, Prefix extends string> = {
  [K in keyof T & string]: T[K] extends AnyTRPCProcedure
    ? `${Prefix}${K}`
    : T[K] extends object
      ? PathsOf<T[K], `${Prefix}${K}.`>
      : never;
}[keyof T & string];

/** `'stations.upsert' | 'stations.list' | …` for a service router. */
export type ProcedurePath<R extends AnyTRPCRouter> = PathsOf<RecordOf<R>, ''>;

type At<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

/** The procedure at a path. */
export type ProcedureAt<R extends AnyTRPCRouter, P extends string> = At<RecordOf<R>, P>;

/** `'query' | 'mutation'` of the procedure at a path. */
export type KindAt<R extends AnyTRPCRouter, P extends string> =
  ProcedureAt<R, P> extends AnyTRPCProcedure ? ProcedureAt<R, P>['_def']['type'] : never;

export type InputAt<R extends AnyTRPCRouter, P extends string> =
  ProcedureAt<R, P> extends AnyTRPCProcedure ? inferProcedureInput<ProcedureAt<R, P>> : never;

export type OutputAt<R extends AnyTRPCRouter, P extends string> =
  ProcedureAt<R, P> extends AnyTRPCProcedure ? inferProcedureOutput<ProcedureAt<R, P>> : never;
