import {
  AddTrainingSchema,
  ByIdSchema,
  ByStationSchema,
  batchOf,
  WorkerInputSchema,
} from '@shegong/contracts';
import {
  addTraining,
  getWorker,
  listWorkers,
  revealWorker,
  upsertWorker,
  upsertWorkers,
} from '../domain/workers.ts';
import { procedure, router } from './trpc.ts';

export const workersRouter = router({
  /** Registers or updates a resident worker; returns it masked; emits worker.upserted.v1 (no PII). */
  upsert: procedure.input(WorkerInputSchema).mutation(({ ctx, input }) => upsertWorker(ctx, input)),
  /** All or nothing; an error names `items[i].field`. */
  upsertMany: procedure
    .input(batchOf(WorkerInputSchema))
    .mutation(({ ctx, input }) => upsertWorkers(ctx, input)),
  get: procedure.input(ByIdSchema).query(({ ctx, input }) => getWorker(ctx, input.id)),
  /** The full resident ID number and phone: the gateway calls it only under a PII grant, audited. */
  reveal: procedure.input(ByIdSchema).query(({ ctx, input }) => revealWorker(ctx, input.id)),
  list: procedure.input(ByStationSchema).query(({ ctx, input }) => listWorkers(ctx, input)),
  addTraining: procedure.input(AddTrainingSchema).mutation(({ ctx, input }) => addTraining(ctx, input)),
});
