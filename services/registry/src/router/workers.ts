import {
  AddTrainingSchema,
  ByIdSchema,
  ByStationSchema,
  batchOf,
  WorkerInputSchema,
} from '@shegong/contracts';
import { z } from 'zod';
import {
  addTraining,
  checkWorkers,
  getWorker,
  listWorkers,
  type MaskedWorker,
  revealWorker,
  upsertWorker,
  upsertWorkers,
  type WorkerCheck,
} from '../domain/workers.ts';
import { procedure, router } from './trpc.ts';

export const workersRouter = router({
  /** Registers or updates a resident worker; returns it masked; emits worker.upserted.v1 (no PII). */
  upsert: procedure.input(WorkerInputSchema).mutation(({ ctx, input }) => upsertWorker(ctx, input)),
  /**
   * All or nothing; an error names `items[i].field`. With `dryRun: true` nothing is written: the rows
   * arrive unchecked and each comes back as it would be saved (masked) or with every reason it would not.
   */
  upsertMany: procedure
    .input(
      z.discriminatedUnion('dryRun', [
        batchOf(WorkerInputSchema).extend({ dryRun: z.literal(false).optional() }),
        z.object({ items: z.array(z.unknown()).max(1_000), dryRun: z.literal(true) }),
      ]),
    )
    .mutation(
      ({ ctx, input }): Promise<MaskedWorker[] | WorkerCheck[]> =>
        input.dryRun === true ? checkWorkers(ctx, input) : upsertWorkers(ctx, input),
    ),
  get: procedure.input(ByIdSchema).query(({ ctx, input }) => getWorker(ctx, input.id)),
  /** The full resident ID number and phone: the gateway calls it only under a PII grant, audited. */
  reveal: procedure.input(ByIdSchema).query(({ ctx, input }) => revealWorker(ctx, input.id)),
  list: procedure.input(ByStationSchema).query(({ ctx, input }) => listWorkers(ctx, input)),
  addTraining: procedure.input(AddTrainingSchema).mutation(({ ctx, input }) => addTraining(ctx, input)),
});
