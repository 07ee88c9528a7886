import {
  checkEvaluationCadence,
  DecideRenewalRequestSchema,
  decideRenewal,
  EvaluationCadenceRequestSchema,
  EvaluationRefSchema,
  EvaluationSchemeRequestSchema,
  getEvaluation,
  ListEvaluationsRequestSchema,
  ListRenewalsRequestSchema,
  listEvaluations,
  listRenewals,
  RecordEvaluationRequestSchema,
  recordEvaluation,
  schemeForStation,
} from '../domain/evaluations.ts';
import { chinaToday } from '../domain/reports.ts';
import { type Ctx, procedure } from './trpc.ts';

const today = (ctx: Ctx) => (ctx.today ?? (() => chinaToday()))();

/** `evaluations.record`: an evaluation scored from the hub's facts and the evaluator's entries, stored. */
export const record = procedure
  .input(RecordEvaluationRequestSchema)
  .mutation(({ ctx, input }) => recordEvaluation(ctx.db, input));

/** `evaluations.list`: the evaluations of the stations inside a region (one station, a year or half-year). */
export const list = procedure
  .input(ListEvaluationsRequestSchema)
  .query(({ ctx, input }) => listEvaluations(ctx.db, input));

/** `evaluations.get`: one evaluation of a station, with its facts, entries, vetoes and breakdown. */
export const get = procedure
  .input(EvaluationRefSchema)
  .query(({ ctx, input }) => getEvaluation(ctx.db, input));

/** `renewals.decide`: a contract year renewed or re-procured on its evaluations, published to funding. */
export const decide = procedure
  .input(DecideRenewalRequestSchema)
  .mutation(({ ctx, input }) => decideRenewal(ctx.db, input, today(ctx)));

/** `renewals.list`: the renewal decisions of the contracts inside a region. */
export const renewals = procedure
  .input(ListRenewalsRequestSchema)
  .query(({ ctx, input }) => listRenewals(ctx.db, input));

/** `evaluations.cadence`: the region's stations short of the evaluations their profile requires in a year. */
export const cadence = procedure
  .input(EvaluationCadenceRequestSchema)
  .query(({ ctx, input }) => checkEvaluationCadence(ctx.db, input, today(ctx)));

/** `evaluations.scheme`: the scheme (indicators, points, vetoes, grade lines) a station is scored with. */
export const scheme = procedure
  .input(EvaluationSchemeRequestSchema)
  .query(({ ctx, input }) => schemeForStation(ctx.db, input));
